// Durée effective: the hours of presence of an internship, the basis of the gratification
// threshold and of the 924-hour cap.
import type { TIsoDate } from "./dates.ts";
import { compareIsoDates, eachDay, isIsoDate, isWithin, isoWeekday, yearOf } from "./dates.ts";
import { isPublicHoliday } from "./holidays.ts";
import type { TPeriod, TSchedule, TSchedulePeriod } from "./types.ts";

// D124-6: 7 hours of presence, consecutive or not, make one day; 22 days make one month.
/** Hours of presence that make one day (D124-6). */
export const HOURS_PER_DAY = 7;
/** Days of presence that make one month (D124-6). */
export const DAYS_PER_MONTH = 22;

/** One day of presence and its hours. */
export type TWorkedDay = { date: TIsoDate; hours: number };

/** Hours of presence done in one calendar year (the year decides the gratification rate). */
export type TYearHours = { year: number; hours: number };

/** A durée effective: hours, their day and month equivalents, and the hours of each calendar year. */
export type TDureeEffective = {
  hours: number;
  /** hours / 7 (D124-6), to 2 decimals. */
  days: number;
  /** days / 22 (D124-6), to 2 decimals. */
  months: number;
  /** Every calendar year the internship touches, in order, even with 0 hours. */
  byYear: readonly TYearHours[];
  /** COMPUTED from the schedule, or OVERRIDE when the student's own count replaced it. */
  source: "COMPUTED" | "OVERRIDE";
};

const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Hours as an integer number of hundredths, so that sums and products stay exact. */
export function toCentiHours(hours: number): number {
  return Math.round(hours * 100);
}

function isUsablePeriod(period: TPeriod): boolean {
  return isIsoDate(period.start) && isIsoDate(period.end) && compareIsoDates(period.end, period.start) >= 0;
}

function hoursOnDay(date: TIsoDate, schedule: TSchedule): number {
  if (schedule.kind === "REGULAR") {
    // D124-6 counts the days present: the weekly hours spread over the days worked in a week.
    const weekday = isoWeekday(date);
    const saturdays = schedule.includesSaturdays === true;
    const worked = weekday <= 5 || (weekday === 6 && saturdays);
    return worked && !isPublicHoliday(date, schedule.holidayZone) ? schedule.weeklyHours / (saturdays ? 6 : 5) : 0;
  }
  // Periods are disjoint when valid; if not (reported by checkSchedule) the first one wins,
  // so no day is counted twice.
  const period = schedule.periods.find((p) => isUsablePeriod(p) && isWithin(date, p.start, p.end));
  return period && isCountedInPeriod(date, period, schedule) ? period.hoursPerDay : 0;
}

// Irregular periods: the days from Monday to Friday are presence, as for a regular schedule
// (D124-6 counts days actually present; counting every Saturday would inflate the 308-hour
// threshold, the 924-hour cap and the minimum gratification). Saturdays only when the period
// says so; Sundays and public holidays too, since working them has to be written in the
// convention (L124-14).
function isCountedInPeriod(date: TIsoDate, period: TSchedulePeriod, schedule: TSchedule): boolean {
  const weekday = isoWeekday(date);
  if (weekday === 6 && period.includesSaturdays !== true) return false;
  if (weekday === 7 && period.includesSundays !== true) return false;
  if (isPublicHoliday(date, schedule.holidayZone) && period.includesHolidays !== true) return false;
  return true;
}

/**
 * The days of presence of the internship with their hours. Regular schedule: weekly hours / 5
 * on each day Monday–Friday, except public holidays. Irregular: Monday–Friday unless the
 * period says otherwise, see isCountedInPeriod. Days
 * inside an interruption are never presence, so a holiday inside one is not removed twice.
 */
export function workedDays(stage: TPeriod, schedule: TSchedule, interruptions: readonly TPeriod[]): TWorkedDay[] {
  const breaks = interruptions.filter(isUsablePeriod);
  const days: TWorkedDay[] = [];
  for (const date of eachDay(stage.start, stage.end)) {
    if (breaks.some((p) => isWithin(date, p.start, p.end))) continue;
    const hours = hoursOnDay(date, schedule);
    if (hours > 0) days.push({ date, hours });
  }
  return days;
}

function yearsOf(stage: TPeriod): number[] {
  const years: number[] = [];
  for (let year = yearOf(stage.start); year <= yearOf(stage.end); year++) years.push(year);
  return years;
}

function fromCentiByYear(centiByYear: ReadonlyMap<number, number>, source: TDureeEffective["source"]): TDureeEffective {
  const byYear = [...centiByYear].map(([year, centi]) => ({ year, hours: centi / 100 }));
  const totalCenti = [...centiByYear.values()].reduce((sum, centi) => sum + centi, 0);
  const hours = totalCenti / 100;
  const days = round2(hours / HOURS_PER_DAY);
  const months = round2(hours / HOURS_PER_DAY / DAYS_PER_MONTH);
  return { hours, days, months, byYear, source };
}

/** Computes the durée effective of an internship from its schedule (null: not known yet, 0 h) and interruptions. */
export function computeDureeEffective(stage: TPeriod, schedule: TSchedule | null, interruptions: readonly TPeriod[]): TDureeEffective {
  const centiByYear = new Map<number, number>(yearsOf(stage).map((year) => [year, 0]));
  const sums = new Map<number, number>();
  const days = schedule === null ? [] : workedDays(stage, schedule, interruptions);
  for (const day of days) {
    const year = yearOf(day.date);
    sums.set(year, (sums.get(year) ?? 0) + day.hours);
  }
  // Rounded once per year: adding 7.4 h two hundred times must give exactly 1480 h.
  for (const [year, hours] of sums) centiByYear.set(year, toCentiHours(hours));
  return fromCentiByYear(centiByYear, "COMPUTED");
}

// Splits `target` in proportion to `weights`, in whole units summing exactly to `target`
// (largest remainder); with no weight at all, everything goes to the last share.
function spreadProportionally(weights: readonly number[], target: number): number[] {
  const totalWeight = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w, i) => {
    if (totalWeight > 0) return (w * target) / totalWeight;
    return i === weights.length - 1 ? target : 0;
  });
  const shares = exact.map(Math.floor);
  let missing = target - shares.reduce((sum, share) => sum + share, 0);
  const byRemainder = exact.map((e, i) => ({ i, remainder: e - Math.floor(e) })).sort((a, b) => b.remainder - a.remainder);
  for (const { i } of byRemainder) {
    if (missing <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    missing--;
  }
  return shares;
}

/**
 * The durée effective that counts: the student's override when given, otherwise the computed
 * one. The override's hours are spread over the years like the computed ones (to the
 * hundredth of an hour); when nothing was computed they all go to the last year, whose rate
 * is the latest and so never understates the minimum gratification.
 */
export function pickDureeEffective(computed: TDureeEffective, overrideHours: number | null | undefined): TDureeEffective {
  if (overrideHours === null || overrideHours === undefined || !Number.isFinite(overrideHours) || overrideHours < 0) {
    return computed;
  }
  const shares = spreadProportionally(
    computed.byYear.map((y) => toCentiHours(y.hours)),
    toCentiHours(overrideHours),
  );
  const centiByYear = new Map(computed.byYear.map((y, i) => [y.year, shares[i] ?? 0]));
  return fromCentiByYear(centiByYear, "OVERRIDE");
}
