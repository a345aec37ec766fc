// The enseignant référent's ceiling: how many interns one référent may follow at the same time.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import { compareIsoDates } from "./dates.ts";
import { peakConcurrentConventions } from "./tutor-quota.ts";
import type { TPeriod, TTutorConvention } from "./types.ts";

// D124-3 (décret 2017-1652): the institution's board sets how many interns one enseignant
// référent follows at the same time, within a national ceiling of 24.
/** The national ceiling of interns one enseignant référent follows at once (D124-3). */
export const NATIONAL_MAX_CONVENTIONS_PER_REFERENT = 24;

/** The référent's own ceiling (Teacher.maxConventions) within the national one; 24 when none is set. */
export function referentCeiling(maxConventions: number | null): number {
  if (maxConventions === null || !Number.isInteger(maxConventions) || maxConventions < 1) return NATIONAL_MAX_CONVENTIONS_PER_REFERENT;
  return Math.min(maxConventions, NATIONAL_MAX_CONVENTIONS_PER_REFERENT);
}

/**
 * Checks that the référent follows at most their ceiling of internships at once with this one;
 * the same conventions count as for a tuteur (submitted, returned or validated).
 */
export function checkReferentQuota(period: TPeriod, others: readonly TTutorConvention[], maxConventions: number | null): TRuleResult[] {
  if (compareIsoDates(period.end, period.start) < 0) return [];
  const max = referentCeiling(maxConventions);
  const peak = peakConcurrentConventions(period, others);
  const count = peak.count + 1;
  if (count <= max || peak.date === null) return [];
  const params = { count, max, national: NATIONAL_MAX_CONVENTIONS_PER_REFERENT, date: peak.date };
  return [ruleResult("ENSEIGNANT_QUOTA_EXCEEDED", "error", params, RULE_FIELDS.enseignant)];
}
