import type { TDataset } from "./card-contract.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { LANGUES } from "../domain/sections/etudiant.ts";
import { TEXT_MAX } from "../domain/sections/fields.ts";
import type { TSectionId } from "../domain/sections/index.ts";
import { GRATIFICATION_TYPES, GRATIFICATION_UNITES } from "../domain/sections/stage.ts";

// One table of field kinds, read both ways: the form builders choose each input from it, and
// formAnswers() reads the submitted strings back into typed answers with it.

/** A column of a period row (interruptions, irregular periods). */
export type TPeriodColumn = "dateDebut" | "dateFin" | "hoursPerDay";

/**
 * How a field is asked and read back. `required` marks the fields a form must not leave empty
 * whatever the other answers (conditional ones get a hint instead: a form cannot show-if).
 */
export type TFieldSpec =
  | { kind: "text"; maxLength: number; multiline?: boolean; style?: "email" | "tel" | "url"; required?: boolean }
  | { kind: "date"; required?: boolean }
  /** `money`: shown with two decimals (4,50). */
  | { kind: "number"; money?: boolean; required?: boolean }
  /** A database id: a typeahead search when `dataset` is set, otherwise a list of static choices. */
  | { kind: "id"; dataset?: TDataset; required?: boolean }
  /** A code of a list: static choices (`options` are closed enums translated in cards.json). */
  | { kind: "code"; options?: readonly string[]; maxLength?: number; required?: boolean }
  /** yesno: an explicit Oui/Non where "Non" is an answer; toggle: a flag that defaults to off. */
  | { kind: "boolean"; widget: "yesno" | "toggle"; required?: boolean }
  | { kind: "periods"; columns: readonly TPeriodColumn[] }
  /** Set by the application (from the inscription), shown but never submitted. */
  | { kind: "derived" };

const text = (maxLength: number, extra: { style?: "email" | "tel"; required?: boolean } = {}): TFieldSpec => ({
  kind: "text",
  maxLength,
  ...extra,
});
const multiline = (maxLength: number, required = false): TFieldSpec => ({ kind: "text", maxLength, multiline: true, required });
const code = (required = false): TFieldSpec => ({ kind: "code", required });
const flag: TFieldSpec = { kind: "boolean", widget: "toggle" };
const PERIOD: readonly TPeriodColumn[] = ["dateDebut", "dateFin"];

/** Every fillable field of the convention and how its form asks for it. */
export const FORM_FIELDS: Readonly<Record<keyof TConventionValues, TFieldSpec>> = {
  etudiantLastName: text(TEXT_MAX.name, { required: true }),
  etudiantFirstName: text(TEXT_MAX.name, { required: true }),
  etudiantNumber: text(TEXT_MAX.shortCode),
  etudiantEmail: text(TEXT_MAX.email, { style: "email" }),
  etudiantPhone: text(TEXT_MAX.phone, { style: "tel" }),
  etudiantAddressLine: text(TEXT_MAX.address),
  etudiantPostalCode: text(TEXT_MAX.postalCode),
  etudiantCity: text(TEXT_MAX.name),
  etudiantCountryIso2: { kind: "code", maxLength: 2 },
  // Either a CPAM of the list or another caisse: neither is required alone.
  cpamId: { kind: "id", dataset: "cpam" },
  cpamAutre: text(TEXT_MAX.name),
  inscriptionId: { kind: "id", required: true },
  academicYear: { kind: "derived" },
  elementPedagogiqueId: { kind: "id", required: true },
  heuresFormationPlus200: { kind: "boolean", widget: "yesno", required: true },
  heuresFormation: { kind: "number" },
  typeConvention: { kind: "derived" },
  langue: { kind: "code", options: LANGUES, required: true },
  etablissementId: { kind: "id", dataset: "etablissements", required: true },
  effectifAccueil: { kind: "number" },
  serviceId: { kind: "id", dataset: "services", required: true },
  tuteurId: { kind: "id", dataset: "contacts", required: true },
  enseignantId: { kind: "id", dataset: "enseignants", required: true },
  signataireId: { kind: "id", dataset: "contacts", required: true },
  paysIso2: { kind: "code", maxLength: 2, required: true },
  thematiqueCode: code(true),
  sujet: multiline(TEXT_MAX.sujet, true),
  fonctionsTaches: multiline(TEXT_MAX.longText, true),
  competences: multiline(TEXT_MAX.longText, true),
  details: multiline(TEXT_MAX.comment),
  dateDebut: { kind: "date", required: true },
  dateFin: { kind: "date", required: true },
  interruptions: { kind: "periods", columns: PERIOD },
  horairesReguliers: { kind: "boolean", widget: "yesno", required: true },
  heuresHebdomadaires: { kind: "number" },
  irregularPeriods: { kind: "periods", columns: [...PERIOD, "hoursPerDay"] },
  samedisTravailles: flag,
  congesAutorises: multiline(TEXT_MAX.comment),
  dureeEffectiveSaisie: { kind: "number" },
  tempsTravailCode: code(true),
  commentaireTempsTravail: multiline(TEXT_MAX.comment),
  gratification: { kind: "boolean", widget: "yesno", required: true },
  gratificationMontant: { kind: "number", money: true },
  gratificationType: { kind: "code", options: GRATIFICATION_TYPES },
  gratificationUnite: { kind: "code", options: GRATIFICATION_UNITES },
  deviseCode: code(),
  modeVersementCode: code(),
  origineStageCode: code(true),
  confidentiel: flag,
  natureTravailCode: code(true),
  modaliteValidationCode: code(true),
  modaliteSuivi: multiline(TEXT_MAX.comment),
  avantagesNature: multiline(TEXT_MAX.comment),
  teletravail: flag,
  travailNuit: flag,
  travailDimanche: flag,
  travailJoursFeries: flag,
  deplacements: flag,
  travailExceptionnelCommentaire: multiline(TEXT_MAX.comment),
};

/** How a field is asked, or undefined for a name that is not a convention field. */
export function fieldSpec(field: string): TFieldSpec | undefined {
  return Object.hasOwn(FORM_FIELDS, field) ? FORM_FIELDS[field as keyof TConventionValues] : undefined;
}

/** A heading of a form (key of cards:groups, null for none) and its fields, in order. */
export type TFieldGroup = { key: string | null; fields: readonly (keyof TConventionValues)[] };

/** The layout of each section's form, grouped like the AMUSTAGE screens. */
export const SECTION_LAYOUT: Readonly<Record<TSectionId, readonly TFieldGroup[]>> = {
  etudiant: [
    {
      key: "coordonnees",
      fields: [
        "etudiantLastName",
        "etudiantFirstName",
        "etudiantNumber",
        "etudiantEmail",
        "etudiantPhone",
        "etudiantAddressLine",
        "etudiantPostalCode",
        "etudiantCity",
        "etudiantCountryIso2",
      ],
    },
    { key: "cpam", fields: ["cpamId", "cpamAutre"] },
    {
      key: "cadre",
      fields: ["inscriptionId", "academicYear", "elementPedagogiqueId", "heuresFormationPlus200", "heuresFormation", "typeConvention", "langue"],
    },
  ],
  etablissement: [{ key: null, fields: ["etablissementId", "effectifAccueil"] }],
  service: [{ key: null, fields: ["serviceId"] }],
  tuteur: [{ key: null, fields: ["tuteurId"] }],
  stage: [
    { key: "description", fields: ["paysIso2", "thematiqueCode", "sujet", "fonctionsTaches", "competences", "details"] },
    {
      key: "dates",
      fields: [
        "dateDebut",
        "dateFin",
        "interruptions",
        "horairesReguliers",
        "heuresHebdomadaires",
        "irregularPeriods",
        "samedisTravailles",
        "congesAutorises",
        "dureeEffectiveSaisie",
        "tempsTravailCode",
        "commentaireTempsTravail",
      ],
    },
    {
      key: "gratification",
      fields: ["gratification", "gratificationMontant", "gratificationType", "gratificationUnite", "deviseCode", "modeVersementCode"],
    },
    {
      key: "divers",
      fields: ["origineStageCode", "confidentiel", "natureTravailCode", "modaliteValidationCode", "modaliteSuivi", "avantagesNature"],
    },
    {
      key: "travailExceptionnel",
      fields: ["teletravail", "travailNuit", "travailDimanche", "travailJoursFeries", "deplacements", "travailExceptionnelCommentaire"],
    },
  ],
  enseignant: [{ key: null, fields: ["enseignantId"] }],
  signataire: [{ key: null, fields: ["signataireId"] }],
};

/** Empty rows a period list offers beyond the periods already entered. */
export const EXTRA_PERIOD_ROWS = 2;
