import type { TEnseignantDraft } from "./sections/enseignant.ts";
import type { TEtablissementDraft } from "./sections/etablissement.ts";
import type { TEtudiantDraft } from "./sections/etudiant.ts";
import type { TServiceDraft } from "./sections/service.ts";
import type { TSignataireDraft } from "./sections/signataire.ts";
import type { TStageDraft } from "./sections/stage.ts";
import type { TTuteurDraft } from "./sections/tuteur.ts";

/** States of a convention (same strings as the Prisma enum ConventionState). */
export const CONVENTION_STATES = ["DRAFT", "SUBMITTED", "RETURNED", "VALIDATED", "CANCELLED"] as const;

/** A convention's state in its lifecycle. */
export type TConventionState = (typeof CONVENTION_STATES)[number];

/** Validation steps a centre de gestion may require (same strings as the Prisma enum ValidationStep). */
export const VALIDATION_STEPS = ["PEDAGOGIQUE", "VERIFICATION_ADMINISTRATIVE", "VALIDATION_ADMINISTRATIVE"] as const;

/** One validation step. */
export type TValidationStep = (typeof VALIDATION_STEPS)[number];

type TAllSections = TEtudiantDraft & TEtablissementDraft & TServiceDraft & TTuteurDraft & TStageDraft & TEnseignantDraft & TSignataireDraft;

/**
 * Every fillable field of the convention, each present and null when unanswered. Dates are
 * "YYYY-MM-DD", decimals are numbers: the repository converts Prisma's Date and Decimal.
 */
export type TConventionValues = { [K in keyof TAllSections]-?: Exclude<TAllSections[K], undefined> | null };
