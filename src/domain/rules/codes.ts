// Every code a rule can emit. Codes are stable: they are stored with the convention
// (ruleResults) and each has a message in locales/<lang>/rules.json.

/** All rule codes, in the order of the rules; each has a French and an English message. */
export const RULE_CODES = [
  // Dates and periods
  "START_DATE_MISSING",
  "END_DATE_MISSING",
  "DATE_INVALID",
  "END_BEFORE_START",
  "STAGE_LONGER_THAN_12_MONTHS",
  "START_DATE_IN_PAST",
  "INTERRUPTION_END_BEFORE_START",
  "INTERRUPTION_OUTSIDE_STAGE",
  "INTERRUPTIONS_OVERLAP",
  "INTERRUPTIONS_COVER_WHOLE_STAGE",
  "SCHEDULE_PERIOD_END_BEFORE_START",
  "SCHEDULE_PERIOD_OUTSIDE_STAGE",
  "SCHEDULE_PERIODS_OVERLAP",
  "SCHEDULE_PERIOD_HOURS_INVALID",
  "WEEKLY_HOURS_INVALID",
  // Durée effective
  "DUREE_EFFECTIVE",
  "DUREE_EFFECTIVE_OVERRIDDEN",
  // Gratification
  "GRATIFICATION_MANDATORY",
  "GRATIFICATION_MANDATORY_CUMULATED",
  "GRATIFICATION_NOT_MANDATORY",
  "GRATIFICATION_REQUIRED",
  "GRATIFICATION_BELOW_MINIMUM",
  "GRATIFICATION_BELOW_MINIMUM_MONTHLY",
  "GRATIFICATION_BELOW_MINIMUM_YEARLY",
  "GRATIFICATION_AMOUNT_INVALID",
  "GRATIFICATION_ABROAD",
  "OVERSEAS_OWN_LABOUR_LAW",
  "GRATIFICATION_CURRENCY_NOT_EUR",
  "GRATIFICATION_CANNOT_CONVERT",
  // 924-hour cap
  "DUREE_MAX_EXCEEDED",
  "DUREE_MAX_EXCEEDED_CUMULATED",
  // Working time
  "DAILY_HOURS_EXCEEDED",
  "WEEKLY_HOURS_EXCEEDED",
  "WEEKLY_AVERAGE_EXCEEDED",
  "MINOR_STUDENT",
  "MINOR_DAILY_HOURS_EXCEEDED",
  "MINOR_WEEKLY_HOURS_EXCEEDED",
  "MINOR_NIGHT_WORK",
  "MINOR_SUNDAY_WORK",
  "MINOR_PUBLIC_HOLIDAY_WORK",
  "MINOR_TWO_REST_DAYS",
  "SUNDAY_WORK_NOT_DECLARED",
  "PUBLIC_HOLIDAY_WORK_NOT_DECLARED",
  "NIGHT_WORK_NOT_DESCRIBED",
  "SUNDAY_WORK_NOT_DESCRIBED",
  "PUBLIC_HOLIDAY_WORK_NOT_DESCRIBED",
  "TELEWORK_NOT_DESCRIBED",
  // Tuteur
  "TUTEUR_QUOTA_EXCEEDED",
  // Enseignant référent
  "ENSEIGNANT_QUOTA_EXCEEDED",
  // Host's quota per week
  "HOST_QUOTA_EXCEEDED",
  "HOST_QUOTA_HEADCOUNT_NEEDED",
  "HOST_QUOTA_HEADCOUNT_UNKNOWN",
  // Formation
  "TRAINING_HOURS_BELOW_200",
  "TRAINING_HOURS_BELOW_200_REFUSED",
  // Établissement
  "SIRET_FORMAT_INVALID",
  "SIRET_CHECKSUM_INVALID",
] as const;

/** A stable rule code, e.g. "GRATIFICATION_BELOW_MINIMUM". */
export type TRuleCode = (typeof RULE_CODES)[number];

/** error blocks submission; warning is shown and recorded; info feeds the recap. */
export type TRuleSeverity = "error" | "warning" | "info";

/** One finding of the rules, translated with `translate(locale, "rules:" + code, params)`. */
export type TRuleResult = {
  code: TRuleCode;
  severity: TRuleSeverity;
  /** The convention field it concerns, e.g. "dateFin" (see RULE_FIELDS). */
  field?: string;
  params: Record<string, string | number>;
};

/** Builds a rule result; `field` is left out when the finding concerns no single field. */
export function ruleResult(code: TRuleCode, severity: TRuleSeverity, params: Record<string, string | number> = {}, field?: string): TRuleResult {
  return field === undefined ? { code, severity, params } : { code, severity, field, params };
}

/** True when any result blocks submission. */
export function hasBlockingError(results: readonly TRuleResult[]): boolean {
  return results.some((r) => r.severity === "error");
}

/** The convention fields the rules point at: the names of TConventionValues (birthDate and siret are the directory's). */
export const RULE_FIELDS = {
  dateDebut: "dateDebut",
  dateFin: "dateFin",
  interruptions: "interruptions",
  horairesPeriodes: "irregularPeriods",
  heuresHebdomadaires: "heuresHebdomadaires",
  samedisTravailles: "samedisTravailles",
  dureeEffective: "dureeEffectiveSaisie",
  pays: "paysIso2",
  gratification: "gratification",
  gratificationMontant: "gratificationMontant",
  gratificationUnite: "gratificationUnite",
  gratificationDevise: "deviseCode",
  dateNaissance: "birthDate",
  travailNuit: "travailNuit",
  travailDimanche: "travailDimanche",
  travailJoursFeries: "travailJoursFeries",
  travailExceptionnelCommentaire: "travailExceptionnelCommentaire",
  tuteur: "tuteurId",
  enseignant: "enseignantId",
  etablissement: "etablissementId",
  effectifAccueil: "effectifAccueil",
  heuresFormation: "heuresFormation",
  siret: "siret",
} as const;

/** The field of the `index`-th item of a list field, e.g. "interruptions.0". */
export function itemField(listField: string, index: number): string {
  return `${listField}.${index}`;
}
