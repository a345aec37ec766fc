// The host's quota: how many interns one host organisation takes in the same calendar week.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import type { TIsoDate } from "./dates.ts";
import { addDays, compareIsoDates, isIsoDate, mondayOf } from "./dates.ts";
import { countsTowardTutorQuota } from "./tutor-quota.ts";
import type { TPeriod, TTutorConvention } from "./types.ts";

// R124-10: per calendar week, at most 15 % of the headcount (rounded up) for a host of 20
// employees or more, at most 3 interns below 20.
/** Headcount from which the quota is 15 % of it (R124-10). */
export const HOST_QUOTA_HEADCOUNT = 20;
/** Interns a host of fewer than 20 employees may take in the same week (R124-10). */
export const SMALL_HOST_QUOTA = 3;

/** The most interns a host of `headcount` employees takes in one calendar week (R124-10). */
export function hostQuota(headcount: number): number {
  return headcount >= HOST_QUOTA_HEADCOUNT ? Math.ceil((headcount * 15) / 100) : SMALL_HOST_QUOTA;
}

/** The host's headcount as its effectif band says it (both ends included). */
export type THeadcountBand = { min: number; max: number };

/** The most of `others` (counted states only) present in one calendar week of `period`, with this one, and that week's Monday. */
export function peakInternsPerWeek(period: TPeriod, others: readonly TTutorConvention[]): { count: number; week: TIsoDate } {
  const counted = others.filter((o) => countsTowardTutorQuota(o.state) && isIsoDate(o.start) && isIsoDate(o.end));
  let peak = { count: 1, week: mondayOf(period.start) };
  for (let monday = mondayOf(period.start); compareIsoDates(monday, period.end) <= 0; monday = addDays(monday, 7)) {
    const sunday = addDays(monday, 6);
    const count = 1 + counted.filter((o) => compareIsoDates(o.start, sunday) <= 0 && compareIsoDates(o.end, monday) >= 0).length;
    if (count > peak.count) peak = { count, week: monday };
  }
  return peak;
}

// The smallest headcount from `from` whose quota takes `count` interns.
function headcountFor(count: number, from: number): number {
  let headcount = from;
  while (hostQuota(headcount) < count) headcount++;
  return headcount;
}

/**
 * Warns when the host would take more interns in one week than R124-10 allows, from the
 * conventions Stagebot knows. The exact headcount given on the convention (effectifAccueil)
 * decides; without it the établissement's effectif band does. When the band leaves the quota
 * open (a band around 20, or wide enough), or when nothing is known and more than 3 interns
 * (the quota of any host) are there, asks for the exact headcount, naming the one it takes.
 */
export function checkHostQuota(
  period: TPeriod,
  others: readonly TTutorConvention[],
  band: THeadcountBand | null,
  exactHeadcount: number | null = null,
): TRuleResult[] {
  if (compareIsoDates(period.end, period.start) < 0) return [];
  const known = exactHeadcount !== null && Number.isInteger(exactHeadcount) && exactHeadcount >= 0 ? { min: exactHeadcount, max: exactHeadcount } : band;
  const { count, week } = peakInternsPerWeek(period, others);
  if (known === null) {
    if (count <= SMALL_HOST_QUOTA) return [];
    const params = { count, week, headcount: headcountFor(count, HOST_QUOTA_HEADCOUNT) };
    return [ruleResult("HOST_QUOTA_HEADCOUNT_UNKNOWN", "warning", params, RULE_FIELDS.effectifAccueil)];
  }
  const highest = hostQuota(known.max);
  if (count > highest) return [ruleResult("HOST_QUOTA_EXCEEDED", "warning", { count, max: highest, week }, RULE_FIELDS.etablissement)];
  if (count <= hostQuota(known.min)) return [];
  const params = { count, week, headcount: headcountFor(count, known.min), min: known.min, max: known.max };
  return [ruleResult("HOST_QUOTA_HEADCOUNT_NEEDED", "warning", params, RULE_FIELDS.effectifAccueil)];
}
