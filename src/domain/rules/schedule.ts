// The intern's schedule: regular weekly hours or irregular periods, and their consistency.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, itemField, ruleResult } from "./codes.ts";
import { checkPeriods } from "./dates-consistency.ts";
import type { TPeriod, TRulesInput, TSchedule, TSchedulePeriod } from "./types.ts";

/** Hours in a week: no schedule can declare more. */
export const HOURS_PER_WEEK = 7 * 24;

/** True when `hours` is a usable weekly-hours value (more than 0, at most 168). */
export function isValidWeeklyHours(hours: number | null): hours is number {
  return hours !== null && Number.isFinite(hours) && hours > 0 && hours <= HOURS_PER_WEEK;
}

function isValidHoursPerDay(hours: number): boolean {
  return Number.isFinite(hours) && hours > 0 && hours <= 24;
}

/** Days of presence in a week of the schedule: Monday–Friday, or Monday–Saturday when Saturdays are worked (D124-6). */
export function workdaysPerWeek(input: Pick<Partial<TRulesInput>, "saturdaysWorked">): number {
  return input.saturdaysWorked === true ? 6 : 5;
}

/** The schedule described by the input, or null while it is incomplete or unusable. */
export function scheduleOf(
  input: Pick<TRulesInput, "horairesReguliers" | "weeklyHours" | "irregularPeriods"> & Pick<Partial<TRulesInput>, "saturdaysWorked" | "holidayZone">,
): TSchedule | null {
  const saturdays = input.saturdaysWorked === true;
  const zone = input.holidayZone !== undefined && input.holidayZone !== "METROPOLE" ? { holidayZone: input.holidayZone } : {};
  if (input.horairesReguliers === true) {
    if (!isValidWeeklyHours(input.weeklyHours)) return null;
    return { kind: "REGULAR", weeklyHours: input.weeklyHours, ...(saturdays ? { includesSaturdays: true } : {}), ...zone };
  }
  if (input.horairesReguliers === false && input.irregularPeriods.length > 0) {
    // Periods with unusable hours are reported by checkSchedule and left out of the count.
    const periods = input.irregularPeriods.filter((p) => isValidHoursPerDay(p.hoursPerDay));
    return { kind: "IRREGULAR", periods: saturdays ? periods.map((p) => ({ ...p, includesSaturdays: true })) : periods, ...zone };
  }
  return null;
}

/** Checks the weekly hours and, for an irregular schedule, each period (dates and hours per day). */
export function checkSchedule(input: Pick<TRulesInput, "horairesReguliers" | "weeklyHours" | "irregularPeriods">, stage: TPeriod | null): TRuleResult[] {
  const results: TRuleResult[] = [];
  if (input.weeklyHours !== null && !isValidWeeklyHours(input.weeklyHours)) {
    const params = { hours: input.weeklyHours, max: HOURS_PER_WEEK };
    results.push(ruleResult("WEEKLY_HOURS_INVALID", "error", params, RULE_FIELDS.heuresHebdomadaires));
  }
  if (input.horairesReguliers !== false) return results;
  input.irregularPeriods.forEach((period: TSchedulePeriod, index) => {
    if (!isValidHoursPerDay(period.hoursPerDay)) {
      const params = { number: index + 1, hours: period.hoursPerDay };
      results.push(ruleResult("SCHEDULE_PERIOD_HOURS_INVALID", "error", params, itemField(RULE_FIELDS.horairesPeriodes, index)));
    }
  });
  results.push(
    ...checkPeriods(input.irregularPeriods, stage, RULE_FIELDS.horairesPeriodes, {
      endBeforeStart: "SCHEDULE_PERIOD_END_BEFORE_START",
      outsideStage: "SCHEDULE_PERIOD_OUTSIDE_STAGE",
      overlap: "SCHEDULE_PERIODS_OVERLAP",
    }),
  );
  return results;
}
