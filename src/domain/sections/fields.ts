import { z } from "zod/v4";

// Building blocks shared by the section schemas. Every draft field is optional (not answered
// yet) and nullable (answer cleared); a blank string counts as cleared, because chat forms send
// "" for an emptied input.

/** Largest value of a PostgreSQL int4 column (ids, heuresFormation). */
export const INT4_MAX = 2_147_483_647;

/** Maximum lengths of free texts (characters, after trimming). */
export const TEXT_MAX = {
  name: 100,
  shortCode: 40,
  postalCode: 20,
  address: 200,
  email: 254,
  phone: 30,
  sujet: 500,
  longText: 4000,
  comment: 2000,
} as const;

function blankToNull(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? null : value;
}

/** Makes a field answerable later (undefined) or clearable (null, or a blank string). */
export function draftField<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable().optional());
}

/** True for a real calendar date written "YYYY-MM-DD" (2025-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Years outside this range are typing mistakes (0025, 20025), not internships.
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True when `value` has at most two decimals (money, hours). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Number(value.toFixed(2)) === value;
}

/** A permissive international phone number: digits with spaces, dots, dashes, parentheses, optional "+". */
export function isPhone(value: string): boolean {
  if (!/^\+?[\d\s().\-/]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 6 && digits <= 20;
}

/** "2025/2026": two consecutive years. */
export function isAcademicYear(value: string): boolean {
  const match = /^(\d{4})\/(\d{4})$/.exec(value);
  return match !== null && Number(match[2]) === Number(match[1]) + 1;
}

function coded(code: string, extra: Record<string, string | number> = {}) {
  return { params: { code, ...extra }, abort: true };
}

/** An ISO calendar date (required where it is used, e.g. inside an interruption). */
export const zIsoDate = z.string().trim().refine(isIsoDate, coded("invalid_date"));

/** A database id. */
export const zId = z.number().int().positive().max(INT4_MAX);

/** Trimmed text of at most `max` characters. */
export function zText(max: number) {
  return z.string().trim().max(max);
}

/** An e-mail address. */
export const zEmail = z.string().trim().max(TEXT_MAX.email).pipe(z.email());

/** A phone number. */
export const zPhone = z.string().trim().max(TEXT_MAX.phone).refine(isPhone, coded("invalid_phone"));

/** An ISO 3166 alpha-2 country code, upper-cased. */
export const zCountryIso2 = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => /^[A-Z]{2}$/.test(value), coded("invalid_country"));

/** A code of a closed reference list (thématique, devise, ...); that it exists is checked against the list by the application. */
export const zReferenceCode = z
  .string()
  .trim()
  .refine((value) => /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/.test(value), coded("invalid_code"));

/** "2025/2026". */
export const zAcademicYear = z.string().trim().refine(isAcademicYear, coded("invalid_academic_year"));

/** A decimal with at most two decimals within [min, max] (or ]min, max] when `exclusiveMin`). */
export function zDecimal2(bounds: { min: number; max: number; exclusiveMin?: boolean }) {
  const base = bounds.exclusiveMin ? z.number().gt(bounds.min) : z.number().min(bounds.min);
  return base.max(bounds.max).refine(hasAtMostTwoDecimals, coded("too_many_decimals", { max: 2 }));
}

/** A period between two dates, both required: a half-answered period means nothing. */
export const ZPeriod = z.strictObject({ dateDebut: zIsoDate, dateFin: zIsoDate });

/** A period of an irregular schedule with its hours per day. */
export const ZIrregularPeriod = z.strictObject({
  dateDebut: zIsoDate,
  dateFin: zIsoDate,
  hoursPerDay: zDecimal2({ min: 0, max: 24, exclusiveMin: true }),
});

/** True when a value counts as answered (not absent, null, blank or an empty list). */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** Loose view of a section's values, before or after validation: completion must cope with both. */
export type TLooseValues = Readonly<Record<string, unknown>>;

/** Names of the `required` fields that are not answered, in order. */
export function unanswered(values: TLooseValues, required: readonly string[]): string[] {
  return required.filter((field) => !isAnswered(values[field]));
}
