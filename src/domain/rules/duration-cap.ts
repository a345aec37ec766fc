// The 924-hour cap: at most 6 months of presence per host and academic year.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import { toCentiHours } from "./duree-effective.ts";
import type { TConventionState, TEntityId, TStudentConvention } from "./types.ts";

// L124-5: no internship, nor several with the same host, may exceed 6 months of presence
// (924 hours, D124-6) per academic year; Cass. soc. 7 Jan 2026 adds up the intern's
// conventions with that host over the year. Being counted in hours, this cap also covers
// the calendar limit of 6 months.
/** Most hours of presence per host and academic year (L124-5). */
export const MAX_HOURS_PER_HOST_AND_YEAR = 924;

// A cancelled convention never took place; a draft, a submitted or returned convention and
// a validated one are all intentions the host and student may carry out, so they count.
const COUNTED_STATES: ReadonlySet<TConventionState> = new Set(["DRAFT", "SUBMITTED", "RETURNED", "VALIDATED"]);

/** True when a convention in `state` counts toward the student's hours with a host. */
export function countsTowardHostHours(state: TConventionState): boolean {
  return COUNTED_STATES.has(state);
}

/** Hours of the student's other conventions with the same host in the same academic year. */
export function otherHoursWithHost(conventions: readonly TStudentConvention[], hostId: TEntityId | null, academicYear: string | null): number {
  if (hostId === null || academicYear === null) return 0;
  const centi = conventions
    .filter((c) => countsTowardHostHours(c.state))
    .filter((c) => String(c.hostId) === String(hostId) && c.academicYear.trim() === academicYear.trim())
    .reduce((sum, c) => sum + toCentiHours(c.hours), 0);
  return centi / 100;
}

/** Checks the 924-hour cap, for this convention alone and added up with the same host's others. */
export function checkDurationCap(hours: number, otherHours: number): TRuleResult[] {
  const max = MAX_HOURS_PER_HOST_AND_YEAR;
  const limit = max * 100;
  if (toCentiHours(hours) > limit) {
    return [ruleResult("DUREE_MAX_EXCEEDED", "error", { hours, max }, RULE_FIELDS.dureeEffective)];
  }
  const totalHours = (toCentiHours(hours) + toCentiHours(otherHours)) / 100;
  if (toCentiHours(totalHours) > limit) {
    const params = { hours, otherHours, totalHours, max };
    return [ruleResult("DUREE_MAX_EXCEEDED_CUMULATED", "error", params, RULE_FIELDS.dureeEffective)];
  }
  return [];
}
