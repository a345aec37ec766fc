import type { z } from "zod/v4";
import { ZEnseignantDraft, enseignantMissing, type TEnseignantDraft } from "./enseignant.ts";
import { ZEtablissementDraft, etablissementMissing, type TEtablissementDraft } from "./etablissement.ts";
import { ZEtudiantDraft, etudiantCrossErrors, etudiantMissing, type TEtudiantDraft } from "./etudiant.ts";
import type { TFieldError } from "./field-error.ts";
import type { TLooseValues } from "./fields.ts";
import { ZServiceDraft, serviceMissing, type TServiceDraft } from "./service.ts";
import { ZSignataireDraft, signataireMissing, type TSignataireDraft } from "./signataire.ts";
import { stageCrossErrors } from "./stage-periods.ts";
import { ZStageDraft, stageMissing, type TStageDraft } from "./stage.ts";
import { ZTuteurDraft, tuteurMissing, type TTuteurDraft } from "./tuteur.ts";

/** The fillable sections, in the order of the convention (AMUSTAGE tabs 1 to 7). */
export const SECTION_IDS = ["etudiant", "etablissement", "service", "tuteur", "stage", "enseignant", "signataire"] as const;

/** A fillable section. */
export type TSectionId = (typeof SECTION_IDS)[number];

/** The draft type of each section. */
export type TSectionDrafts = {
  etudiant: TEtudiantDraft;
  etablissement: TEtablissementDraft;
  service: TServiceDraft;
  tuteur: TTuteurDraft;
  stage: TStageDraft;
  enseignant: TEnseignantDraft;
  signataire: TSignataireDraft;
};

/** The 8th tab: a summary of everything, not fillable. */
export const RECAPITULATIF = "recapitulatif";

/** All tabs the student moves through, fillable ones then the récapitulatif. */
export const ALL_SECTION_IDS = [...SECTION_IDS, RECAPITULATIF] as const;

/** What the generic section functions need to know about one section. */
export type TSectionDefinition = {
  schema: z.ZodType;
  fields: readonly string[];
  missing: (values: TLooseValues) => string[];
  // The same checks the schema runs in its refinement, callable on loose values so they are
  // reported even when another field of the section is malformed.
  crossErrors: (values: TLooseValues) => TFieldError[];
};

const none = (): TFieldError[] => [];

function define(schema: z.ZodObject, missing: TSectionDefinition["missing"], crossErrors: TSectionDefinition["crossErrors"] = none): TSectionDefinition {
  return { schema, fields: Object.keys(schema.shape), missing, crossErrors };
}

/** Each section's schema, fields, completion and cross-field checks. */
export const SECTIONS: Readonly<Record<TSectionId, TSectionDefinition>> = {
  etudiant: define(ZEtudiantDraft, etudiantMissing, etudiantCrossErrors),
  etablissement: define(ZEtablissementDraft, etablissementMissing),
  service: define(ZServiceDraft, serviceMissing),
  tuteur: define(ZTuteurDraft, tuteurMissing),
  stage: define(ZStageDraft, stageMissing, stageCrossErrors),
  enseignant: define(ZEnseignantDraft, enseignantMissing),
  signataire: define(ZSignataireDraft, signataireMissing),
};

/** Every fillable field of the convention, section by section. */
export const CONVENTION_FIELDS: readonly string[] = SECTION_IDS.flatMap((id) => SECTIONS[id].fields);

/** True when `value` names a fillable section. */
export function isSectionId(value: unknown): value is TSectionId {
  return typeof value === "string" && (SECTION_IDS as readonly string[]).includes(value);
}

/** The section a field belongs to, or null for an unknown field. */
export function sectionOfField(field: string): TSectionId | null {
  const root = field.split(".")[0] ?? "";
  return SECTION_IDS.find((id) => SECTIONS[id].fields.includes(root)) ?? null;
}
