import { z } from "zod/v4";
import { addFieldErrors } from "./field-error.ts";
import {
  draftField,
  TEXT_MAX,
  unanswered,
  zCountryIso2,
  zDecimal2,
  ZIrregularPeriod,
  zIsoDate,
  ZPeriod,
  zReferenceCode,
  zText,
  type TLooseValues,
} from "./fields.ts";
import { stageCrossErrors } from "./stage-periods.ts";

/** Net or gross stipend. */
export const GRATIFICATION_TYPES = ["NET", "BRUT"] as const;

/** What a stipend amount is counted per (UNITE_DUREE codes). */
export const GRATIFICATION_UNITES = ["HEURE", "JOUR", "SEMAINE", "MOIS", "ANNEE", "TOTAL"] as const;

/** Most interruption / irregular periods one convention may list. */
export const MAX_PERIODS = 50;

// Column sizes of the schema: Decimal(5,2) weekly hours, Decimal(7,2) durée, Decimal(12,2) amount.
const shape = {
  paysIso2: draftField(zCountryIso2),
  thematiqueCode: draftField(zReferenceCode),
  sujet: draftField(zText(TEXT_MAX.sujet)),
  fonctionsTaches: draftField(zText(TEXT_MAX.longText)),
  competences: draftField(zText(TEXT_MAX.longText)),
  details: draftField(zText(TEXT_MAX.comment)),
  dateDebut: draftField(zIsoDate),
  dateFin: draftField(zIsoDate),
  interruptions: draftField(z.array(ZPeriod).max(MAX_PERIODS)),
  horairesReguliers: draftField(z.boolean()),
  // 1..48 are absolute bounds; the legal weekly limits (adults, minors) are the rules' job.
  heuresHebdomadaires: draftField(zDecimal2({ min: 1, max: 48 })),
  irregularPeriods: draftField(z.array(ZIrregularPeriod).max(MAX_PERIODS)),
  // D124-6 counts the days present: Monday to Friday unless the student says Saturdays too.
  samedisTravailles: draftField(z.boolean()),
  congesAutorises: draftField(zText(TEXT_MAX.comment)),
  dureeEffectiveSaisie: draftField(zDecimal2({ min: 0, max: 99_999.99, exclusiveMin: true })),
  tempsTravailCode: draftField(zReferenceCode),
  commentaireTempsTravail: draftField(zText(TEXT_MAX.comment)),
  gratification: draftField(z.boolean()),
  gratificationMontant: draftField(zDecimal2({ min: 0, max: 9_999_999_999.99 })),
  gratificationType: draftField(z.enum(GRATIFICATION_TYPES)),
  gratificationUnite: draftField(z.enum(GRATIFICATION_UNITES)),
  deviseCode: draftField(zReferenceCode),
  modeVersementCode: draftField(zReferenceCode),
  origineStageCode: draftField(zReferenceCode),
  confidentiel: draftField(z.boolean()),
  natureTravailCode: draftField(zReferenceCode),
  modaliteValidationCode: draftField(zReferenceCode),
  modaliteSuivi: draftField(zText(TEXT_MAX.comment)),
  avantagesNature: draftField(zText(TEXT_MAX.comment)),
  teletravail: draftField(z.boolean()),
  travailNuit: draftField(z.boolean()),
  travailDimanche: draftField(z.boolean()),
  travailJoursFeries: draftField(z.boolean()),
  deplacements: draftField(z.boolean()),
  travailExceptionnelCommentaire: draftField(zText(TEXT_MAX.comment)),
};

/** Draft of section 5 (Stage): every field optional, malformed values and inconsistent dates rejected. */
export const ZStageDraft = z.strictObject(shape).superRefine((value, ctx) => {
  addFieldErrors(ctx, stageCrossErrors(value));
});

/** A saved (possibly partial) answer to section 5. */
export type TStageDraft = z.infer<typeof ZStageDraft>;

/** One interruption of the internship. */
export type TInterruption = z.infer<typeof ZPeriod>;

/** One period of an irregular schedule. */
export type TIrregularPeriod = z.infer<typeof ZIrregularPeriod>;

const ALWAYS_REQUIRED = ["paysIso2", "thematiqueCode", "sujet", "competences", "fonctionsTaches", "dateDebut", "dateFin", "horairesReguliers"] as const;

const GRATIFICATION_REQUIRED = ["gratificationMontant", "gratificationType", "gratificationUnite", "deviseCode", "modeVersementCode"] as const;

const DIVERS_REQUIRED = ["tempsTravailCode", "origineStageCode", "natureTravailCode", "modaliteValidationCode"] as const;

/**
 * Mandatory fields of section 5 still missing (asterisks of AMUSTAGE). The durée effective is
 * not listed: the rules compute it from the dates and hours, which are.
 */
export function stageMissing(values: TLooseValues): string[] {
  const missing = unanswered(values, ALWAYS_REQUIRED);
  if (values["horairesReguliers"] === true) missing.push(...unanswered(values, ["heuresHebdomadaires"]));
  if (values["horairesReguliers"] === false) missing.push(...unanswered(values, ["irregularPeriods"]));
  // The PDF states whether there is a stipend, so "no" must be an answer, not a silence.
  missing.push(...unanswered(values, ["gratification"]));
  if (values["gratification"] === true) missing.push(...unanswered(values, GRATIFICATION_REQUIRED));
  missing.push(...unanswered(values, DIVERS_REQUIRED));
  return missing;
}
