// French public holidays (métropole), as ISO dates.
import joursFeries from "@socialgouv/jours-feries";
import type { TIsoDate } from "./dates.ts";
import { eachDay, isoDate, yearOf } from "./dates.ts";

const HALF_DAY_MS = 12 * 3_600_000;

// The package builds its dates at local midnight and moves Easter by multiples of 24 h,
// so around a daylight-saving change a holiday may land at 23:00 the day before or 01:00
// the same day. Reading the local date of the nearest midnight undoes both.
function toLocalIsoDate(date: Date): TIsoDate {
  const noonish = new Date(date.getTime() + HALF_DAY_MS);
  return isoDate(noonish.getFullYear(), noonish.getMonth() + 1, noonish.getDate());
}

const cache = new Map<number, readonly TIsoDate[]>();

/** The 11 public holidays of metropolitan France in `year`, sorted (1 Jan, Easter Monday, 1 May, …). */
export function frenchPublicHolidays(year: number): readonly TIsoDate[] {
  const cached = cache.get(year);
  if (cached) return cached;
  // Alsace-Moselle's two extra days (Good Friday, 26 Dec) are left out: the rules apply
  // the national calendar.
  const dates = Object.values(joursFeries(year, { alsace: false }))
    .map(toLocalIsoDate)
    .sort();
  cache.set(year, dates);
  return dates;
}

/** True when `date` is a public holiday in metropolitan France. */
export function isFrenchPublicHoliday(date: TIsoDate): boolean {
  return frenchPublicHolidays(yearOf(date)).includes(date);
}

/** The public holidays from `start` to `end`, both included. */
export function frenchPublicHolidaysBetween(start: TIsoDate, end: TIsoDate): Set<TIsoDate> {
  return new Set(eachDay(start, end).filter(isFrenchPublicHoliday));
}
