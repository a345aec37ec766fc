// Working time: interns follow the host's rules for employees (L124-14), stricter for minors.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import type { TIsoDate } from "./dates.ts";
import { addDays, ageOn, daysBetween, isIsoDate, isoWeekday, mondayOf } from "./dates.ts";
import type { TWorkedDay } from "./duree-effective.ts";
import { toCentiHours } from "./duree-effective.ts";
import type { THolidayZone } from "./holidays.ts";
import { isPublicHoliday } from "./holidays.ts";
import type { TTravailExceptionnel } from "./types.ts";

// Code du travail L3121-18, L3121-20, L3121-22, applied to interns by L124-14.
/** Adults: at most 10 hours a day. */
export const ADULT_MAX_DAILY_HOURS = 10;
/** Adults: at most 48 hours in any week. */
export const ADULT_MAX_WEEKLY_HOURS = 48;
/** Adults: at most 44 hours a week on average over any 12 consecutive weeks (L3121-22). */
export const ADULT_MAX_AVERAGE_WEEKLY_HOURS = 44;
/** Weeks over which the average weekly hours are taken. */
export const AVERAGE_WEEKS = 12;
// Code du travail L3162-1, L3163-1 to L3163-3, L3164-2 and L3164-6: young workers.
/** Minors: at most 8 hours a day. */
export const MINOR_MAX_DAILY_HOURS = 8;
/** Minors: at most 35 hours a week. */
export const MINOR_MAX_WEEKLY_HOURS = 35;
/** Age from which the student is an adult. */
export const AGE_OF_MAJORITY = 18;

/** True when someone born on `birthDate` is under 18 on `date`. */
export function isMinorOn(birthDate: TIsoDate, date: TIsoDate): boolean {
  return ageOn(birthDate, date) < AGE_OF_MAJORITY;
}

/** The peaks of a schedule, the figures the working-time limits apply to. */
export type TWorkload = {
  maxDailyHours: number;
  maxWeeklyHours: number;
  /**
   * Highest average over 12 consecutive calendar weeks of the presence actually scheduled;
   * weeks without presence (before, after, or inside an interruption) count as 0 h.
   */
  maxAverageWeeklyHours: number;
  worksOnSunday: boolean;
  worksOnPublicHoliday: boolean;
  /** Mondays of the weeks whose presence leaves no two consecutive days of rest, in order. */
  weeksWithoutTwoRestDays: readonly TIsoDate[];
};

/**
 * The weeks (by their Monday) in which the days of presence leave no two consecutive days
 * without presence, from the Sunday before the week to its Sunday (L3164-2: a young worker
 * rests two consecutive days each week). Days outside the internship are rest.
 */
export function weeksWithoutTwoRestDays(days: readonly TWorkedDay[]): TIsoDate[] {
  const worked = new Set(days.map((d) => d.date));
  const mondays = [...new Set(days.map((d) => mondayOf(d.date)))].sort();
  return mondays.filter((monday) => {
    for (let offset = -1; offset <= 5; offset++) {
      if (!worked.has(addDays(monday, offset)) && !worked.has(addDays(monday, offset + 1))) return false;
    }
    return true;
  });
}

function weeklyTotals(days: readonly TWorkedDay[]): number[] {
  const first = days[0];
  if (!first) return [];
  const firstMonday = mondayOf(first.date);
  const totals: number[] = [];
  for (const day of days) {
    const week = Math.floor(daysBetween(firstMonday, day.date) / 7);
    while (totals.length <= week) totals.push(0);
    totals[week] = (totals[week] ?? 0) + day.hours;
  }
  return totals;
}

// L3121-22: "la durée hebdomadaire de travail calculée sur une période quelconque de douze
// semaines consécutives ne peut dépasser quarante-quatre heures". Any 12 consecutive weeks:
// for an internship shorter than 12 weeks, the weeks around it are weeks without presence at
// this host, so the average is its total over 12, never over fewer weeks (a one-week
// internship of 46 h averages 46 / 12 h). Counted in hundredths of an hour.
function maxRollingAverage(totals: readonly number[], window: number): number {
  const centi = totals.map(toCentiHours);
  while (centi.length < window) centi.push(0);
  let best = 0;
  for (let start = 0; start + window <= centi.length; start++) {
    const sum = centi.slice(start, start + window).reduce((a, b) => a + b, 0);
    best = Math.max(best, sum);
  }
  return best / 100 / window;
}

/**
 * The workload of the days of presence. The daily and weekly peaks are never below what the
 * convention declares (the declared weekly hours as a week's, spread over the `workdays` of a
 * week, 5 or 6 with the Saturdays, as a day's); the 12-week average is the schedule's own,
 * public holidays and interruptions out (the declared hours of a normal week would overstate it).
 */
export function workloadOf(days: readonly TWorkedDay[], declaredWeeklyHours: number | null, workdays = 5, zone: THolidayZone = "METROPOLE"): TWorkload {
  const declared = declaredWeeklyHours !== null && declaredWeeklyHours > 0 ? declaredWeeklyHours : 0;
  const totals = weeklyTotals(days);
  return {
    maxDailyHours: Math.max(declared / workdays, ...days.map((d) => d.hours)),
    maxWeeklyHours: Math.max(declared, ...totals),
    maxAverageWeeklyHours: maxRollingAverage(totals, AVERAGE_WEEKS),
    worksOnSunday: days.some((d) => isoWeekday(d.date) === 7),
    worksOnPublicHoliday: days.some((d) => isPublicHoliday(d.date, zone)),
    weeksWithoutTwoRestDays: weeksWithoutTwoRestDays(days),
  };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
const exceeds = (hours: number, max: number): boolean => toCentiHours(hours) > max * 100;

/** Input of the working-time rule. */
export type TWorkingTimeCheck = {
  workload: TWorkload;
  /** Null when unknown: the adults' limits, which bind everyone, still apply. */
  birthDate: TIsoDate | null;
  startDate: TIsoDate | null;
  travailExceptionnel: TTravailExceptionnel;
};

/** Checks daily and weekly hours and exceptional presence against the adults' or the minors' limits. */
export function checkWorkingTime(check: TWorkingTimeCheck): TRuleResult[] {
  const { birthDate, startDate } = check;
  const age = isIsoDate(birthDate) && isIsoDate(startDate) ? ageOn(birthDate, startDate) : null;
  return age !== null && age < AGE_OF_MAJORITY ? checkMinor(check, age) : checkAdult(check);
}

function checkAdult({ workload, travailExceptionnel: flags }: TWorkingTimeCheck): TRuleResult[] {
  const results: TRuleResult[] = [];
  const daily = round2(workload.maxDailyHours);
  const weekly = round2(workload.maxWeeklyHours);
  const average = round2(workload.maxAverageWeeklyHours);
  const field = RULE_FIELDS.heuresHebdomadaires;
  if (exceeds(daily, ADULT_MAX_DAILY_HOURS)) {
    results.push(ruleResult("DAILY_HOURS_EXCEEDED", "error", { hours: daily, max: ADULT_MAX_DAILY_HOURS }, field));
  }
  if (exceeds(weekly, ADULT_MAX_WEEKLY_HOURS)) {
    results.push(ruleResult("WEEKLY_HOURS_EXCEEDED", "error", { hours: weekly, max: ADULT_MAX_WEEKLY_HOURS }, field));
  } else if (exceeds(average, ADULT_MAX_AVERAGE_WEEKLY_HOURS)) {
    const params = { hours: average, max: ADULT_MAX_AVERAGE_WEEKLY_HOURS, weeks: AVERAGE_WEEKS };
    results.push(ruleResult("WEEKLY_AVERAGE_EXCEEDED", "warning", params, field));
  }
  return [...results, ...checkExceptionalPresence(workload, flags)];
}

// L124-14 and D124-4 (6°): presence at night, on Sundays or public holidays, and telework
// must be written in the convention; a ticked box with no description says too little.
function checkExceptionalPresence(workload: TWorkload, flags: TTravailExceptionnel): TRuleResult[] {
  const results: TRuleResult[] = [];
  if (workload.worksOnSunday && !flags.sunday) {
    results.push(ruleResult("SUNDAY_WORK_NOT_DECLARED", "warning", {}, RULE_FIELDS.travailDimanche));
  }
  if (workload.worksOnPublicHoliday && !flags.publicHoliday) {
    results.push(ruleResult("PUBLIC_HOLIDAY_WORK_NOT_DECLARED", "warning", {}, RULE_FIELDS.travailJoursFeries));
  }
  if ((flags.comment ?? "").trim() !== "") return results;
  const field = RULE_FIELDS.travailExceptionnelCommentaire;
  if (flags.night) results.push(ruleResult("NIGHT_WORK_NOT_DESCRIBED", "warning", {}, field));
  if (flags.sunday || workload.worksOnSunday) {
    results.push(ruleResult("SUNDAY_WORK_NOT_DESCRIBED", "warning", {}, field));
  }
  if (flags.publicHoliday || workload.worksOnPublicHoliday) {
    results.push(ruleResult("PUBLIC_HOLIDAY_WORK_NOT_DESCRIBED", "warning", {}, field));
  }
  if (flags.telework) results.push(ruleResult("TELEWORK_NOT_DESCRIBED", "warning", {}, field));
  return results;
}

function checkMinor({ workload, travailExceptionnel: flags, birthDate }: TWorkingTimeCheck, age: number): TRuleResult[] {
  // The convention is signed by the legal representative (D124-4), hence a recorded warning.
  const results = [ruleResult("MINOR_STUDENT", "warning", { age }, RULE_FIELDS.dateNaissance)];
  const daily = round2(workload.maxDailyHours);
  const weekly = round2(workload.maxWeeklyHours);
  const field = RULE_FIELDS.heuresHebdomadaires;
  if (exceeds(daily, MINOR_MAX_DAILY_HOURS)) {
    results.push(ruleResult("MINOR_DAILY_HOURS_EXCEEDED", "error", { hours: daily, max: MINOR_MAX_DAILY_HOURS }, field));
  }
  if (exceeds(weekly, MINOR_MAX_WEEKLY_HOURS)) {
    results.push(ruleResult("MINOR_WEEKLY_HOURS_EXCEEDED", "error", { hours: weekly, max: MINOR_MAX_WEEKLY_HOURS }, field));
  }
  // Code du travail L3163-2 (night), L3164-2 (Sunday), L3164-6 (public holidays).
  if (flags.night) results.push(ruleResult("MINOR_NIGHT_WORK", "error", { age }, RULE_FIELDS.travailNuit));
  if (flags.sunday || workload.worksOnSunday) {
    results.push(ruleResult("MINOR_SUNDAY_WORK", "error", { age }, RULE_FIELDS.travailDimanche));
  }
  if (flags.publicHoliday || workload.worksOnPublicHoliday) {
    results.push(ruleResult("MINOR_PUBLIC_HOLIDAY_WORK", "error", { age }, RULE_FIELDS.travailJoursFeries));
  }
  if (flags.telework && (flags.comment ?? "").trim() === "") {
    results.push(ruleResult("TELEWORK_NOT_DESCRIBED", "warning", {}, RULE_FIELDS.travailExceptionnelCommentaire));
  }
  // L3164-2: two consecutive days of rest a week, in the weeks that begin before the 18th birthday.
  // With Sunday off, only the Saturday can be the second day: the result points at "Samedis travaillés".
  const weeks = workload.weeksWithoutTwoRestDays.filter((monday) => birthDate !== null && isMinorOn(birthDate, monday));
  const [first] = weeks;
  if (first !== undefined) {
    const params = { age, week: first, weeks: weeks.length };
    results.push(ruleResult("MINOR_TWO_REST_DAYS", "error", params, RULE_FIELDS.samedisTravailles));
  }
  return results;
}
