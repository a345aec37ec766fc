// Calendar dates of the domain: "YYYY-MM-DD" strings with no time and no timezone.
// All arithmetic goes through UTC day numbers, so the server's timezone and daylight
// saving changes can never move a date by one day.

/** A local calendar date written "YYYY-MM-DD" (e.g. "2025-04-21"), the domain's date type. */
export type TIsoDate = string;

/** The parts of a calendar date; month is 1–12. */
export type TDateParts = { year: number; month: number; day: number };

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Reads "YYYY-MM-DD" into its parts, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): TDateParts | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True when `value` is a real calendar date written "YYYY-MM-DD" ("2025-02-30" is not). */
export function isIsoDate(value: unknown): value is TIsoDate {
  return typeof value === "string" && parseIsoDate(value) !== null;
}

/** Builds the ISO date of a year, month (1–12) and day. */
export function isoDate(year: number, month: number, day: number): TIsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Dates handed to the helpers below come from the domain and were validated where they
// entered; a malformed one is a programming error, not a user error.
function partsOf(date: TIsoDate): TDateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return parts;
}

/** Days since 1970-01-01 (negative before), the base of all date arithmetic here. */
export function toDayNumber(date: TIsoDate): number {
  const { year, month, day } = partsOf(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The ISO date of a day number (inverse of `toDayNumber`). */
export function fromDayNumber(dayNumber: number): TIsoDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: TIsoDate, days: number): TIsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The same day `months` months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: TIsoDate, months: number): TIsoDate {
  const { year, month, day } = partsOf(date);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return isoDate(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/** Number of days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: TIsoDate, to: TIsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: 1 = Monday … 6 = Saturday, 7 = Sunday. */
export function isoWeekday(date: TIsoDate): number {
  const weekday = new Date(toDayNumber(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the week (Monday to Sunday) that contains `date`. */
export function mondayOf(date: TIsoDate): TIsoDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The calendar year of a date. */
export function yearOf(date: TIsoDate): number {
  return partsOf(date).year;
}

/** Every date from `start` to `end`, both included; empty when `end` is before `start`. */
export function eachDay(start: TIsoDate, end: TIsoDate): TIsoDate[] {
  const first = toDayNumber(start);
  const last = toDayNumber(end);
  const days: TIsoDate[] = [];
  for (let n = first; n <= last; n++) days.push(fromDayNumber(n));
  return days;
}

/** Orders two ISO dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareIsoDates(a: TIsoDate, b: TIsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** True when `date` lies between `start` and `end`, both included. */
export function isWithin(date: TIsoDate, start: TIsoDate, end: TIsoDate): boolean {
  const n = toDayNumber(date);
  return n >= toDayNumber(start) && n <= toDayNumber(end);
}

/** Age in whole years on `date` of someone born on `birthDate` (born 29 Feb: a year older on 1 Mar). */
export function ageOn(birthDate: TIsoDate, date: TIsoDate): number {
  const birth = partsOf(birthDate);
  const on = partsOf(date);
  const birthdayPassed = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayPassed ? 0 : 1);
}
