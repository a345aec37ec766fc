// How many months a stipend given per month (or per year) pays for: each calendar month of
// the internship counts in proportion to its calendar days (prorata temporis), and the days
// of an interruption are not paid. Kept as integers so that comparisons stay exact.
import { daysInMonth, eachDay, isIsoDate, isWithin, parseIsoDate } from "./dates.ts";
import type { TPeriod } from "./types.ts";

/** One month in these units: divisible by 28, 29, 30 and 31, so a day of any month is whole. */
export const MONTH_UNITS = 377_580;

function isUsable(period: TPeriod): boolean {
  return isIsoDate(period.start) && isIsoDate(period.end) && period.start <= period.end;
}

/** The months paid, in MONTH_UNITS: each day of the stage outside interruptions is 1 / (days of its month). */
export function paidMonthUnits(stage: TPeriod, interruptions: readonly TPeriod[]): number {
  const breaks = interruptions.filter(isUsable);
  let units = 0;
  for (const date of eachDay(stage.start, stage.end)) {
    if (breaks.some((p) => isWithin(date, p.start, p.end))) continue;
    const parts = parseIsoDate(date);
    if (parts) units += MONTH_UNITS / daysInMonth(parts.year, parts.month);
  }
  return units;
}

/** Months to 2 decimals, for messages ("2,1 mois"). */
export function monthsOf(units: number): number {
  return Math.round((units * 100) / MONTH_UNITS) / 100;
}
