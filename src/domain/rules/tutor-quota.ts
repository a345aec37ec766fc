// The tuteur's quota: how many internships one tutor may follow at the same time.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import type { TIsoDate } from "./dates.ts";
import { compareIsoDates, fromDayNumber, isIsoDate, toDayNumber } from "./dates.ts";
import type { TConventionState, TPeriod, TTutorConvention } from "./types.ts";

// R124-13: a tutor cannot be tutor of more than three interns at the same time.
/** Most conventions in progress one tuteur may follow at once, this one included (R124-13). */
export const MAX_CONVENTIONS_PER_TUTEUR = 3;

// Conventions engaged in the workflow count; another student's draft does not, since it may
// never be submitted and must not block this one. A cancelled convention never counts.
const COUNTED_STATES: ReadonlySet<TConventionState> = new Set(["SUBMITTED", "RETURNED", "VALIDATED"]);

/** True when a convention in `state` counts toward its tuteur's quota. */
export function countsTowardTutorQuota(state: TConventionState): boolean {
  return COUNTED_STATES.has(state);
}

/** The most of `others` in progress on one same day of `period`, and the first such day. */
export function peakConcurrentConventions(period: TPeriod, others: readonly TTutorConvention[]): { count: number; date: TIsoDate | null } {
  const events: { day: number; delta: number }[] = [];
  for (const other of others) {
    if (!countsTowardTutorQuota(other.state) || !isIsoDate(other.start) || !isIsoDate(other.end)) continue;
    const start = Math.max(toDayNumber(other.start), toDayNumber(period.start));
    const end = Math.min(toDayNumber(other.end), toDayNumber(period.end));
    if (start > end) continue;
    events.push({ day: start, delta: 1 }, { day: end + 1, delta: -1 });
  }
  // On the same day an ending (the day after a last day) comes before a start.
  events.sort((a, b) => a.day - b.day || a.delta - b.delta);
  let current = 0;
  let peak: { count: number; date: TIsoDate | null } = { count: 0, date: null };
  for (const event of events) {
    current += event.delta;
    if (current > peak.count) peak = { count: current, date: fromDayNumber(event.day) };
  }
  return peak;
}

/**
 * Checks that the tuteur follows at most 3 internships at once with this one: conventions
 * that overlap this period but never each other are not "at once" and do not add up.
 */
export function checkTutorQuota(period: TPeriod, others: readonly TTutorConvention[]): TRuleResult[] {
  if (compareIsoDates(period.end, period.start) < 0) return [];
  const peak = peakConcurrentConventions(period, others);
  const count = peak.count + 1;
  if (count <= MAX_CONVENTIONS_PER_TUTEUR || peak.date === null) return [];
  const params = { count, max: MAX_CONVENTIONS_PER_TUTEUR, date: peak.date };
  return [ruleResult("TUTEUR_QUOTA_EXCEEDED", "error", params, RULE_FIELDS.tuteur)];
}
