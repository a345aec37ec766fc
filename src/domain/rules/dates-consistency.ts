// Consistency of the internship's dates and of the periods inside it.
import type { TRuleCode, TRuleResult } from "./codes.ts";
import { RULE_FIELDS, itemField, ruleResult } from "./codes.ts";
import type { TIsoDate } from "./dates.ts";
import { addDays, addMonths, compareIsoDates, isIsoDate, toDayNumber } from "./dates.ts";
import type { TPeriod } from "./types.ts";

/** Longest internship accepted, in months (a convention covers at most one year). */
export const MAX_STAGE_MONTHS = 12;

/** The internship's period when both dates are valid and in order, otherwise null. */
export function stagePeriodOf(startDate: string | null, endDate: string | null): TPeriod | null {
  if (!isIsoDate(startDate) || !isIsoDate(endDate)) return null;
  return compareIsoDates(endDate, startDate) >= 0 ? { start: startDate, end: endDate } : null;
}

/** The last day an internship starting on `start` may end (12 months later, minus one day). */
export function latestEndDate(start: TIsoDate): TIsoDate {
  return addDays(addMonths(start, MAX_STAGE_MONTHS), -1);
}

/** Checks the internship's start and end dates: present, real, in order, at most 12 months. */
export function checkStageDates(input: { startDate: string | null; endDate: string | null; today: TIsoDate }): TRuleResult[] {
  const results: TRuleResult[] = [];
  const { startDate, endDate } = input;
  if (startDate === null) results.push(ruleResult("START_DATE_MISSING", "error", {}, RULE_FIELDS.dateDebut));
  else if (!isIsoDate(startDate)) results.push(invalidDate(startDate, RULE_FIELDS.dateDebut));
  if (endDate === null) results.push(ruleResult("END_DATE_MISSING", "error", {}, RULE_FIELDS.dateFin));
  else if (!isIsoDate(endDate)) results.push(invalidDate(endDate, RULE_FIELDS.dateFin));
  if (!isIsoDate(startDate) || !isIsoDate(endDate)) return results;

  if (compareIsoDates(endDate, startDate) < 0) {
    results.push(ruleResult("END_BEFORE_START", "error", { start: startDate, end: endDate }, RULE_FIELDS.dateFin));
  } else if (compareIsoDates(endDate, latestEndDate(startDate)) > 0) {
    const params = { start: startDate, end: endDate, latestEnd: latestEndDate(startDate), months: MAX_STAGE_MONTHS };
    results.push(ruleResult("STAGE_LONGER_THAN_12_MONTHS", "error", params, RULE_FIELDS.dateFin));
  }
  if (compareIsoDates(startDate, input.today) < 0) {
    results.push(ruleResult("START_DATE_IN_PAST", "warning", { start: startDate }, RULE_FIELDS.dateDebut));
  }
  return results;
}

function invalidDate(value: string, field: string): TRuleResult {
  return ruleResult("DATE_INVALID", "error", { value }, field);
}

/** The codes a list of periods reports its problems with. */
type TPeriodCodes = { endBeforeStart: TRuleCode; outsideStage: TRuleCode; overlap: TRuleCode };

/** Checks periods of a list (interruptions, schedule periods): real dates, in order, inside the stage, disjoint. */
export function checkPeriods(periods: readonly TPeriod[], stage: TPeriod | null, listField: string, codes: TPeriodCodes): TRuleResult[] {
  const results: TRuleResult[] = [];
  const valid: { period: TPeriod; index: number }[] = [];
  periods.forEach((period, index) => {
    const field = itemField(listField, index);
    if (!isIsoDate(period.start) || !isIsoDate(period.end)) {
      results.push(invalidDate(isIsoDate(period.start) ? period.end : period.start, field));
      return;
    }
    const params = { number: index + 1, start: period.start, end: period.end };
    if (compareIsoDates(period.end, period.start) < 0) {
      results.push(ruleResult(codes.endBeforeStart, "error", params, field));
      return;
    }
    if (stage && (compareIsoDates(period.start, stage.start) < 0 || compareIsoDates(period.end, stage.end) > 0)) {
      const outside = { ...params, stageStart: stage.start, stageEnd: stage.end };
      results.push(ruleResult(codes.outsideStage, "error", outside, field));
    }
    valid.push({ period, index });
  });
  return [...results, ...findOverlaps(valid, listField, codes.overlap)];
}

// Sorted by start, a period overlaps an earlier one when it starts on or before the latest
// end seen so far (both ends are days of presence or of interruption).
function findOverlaps(items: { period: TPeriod; index: number }[], listField: string, code: TRuleCode): TRuleResult[] {
  const sorted = [...items].sort((a, b) => compareIsoDates(a.period.start, b.period.start) || a.index - b.index);
  const results: TRuleResult[] = [];
  let latest: { period: TPeriod; index: number } | undefined;
  for (const item of sorted) {
    if (latest && compareIsoDates(item.period.start, latest.period.end) <= 0) {
      const params = { number: item.index + 1, otherNumber: latest.index + 1 };
      results.push(ruleResult(code, "error", params, itemField(listField, item.index)));
    }
    if (!latest || compareIsoDates(item.period.end, latest.period.end) > 0) latest = item;
  }
  return results;
}

/** Checks the interruption periods, including the case where they leave no day of presence. */
export function checkInterruptions(interruptions: readonly TPeriod[], stage: TPeriod | null): TRuleResult[] {
  const results = checkPeriods(interruptions, stage, RULE_FIELDS.interruptions, {
    endBeforeStart: "INTERRUPTION_END_BEFORE_START",
    outsideStage: "INTERRUPTION_OUTSIDE_STAGE",
    overlap: "INTERRUPTIONS_OVERLAP",
  });
  if (stage && coversWholeStage(interruptions, stage)) {
    const params = { start: stage.start, end: stage.end };
    results.push(ruleResult("INTERRUPTIONS_COVER_WHOLE_STAGE", "error", params, RULE_FIELDS.interruptions));
  }
  return results;
}

function coversWholeStage(interruptions: readonly TPeriod[], stage: TPeriod): boolean {
  const usable = interruptions
    .filter((p) => isIsoDate(p.start) && isIsoDate(p.end) && compareIsoDates(p.end, p.start) >= 0)
    .sort((a, b) => compareIsoDates(a.start, b.start));
  // Walk from the first day of the stage; each interruption must start no later than the
  // first day not covered yet.
  let firstUncovered = toDayNumber(stage.start);
  const last = toDayNumber(stage.end);
  for (const period of usable) {
    if (toDayNumber(period.start) > firstUncovered) break;
    firstUncovered = Math.max(firstUncovered, toDayNumber(period.end) + 1);
    if (firstUncovered > last) return true;
  }
  return false;
}
