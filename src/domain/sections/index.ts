import type { TConventionValues } from "../convention.ts";
import { dedupeFieldErrors, fieldErrorsFromZod, type TFieldError } from "./field-error.ts";
import type { TLooseValues } from "./fields.ts";
import { CONVENTION_FIELDS, SECTION_IDS, SECTIONS, type TSectionDrafts, type TSectionId } from "./registry.ts";

export { FIELD_ERROR_CODES, FORM_FIELD, fieldErrorsFromZod, type TFieldError, type TFieldErrorCode } from "./field-error.ts";
export {
  ALL_SECTION_IDS,
  CONVENTION_FIELDS,
  RECAPITULATIF,
  SECTION_IDS,
  SECTIONS,
  isSectionId,
  sectionOfField,
  type TSectionDrafts,
  type TSectionId,
} from "./registry.ts";
export { etablissementConsistencyErrors, type THostOwnership } from "./etablissement-consistency.ts";

/** Result of parsing a form submission: the fields it carried (null = cleared), or every field error found. */
export type TParseResult<T> = { ok: true; value: T } | { ok: false; errors: TFieldError[] };

/** Completion state of one section, as shown in the progress message. */
export type TSectionCompletion = {
  state: "complete" | "incomplete" | "invalid";
  missing: string[];
  errors: TFieldError[];
};

/** Completion of the whole convention: complete when every fillable section is. */
export type TConventionCompletion = {
  complete: boolean;
  sections: Record<TSectionId, TSectionCompletion>;
};

function isRecord(value: unknown): value is TLooseValues {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// zod gives absent optional keys back as explicit undefined; a partial save must not read them as "cleared".
function withoutUndefined(value: unknown): TLooseValues {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

/**
 * Validates a (possibly partial) form submission for one section. Never throws. To check
 * cross-field rules against values saved earlier, parse the merge of saved and submitted values.
 */
export function parseSectionDraft<S extends TSectionId>(sectionId: S, input: unknown): TParseResult<TSectionDrafts[S]> {
  const section = SECTIONS[sectionId];
  // reportInput tells "missing" (undefined input) from "wrong type" apart in the issues.
  const parsed = section.schema.safeParse(input, { reportInput: true });
  // The registry pairs each id with its own schema, so the data has that section's draft type.
  if (parsed.success) return { ok: true, value: withoutUndefined(parsed.data) };
  // The schema skips its cross-field refinement when a field is malformed; run it on the raw input too.
  const cross = isRecord(input) ? section.crossErrors(input) : [];
  return { ok: false, errors: dedupeFieldErrors([...fieldErrorsFromZod(parsed.error.issues), ...cross]) };
}

/**
 * The answers of a rejected submission that are right on their own: the fields named by an
 * error are dropped, so what is shown beside the errors (the legal figures) is computed only
 * from what was typed correctly.
 */
export function validSectionAnswers(sectionId: TSectionId, input: Record<string, unknown>): Partial<TConventionValues> {
  let remaining: Record<string, unknown> = { ...input };
  // Each round drops at least one field, so this ends within the section's field count.
  for (let round = 0; round <= SECTIONS[sectionId].fields.length; round++) {
    const parsed = parseSectionDraft(sectionId, remaining);
    if (parsed.ok) return parsed.value;
    const wrong = new Set(parsed.errors.map((error) => error.field.split(".")[0] ?? ""));
    const kept = Object.fromEntries(Object.entries(remaining).filter(([field]) => !wrong.has(field)));
    if (Object.keys(kept).length === Object.keys(remaining).length) return {};
    remaining = kept;
  }
  return {};
}

function pickSection(sectionId: TSectionId, values: Partial<TConventionValues>): Record<string, unknown> {
  const source: TLooseValues = values;
  const picked: Record<string, unknown> = {};
  for (const field of SECTIONS[sectionId].fields) {
    if (source[field] !== undefined) picked[field] = source[field];
  }
  return picked;
}

/** Completion of one section from the convention's saved values: invalid beats incomplete. */
export function sectionCompletion(sectionId: TSectionId, values: Partial<TConventionValues>): TSectionCompletion {
  const picked = pickSection(sectionId, values);
  const parsed = parseSectionDraft(sectionId, picked);
  const errors = parsed.ok ? [] : parsed.errors;
  const missing = SECTIONS[sectionId].missing(picked);
  const state = errors.length > 0 ? "invalid" : missing.length > 0 ? "incomplete" : "complete";
  return { state, missing, errors };
}

/** Completion of every fillable section. */
export function conventionCompletion(values: Partial<TConventionValues>): TConventionCompletion {
  const entries = SECTION_IDS.map((id) => [id, sectionCompletion(id, values)] as const);
  const sections = Object.fromEntries(entries) as Record<TSectionId, TSectionCompletion>;
  return { complete: entries.every(([, completion]) => completion.state === "complete"), sections };
}

/** A convention with nothing answered: every field null. */
export function emptyConventionValues(): TConventionValues {
  return Object.fromEntries(CONVENTION_FIELDS.map((field) => [field, null])) as TConventionValues;
}
