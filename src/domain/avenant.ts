import type { TConventionValues } from "./convention.ts";
import { TEXT_MAX } from "./sections/fields.ts";
import { FORM_FIELD, parseSectionDraft, sectionOfField, type TFieldError, type TFieldErrorCode } from "./sections/index.ts";

// Avenants (DESIGN "Lifecycle", notes/internship-law.md "Amendments"): which fields of a
// validated convention each motive may change. The signataire, the host and the academic year
// never change by avenant: a new convention is needed.

/** Motives of an avenant, as the reference list MOTIF_AVENANT codes them. */
export const MOTIFS_AVENANT = ["RUPTURE", "DATES", "INTERRUPTION", "SERVICE", "SUJET", "TUTEUR", "ENSEIGNANT", "GRATIFICATION", "AUTRE"] as const;

/** One motive of an avenant. */
export type TMotifAvenant = (typeof MOTIFS_AVENANT)[number];

type TField = keyof TConventionValues;

/** The convention fields each motive may change; AUTRE changes none, it describes the change in words. */
export const AVENANT_FIELDS: Readonly<Record<TMotifAvenant, readonly TField[]>> = {
  // Early termination: only an earlier end (checked by avenantErrors).
  RUPTURE: ["dateFin"],
  DATES: ["dateDebut", "dateFin"],
  INTERRUPTION: ["interruptions"],
  SERVICE: ["serviceId"],
  SUJET: ["sujet", "fonctionsTaches", "competences"],
  TUTEUR: ["tuteurId"],
  ENSEIGNANT: ["enseignantId"],
  GRATIFICATION: ["gratification", "gratificationMontant", "gratificationType", "gratificationUnite", "deviseCode", "modeVersementCode"],
  AUTRE: [],
};

/** Every field some motive may change, in the order of the motives. */
export const AMENDABLE_FIELDS: readonly TField[] = [...new Set(MOTIFS_AVENANT.flatMap((motif) => AVENANT_FIELDS[motif]))];

/** Codes of the refusals proper to avenants (the others are the sections' field error codes). */
export const AVENANT_ERROR_CODES = ["new_convention_needed", "field_not_in_motives", "rupture_not_earlier"] as const;

/** A refusal proper to avenants. */
export type TAvenantErrorCode = (typeof AVENANT_ERROR_CODES)[number];

/** An error of an avenant request, on a convention field or on "motifs", "motifAutre", "comment", "_form". */
export type TAvenantFieldError = {
  field: string;
  code: TFieldErrorCode | TAvenantErrorCode;
  params?: Record<string, string | number>;
};

/** Longest motifAutre and comment, in characters after trimming. */
export const AVENANT_TEXT_MAX = TEXT_MAX.comment;

/** True for a code of AVENANT_ERROR_CODES. */
export function isAvenantErrorCode(code: string): code is TAvenantErrorCode {
  return (AVENANT_ERROR_CODES as readonly string[]).includes(code);
}

/** True for a motive code. */
export function isMotifAvenant(value: unknown): value is TMotifAvenant {
  return typeof value === "string" && (MOTIFS_AVENANT as readonly string[]).includes(value);
}

/** The motives that allow changing `field` (empty when none does). */
export function motifsAllowing(field: string): TMotifAvenant[] {
  return MOTIFS_AVENANT.filter((motif) => (AVENANT_FIELDS[motif] as readonly string[]).includes(field));
}

/** The chosen motives, known and once each, in the list's order; or why they are refused. */
export function parseMotifs(motifs: readonly string[]): { motifs: TMotifAvenant[]; errors: TAvenantFieldError[] } {
  const trimmed = motifs.map((motif) => motif.trim()).filter((motif) => motif !== "");
  if (trimmed.length === 0) return { motifs: [], errors: [{ field: "motifs", code: "required" }] };
  const unknown = trimmed.filter((motif) => !isMotifAvenant(motif));
  const errors: TAvenantFieldError[] = unknown.length > 0 ? [{ field: "motifs", code: "invalid_choice", params: { allowed: MOTIFS_AVENANT.join(", ") } }] : [];
  return { motifs: MOTIFS_AVENANT.filter((motif) => trimmed.includes(motif)), errors };
}

/** A free text trimmed, a blank one as none. */
export function avenantText(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads proposed new values field by field with the sections' own schemas: the values that
 * are valid, and the errors of the others (an unknown name is "unknown_field"). Never throws.
 */
export function parseAvenantChanges(input: unknown): { values: Partial<TConventionValues>; errors: TFieldError[] } {
  if (!isRecord(input)) return { values: {}, errors: [{ field: FORM_FIELD, code: "invalid_type", params: { expected: "object" } }] };
  const values: Record<string, unknown> = {};
  const errors: TFieldError[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const sectionId = sectionOfField(field);
    if (sectionId === null || field.includes(".")) {
      errors.push({ field, code: "unknown_field" });
      continue;
    }
    // One field at a time: a bad value elsewhere never hides this one's fate.
    const parsed = parseSectionDraft(sectionId, { [field]: value });
    if (parsed.ok) Object.assign(values, parsed.value);
    else errors.push(...parsed.errors);
  }
  // Every key was checked above to be a field of its section's draft.
  return { values, errors };
}

// Blank, null and an empty list all mean "no answer"; texts compare trimmed.
function comparable(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (typeof value === "string") return value.trim() === "" ? "null" : JSON.stringify(value.trim());
  if (Array.isArray(value) && value.length === 0) return "null";
  return JSON.stringify(value);
}

/** The fields of `proposed` whose value differs from the convention's current one. */
export function changedFields(current: TConventionValues, proposed: Partial<TConventionValues>): TField[] {
  return (Object.keys(proposed) as TField[]).filter((field) => comparable(proposed[field]) !== comparable(current[field]));
}

/** Refusals of changed fields: never the fixed ones (a new convention), only those the chosen motives cover. */
export function fieldErrorsOfMotifs(motifs: readonly TMotifAvenant[], changed: readonly string[]): TAvenantFieldError[] {
  const allowed = new Set<string>(motifs.flatMap((motif) => AVENANT_FIELDS[motif]));
  return changed.flatMap((field): TAvenantFieldError[] => {
    const covering = motifsAllowing(field);
    if (covering.length === 0) return [{ field, code: "new_convention_needed", params: { field } }];
    if (!allowed.has(field)) return [{ field, code: "field_not_in_motives", params: { field, motifs: covering.join(",") } }];
    return [];
  });
}

function textErrors(field: "motifAutre" | "comment", value: string | null, required: boolean): TAvenantFieldError[] {
  if (value === null) return required ? [{ field, code: "required" }] : [];
  return value.length > AVENANT_TEXT_MAX ? [{ field, code: "too_long", params: { max: AVENANT_TEXT_MAX } }] : [];
}

/** What an avenant request says, once its motives and new values are read. */
export type TAvenantRequestFacts = {
  motifs: readonly TMotifAvenant[];
  motifAutre: string | null;
  comment: string | null;
  current: TConventionValues;
  changes: Partial<TConventionValues>;
  /** Every field the request changes, including those whose new value is malformed. */
  changed: readonly string[];
};

/**
 * The motive rules of an avenant: fields the motives allow; RUPTURE ends earlier and says why;
 * AUTRE describes its change; something must change (an AUTRE avenant's change may be its text alone).
 */
export function avenantErrors(request: TAvenantRequestFacts): TAvenantFieldError[] {
  const { motifs, changes, current } = request;
  const errors = fieldErrorsOfMotifs(motifs, request.changed);
  const rupture = motifs.includes("RUPTURE");
  errors.push(...textErrors("motifAutre", request.motifAutre, motifs.includes("AUTRE")));
  // The national model: an early termination is explained in the avenant.
  errors.push(...textErrors("comment", request.comment, rupture));
  if (rupture) {
    const end = changes.dateFin;
    // ISO dates compare as strings.
    const earlier = typeof end === "string" && current.dateFin !== null && end < current.dateFin;
    if (!earlier) errors.push({ field: "dateFin", code: "rupture_not_earlier", params: { end: current.dateFin ?? "" } });
  }
  if (request.changed.length === 0 && !rupture && !motifs.includes("AUTRE")) errors.push({ field: FORM_FIELD, code: "no_change" });
  return errors;
}

/** The values of `values` for `fields` only. */
export function pickValues(values: Partial<TConventionValues>, fields: readonly string[]): Partial<TConventionValues> {
  const source: Readonly<Record<string, unknown>> = values;
  const picked: Record<string, unknown> = {};
  for (const field of fields) if (Object.hasOwn(source, field)) picked[field] = source[field];
  return picked;
}
