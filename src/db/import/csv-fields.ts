// Zod schemas for the values found in directory CSV files. Their messages are issue codes
// (import-types.ts), which the CLI translates; a spreadsheet's spellings are accepted where
// they are unambiguous (DD/MM/YYYY dates, "oui"/"non", decimal commas).
import { z } from "zod/v4";
import { ValidationStep } from "../../generated/prisma/client.ts";
import type { TIssueCode } from "./import-types.ts";
import { isTimeZone, MAX_REMINDER_DAYS } from "../../app/reminders/reminder-settings.ts";
import { scheduleProblem } from "../../jobs/slots.ts";

const MAX_TEXT = 200;

function fail(ctx: z.RefinementCtx, input: string, code: TIssueCode, params: Record<string, string> = {}): never {
  ctx.addIssue({ code: "custom", message: code, input, params });
  return z.NEVER;
}

/** A mandatory text, trimmed. */
export const ZRequiredText = z.string().trim().min(1, { error: "REQUIRED" }).max(MAX_TEXT, { error: "TOO_LONG" });

/** An optional text: blank is null; a column missing from the file is undefined (left unchanged). */
export const ZOptionalText = z
  .string()
  .trim()
  .max(MAX_TEXT, { error: "TOO_LONG" })
  .transform((value) => (value === "" ? null : value))
  .optional();

/** An e-mail, stored lower-case as the directory requires. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: "REQUIRED" })
  .pipe(z.email({ error: "INVALID_EMAIL" }));

/** An optional e-mail: blank is null. */
export const ZOptionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.email({ error: "INVALID_EMAIL" }).nullable());

/** A code of the student information system (formation, élément, centre, student number). */
export const ZCode = z
  .string()
  .trim()
  .min(1, { error: "REQUIRED" })
  .max(30, { error: "TOO_LONG" })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "INVALID_CODE" });

/** An optional code: blank or missing is undefined. */
export const ZOptionalCode = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined)
  .pipe(ZCode.optional());

const TRUE_WORDS = new Set(["true", "1", "oui", "o", "yes", "y", "vrai", "x"]);
const FALSE_WORDS = new Set(["false", "0", "non", "n", "no", "faux", ""]);

/** A yes/no column; blank is no, and a column missing from the file is undefined (left unchanged). */
export const ZBoolean = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return fail(ctx, word, "INVALID_BOOLEAN");
  });

/** A calendar date written YYYY-MM-DD or DD/MM/YYYY, as a UTC midnight Date. */
export const ZDate = z
  .string()
  .trim()
  .min(1, { error: "REQUIRED" })
  .transform((value, ctx) => {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
    const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
    const date = new Date(`${year}-${month}-${day}T00:00:00Z`);
    // Round-tripping rejects 31/02 and the like, which Date would silently roll over.
    const valid = year !== undefined && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`);
    if (!valid || Number(year) < 1900 || Number(year) > 2100) return fail(ctx, value, "INVALID_DATE");
    return date;
  });

/** "2026/2027": two consecutive years. */
export const ZAcademicYear = z
  .string()
  .trim()
  .min(1, { error: "REQUIRED" })
  .refine(
    (value) => {
      const match = /^(\d{4})\/(\d{4})$/.exec(value);
      return match !== null && Number(match[2]) === Number(match[1]) + 1;
    },
    { error: "INVALID_ACADEMIC_YEAR" },
  );

/** Optional ECTS credits, "6", "7.5" or "7,5", as a decimal string; blank is null, a missing column undefined. */
export const ZEcts = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const text = value.trim().replace(",", ".");
    if (text === "") return null;
    if (!/^\d{1,3}(\.\d)?$/.test(text)) return fail(ctx, text, "INVALID_NUMBER");
    return text;
  });

/** A list written `A|B|C`; blanks are dropped. */
function splitList(value: string): string[] {
  return value
    .split("|")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

const STEP_VALUES = new Set<string>(Object.values(ValidationStep));

/** A centre's ordered validation steps; validation administrative is always one of them. */
export const ZSteps = z
  .string()
  .trim()
  .min(1, { error: "REQUIRED" })
  .transform((value, ctx) => {
    const steps: ValidationStep[] = [];
    for (const item of splitList(value).map((step) => step.toUpperCase())) {
      if (!STEP_VALUES.has(item)) return fail(ctx, value, "STEP_UNKNOWN", { step: item });
      if (steps.includes(item as ValidationStep)) return fail(ctx, value, "STEP_REPEATED", { step: item });
      steps.push(item as ValidationStep);
    }
    if (!steps.includes(ValidationStep.VALIDATION_ADMINISTRATIVE)) return fail(ctx, value, "STEPS_MISSING_VALIDATION_ADMINISTRATIVE");
    return steps;
  });

/** A `|`-separated list of codes, without repeats. */
export const ZCodeList = z
  .string()
  .optional()
  .transform((value) => [...new Set(splitList(value ?? ""))])
  .pipe(z.array(ZCode));

/** A centre's digest schedule (node-cron); a column missing from the file is undefined (left unchanged). */
export const ZCron = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const cron = value.trim().replace(/\s+/gu, " ");
    const problem = cron === "" ? "empty" : scheduleProblem(cron);
    return problem === null ? cron : fail(ctx, cron, "INVALID_CRON", { detail: problem });
  });

/** An IANA time zone such as Europe/Paris. */
export const ZTimeZone = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const zone = value.trim();
    return isTimeZone(zone) ? zone : fail(ctx, zone, "INVALID_TIMEZONE");
  });

/** A whole number of days, 0 to MAX_REMINDER_DAYS. */
export const ZDays = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return undefined;
    const text = value.trim();
    if (!/^\d+$/u.test(text) || Number(text) > MAX_REMINDER_DAYS) return fail(ctx, text, "INVALID_DAYS", { max: String(MAX_REMINDER_DAYS) });
    return Number(text);
  });
