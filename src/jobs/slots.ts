// The slots of a schedule: the instants a job is due, computed in the schedule's local time.
// node-cron only wakes the scheduler; which slot to run comes from here, so a slot missed while
// every instance was down can be found again and caught up.
import { parse, validateDetailed } from "node-cron";
import { isoDate, isFrenchPublicHoliday } from "../domain/rules/index.ts";
import { instantOfWallTime, wallTimeAt } from "./local-time.ts";

/** When a job runs: a cron expression read in a time zone, optionally not on public holidays. */
export interface TJobSchedule {
  /** node-cron syntax, 5 fields (minute first) or 6 (second first); numbers, ranges, steps, names. */
  cron: string;
  /** IANA time zone the expression is read in; Europe/Paris unless told. */
  timeZone?: string;
  /** No slot on a public holiday of metropolitan France (1 May, 25 December, Easter Monday…). */
  skipFrenchPublicHolidays?: boolean;
}

/** The time zone of every schedule that names none. */
export const DEFAULT_TIME_ZONE = "Europe/Paris";

interface TCompiledSchedule {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  daysOfWeek: Set<number>;
  timeZone: string;
  skipHolidays: boolean;
}

const compiled = new Map<string, TCompiledSchedule>();

function numbers(field: string, values: (number | string)[]): number[] {
  // L, W and # need a calendar of their own; no Stagebot schedule needs them.
  if (!values.every((value): value is number => typeof value === "number")) throw new Error(`unsupported ${field} in a schedule: ${values.join(",")}`);
  return [...new Set(values)].sort((a, b) => a - b);
}

/** Why `cron` cannot be a schedule, or null when it can. */
export function scheduleProblem(cron: string): string | null {
  const validation = validateDetailed(cron);
  if (!validation.valid) return validation.errors.map((error) => `${error.field}: ${error.message}`).join("; ") || "invalid cron expression";
  try {
    compile({ cron });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function compile(schedule: TJobSchedule): TCompiledSchedule {
  const timeZone = schedule.timeZone ?? DEFAULT_TIME_ZONE;
  const skipHolidays = schedule.skipFrenchPublicHolidays ?? false;
  const cacheKey = `${schedule.cron}|${timeZone}|${skipHolidays}`;
  const cached = compiled.get(cacheKey);
  if (cached) return cached;
  const fields = parse(schedule.cron);
  const result: TCompiledSchedule = {
    seconds: numbers("second", fields.second),
    minutes: numbers("minute", fields.minute),
    hours: numbers("hour", fields.hour),
    daysOfMonth: new Set(numbers("day of month", fields.dayOfMonth)),
    months: new Set(numbers("month", fields.month)),
    // node-cron reads 7 as Sunday too.
    daysOfWeek: new Set(numbers("day of week", fields.dayOfWeek).map((day) => day % 7)),
    timeZone,
    skipHolidays,
  };
  // Throws a RangeError on an unknown zone, now rather than at the first slot.
  wallTimeAt(new Date(0), timeZone);
  compiled.set(cacheKey, result);
  return result;
}

type TDay = { year: number; month: number; day: number };

// Like node-cron, day of month AND day of week must both match.
function isScheduledDay(schedule: TCompiledSchedule, { year, month, day }: TDay): boolean {
  if (!schedule.months.has(month) || !schedule.daysOfMonth.has(day)) return false;
  if (!schedule.daysOfWeek.has(new Date(Date.UTC(year, month - 1, day)).getUTCDay())) return false;
  return !(schedule.skipHolidays && isFrenchPublicHoliday(isoDate(year, month, day)));
}

function nextDay({ year, month, day }: TDay): TDay {
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The slots of one local day, in order (a time skipped by the spring change has none). */
function* slotsOfDay(schedule: TCompiledSchedule, day: TDay): Generator<Date> {
  for (const hour of schedule.hours) {
    for (const minute of schedule.minutes) {
      for (const second of schedule.seconds) {
        const instant = instantOfWallTime({ ...day, hour, minute, second }, schedule.timeZone);
        if (instant) yield instant;
      }
    }
  }
}

/** Days looked at before deciding a schedule has no slot left (29 February on a Monday: 28 years). */
const HORIZON_DAYS = 366 * 30;

/** The slots after `after` (excluded), in order, up to `until` (included) if given. */
function* slotsAfter(schedule: TJobSchedule, after: Date, until?: Date): Generator<Date> {
  const compiledSchedule = compile(schedule);
  const start = wallTimeAt(after, compiledSchedule.timeZone);
  let day: TDay = { year: start.year, month: start.month, day: start.day };
  for (let index = 0; index < HORIZON_DAYS; index += 1, day = nextDay(day)) {
    // Local midnight is never earlier than 14 h before UTC midnight: nothing left before `until`.
    if (until && Date.UTC(day.year, day.month - 1, day.day) - 14 * 3_600_000 > until.getTime()) return;
    if (!isScheduledDay(compiledSchedule, day)) continue;
    for (const slot of slotsOfDay(compiledSchedule, day)) {
      if (until && slot.getTime() > until.getTime()) return;
      if (slot.getTime() > after.getTime()) yield slot;
    }
  }
}

/** The first slot of `schedule` strictly after `after`, or null when there is none. Pure. */
export function nextSlot(schedule: TJobSchedule, after: Date): Date | null {
  for (const slot of slotsAfter(schedule, after)) return slot;
  return null;
}

/** Every slot of `schedule` with `from` < slot <= `to`, in order. Pure. */
export function slotsBetween(schedule: TJobSchedule, from: Date, to: Date): Date[] {
  if (to.getTime() <= from.getTime()) return [];
  return [...slotsAfter(schedule, from, to)];
}
