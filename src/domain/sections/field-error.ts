import type { z } from "zod/v4";

/** Every code a field error can carry; each has a message in locales/<lang>/domain.json (field.<code>). */
export const FIELD_ERROR_CODES = [
  "required",
  "invalid",
  "invalid_type",
  "not_integer",
  "invalid_date",
  "invalid_email",
  "invalid_phone",
  "invalid_country",
  "invalid_code",
  "invalid_academic_year",
  "invalid_choice",
  "too_long",
  "too_short",
  "too_small",
  "not_greater_than",
  "too_large",
  "too_many",
  "too_many_decimals",
  "unknown_field",
  "end_before_start",
  "outside_internship",
  "overlap",
  "conflicts_with",
  "other_etablissement",
  // A blocking legal rule on this field; params.rule is the rule's code (locales rules.json).
  "legal_rule",
  "invalid_siret",
  "siret_checksum",
  "siret_recommended",
  "invalid_postal_code",
  "duplicate_siret",
  "duplicate_name",
  "no_change",
  // The language model contradicts the stage's country; params.expected is the model it asks.
  "langue_mismatch",
  "register_closed",
] as const;

/** A stable, translatable field error code. */
export type TFieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** A validation failure on one field, as data: `field` is a dotted path ("interruptions.1.dateFin"). */
export type TFieldError = {
  field: string;
  code: TFieldErrorCode;
  params?: Record<string, string | number>;
};

/** The pseudo-field naming the whole submission (when it is not even an object). */
export const FORM_FIELD = "_form";

const CODES = new Set<string>(FIELD_ERROR_CODES);

/** True when `code` is one of FIELD_ERROR_CODES. */
export function isFieldErrorCode(code: unknown): code is TFieldErrorCode {
  return typeof code === "string" && CODES.has(code);
}

function pathToField(path: readonly PropertyKey[]): string {
  return path.length === 0 ? FORM_FIELD : path.map((segment) => String(segment)).join(".");
}

// Keeps only the params a message can interpolate; zod's raw values (bigint, arrays) are flattened.
function scalarParams(raw: Record<string, unknown>): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === "code") continue;
    if (typeof value === "string" || typeof value === "number") params[key] = value;
    else if (typeof value === "bigint") params[key] = Number(value);
  }
  return params;
}

function sizeError(field: string, issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): TFieldError {
  if (issue.code === "too_big") {
    const max = Number(issue.maximum);
    if (issue.origin === "string") return { field, code: "too_long", params: { max } };
    if (issue.origin === "array") return { field, code: "too_many", params: { max } };
    return { field, code: "too_large", params: { max } };
  }
  const min = Number(issue.minimum);
  if (issue.origin === "string" || issue.origin === "array") return { field, code: "too_short", params: { min } };
  return { field, code: issue.inclusive === false ? "not_greater_than" : "too_small", params: { min } };
}

/** Maps one zod issue to field errors (an unknown-keys issue names each key). */
export function fieldErrorsFromIssue(issue: z.core.$ZodIssue): TFieldError[] {
  const field = pathToField(issue.path);
  switch (issue.code) {
    case "invalid_type":
      // Needs issues parsed with { reportInput: true }; without the input, "required" is the safe reading.
      if (issue.path.length > 0 && (issue.input === undefined || issue.input === null)) return [{ field, code: "required" }];
      if (issue.expected === "int") return [{ field, code: "not_integer" }];
      return [{ field, code: "invalid_type", params: { expected: String(issue.expected) } }];
    case "too_big":
    case "too_small":
      return [sizeError(field, issue)];
    case "invalid_format":
      return [{ field, code: issue.format === "email" ? "invalid_email" : "invalid" }];
    case "not_multiple_of":
      return [{ field, code: "too_many_decimals" }];
    case "invalid_value":
      return [{ field, code: "invalid_choice", params: { allowed: issue.values.map(String).join(", ") } }];
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ field: pathToField([...issue.path, key]), code: "unknown_field" as const }));
    case "custom": {
      const raw: Record<string, unknown> = issue.params ?? {};
      const code = isFieldErrorCode(raw["code"]) ? raw["code"] : "invalid";
      const params = scalarParams(raw);
      return [Object.keys(params).length > 0 ? { field, code, params } : { field, code }];
    }
    default:
      return [{ field, code: "invalid" }];
  }
}

/** Maps zod issues (parsed with `{ reportInput: true }`) to field errors, one per (field, code). */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[]): TFieldError[] {
  return dedupeFieldErrors(issues.flatMap(fieldErrorsFromIssue));
}

/** Drops repeated (field, code) pairs, keeping the first. */
export function dedupeFieldErrors(errors: readonly TFieldError[]): TFieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.field}\u0000${error.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reports field errors found by a cross-field check as zod issues, so the schema alone enforces them. */
export function addFieldErrors(ctx: z.RefinementCtx, errors: readonly TFieldError[]): void {
  for (const error of errors) {
    const path = error.field.split(".").map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    ctx.addIssue({ code: "custom", path, message: error.code, params: { ...error.params, code: error.code } });
  }
}
