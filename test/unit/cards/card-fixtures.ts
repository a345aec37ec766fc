import type { TChoice } from "../../../src/app/conversation/events.ts";
import type {
  TApprovalView,
  TConventionHeader,
  TConventionListView,
  TConventionRights,
  TEtablissementFormView,
  THostChildFormView,
  TProgressView,
  TRecapView,
  TSectionFormView,
  TValueLabels,
} from "../../../src/cards/views.ts";
import type { TConventionValues } from "../../../src/domain/convention.ts";
import type { TRuleResult } from "../../../src/domain/rules/index.ts";
import { conventionCompletion, type TSectionId } from "../../../src/domain/sections/index.ts";
import { completeConventionValues } from "../domain/fixtures.ts";

// Realistic views, as the core would hand them to the card builders.

/** A draft of Léa Martin at Calanques Numériques. */
export const HEADER: TConventionHeader = {
  conventionId: 42,
  numero: null,
  version: 7,
  state: "DRAFT",
  studentName: "Léa Martin",
  etablissementName: "Calanques Numériques",
  dateDebut: "2026-03-02",
  dateFin: "2026-06-26",
  updatedAt: new Date("2026-01-15T09:30:00Z"),
};

/** The student on their own draft. */
export const STUDENT_RIGHTS: TConventionRights = { canEdit: true, canDelete: true, canSubmit: true };

/** Display texts of the codes and ids of completeConventionValues(). */
export const LABELS: TValueLabels = {
  cpamId: "CPAM des Bouches-du-Rhône — 13421 Marseille Cedex 20",
  inscriptionId: "3M127C - Master Psychologie (2025/2026)",
  elementPedagogiqueId: "3427BS07 - Stage Psychologue : 6 crédits ECTS",
  typeConvention: "Formation initiale",
  langue: "Français — stage en France",
  etablissementId: "Calanques Numériques — Marseille — SIRET 552 100 554 00017",
  serviceId: "Pôle développement",
  tuteurId: "NGUYEN Thomas — Développeur senior",
  signataireId: "ARNAUD Claire — Directrice générale",
  enseignantId: "LAMBERT Sophie — Informatique",
  paysIso2: "France",
  thematiqueCode: "Informatique",
  tempsTravailCode: "Temps plein",
  gratificationType: "Net",
  gratificationUnite: "Par heure",
  deviseCode: "Euro",
  modeVersementCode: "Virement bancaire",
  origineStageCode: "Candidature spontanée",
  natureTravailCode: "Rapport de stage",
  modaliteValidationCode: "Soutenance",
};

function choice(title: string | undefined, value: unknown): TChoice {
  return { title: title ?? String(value), value: String(value) };
}

const THEMATIQUES = ["Agriculture", "Arts", "Commerce", "Droit", "Éducation", "Environnement", "Finance", "Industrie", "Psychologie", "Santé", "Tourisme"];

/** Static choices of every list field, each including the value of `values`. */
export function choicesFor(values: TConventionValues): TSectionFormView["choices"] {
  const one = (field: keyof TConventionValues, extra: TChoice[] = []): TChoice[] => {
    const current = values[field];
    return current === null ? extra : [choice(LABELS[field], current), ...extra];
  };
  return {
    cpamId: one("cpamId", [{ title: "CPAM du Var — 83086 Toulon Cedex 9", value: "14" }]),
    inscriptionId: one("inscriptionId"),
    elementPedagogiqueId: one("elementPedagogiqueId", [{ title: "3427BS08 - Stage recherche", value: "32" }]),
    langue: [
      { title: "Français — stage en France", value: "FR" },
      { title: "Français — stage à l'étranger dans un pays francophone", value: "FR_FRANCOPHONE" },
      { title: "Bilingue anglais / français", value: "EN_FR" },
    ],
    etudiantCountryIso2: [
      { title: "France", value: "FR" },
      { title: "Belgique", value: "BE" },
    ],
    etablissementId: one("etablissementId"),
    serviceId: one("serviceId", [{ title: "Direction", value: "201" }]),
    tuteurId: one("tuteurId"),
    signataireId: one("signataireId"),
    enseignantId: one("enseignantId"),
    paysIso2: [
      { title: "France", value: "FR" },
      { title: "Allemagne", value: "DE" },
    ],
    thematiqueCode: [{ title: "Informatique", value: "INFORMATIQUE" }, ...THEMATIQUES.map((title) => ({ title, value: title.toUpperCase() }))],
    tempsTravailCode: [
      { title: "Temps plein", value: "TEMPS_PLEIN" },
      { title: "Temps partiel", value: "TEMPS_PARTIEL" },
    ],
    gratificationType: [
      { title: "Net", value: "NET" },
      { title: "Brut", value: "BRUT" },
    ],
    gratificationUnite: [
      { title: "Par heure", value: "HEURE" },
      { title: "Par mois", value: "MOIS" },
    ],
    deviseCode: one("deviseCode"),
    modeVersementCode: one("modeVersementCode"),
    origineStageCode: one("origineStageCode"),
    natureTravailCode: one("natureTravailCode"),
    modaliteValidationCode: one("modaliteValidationCode"),
  };
}

/** A complete convention whose schedule is irregular, with a confidential subject and telework. */
export function irregularValues(): TConventionValues {
  return completeConventionValues({
    horairesReguliers: false,
    heuresHebdomadaires: null,
    irregularPeriods: [
      { dateDebut: "2026-03-02", dateFin: "2026-04-30", hoursPerDay: 7.5 },
      { dateDebut: "2026-05-04", dateFin: "2026-06-26", hoursPerDay: 6 },
    ],
    confidentiel: true,
    teletravail: true,
    travailExceptionnelCommentaire: "Télétravail le vendredi.",
    dureeEffectiveSaisie: 520.5,
    details: "Équipe de six personnes.\nLocaux sur le Vieux-Port.",
  });
}

/** The form of one section of a complete convention. */
export function sectionFormView(sectionId: TSectionId, overrides: Partial<TSectionFormView> = {}): TSectionFormView {
  const values = overrides.values ?? completeConventionValues();
  return {
    header: HEADER,
    sectionId,
    values,
    labels: LABELS,
    choices: choicesFor({ ...completeConventionValues(), ...values }),
    errors: [],
    missing: [],
    readOnly: false,
    ...overrides,
  };
}

/** The progress of a draft with a few sections done. */
export function progressView(overrides: Partial<TProgressView> = {}): TProgressView {
  const values = completeConventionValues({ sujet: null, competences: null, enseignantId: null, dateFin: "2026-02-01" });
  return { ...HEADER, completion: conventionCompletion(values), rights: STUDENT_RIGHTS, ...overrides };
}

/** Results of the legal rules on completeConventionValues(). */
export const RULES: TRuleResult[] = [
  { code: "TELEWORK_NOT_DESCRIBED", severity: "warning", field: "stage.travailExceptionnel.commentaire", params: {} },
  { code: "DUREE_EFFECTIVE", severity: "info", field: "stage.dureeEffective", params: { hours: 532, days: 76, months: 3.45 } },
  {
    code: "GRATIFICATION_MANDATORY",
    severity: "info",
    field: "stage.gratification",
    params: { threshold: 308, hours: 532, minimum: 2394, minimumPerMonth: 598.5, months: 4 },
  },
];

/** The recap of a complete convention without blocking rule. */
export function recapView(overrides: Partial<TRecapView> = {}): TRecapView {
  const values = overrides.values ?? irregularValues();
  return {
    header: HEADER,
    values,
    labels: LABELS,
    completion: conventionCompletion(values),
    rules: RULES,
    rights: STUDENT_RIGHTS,
    ...overrides,
  };
}

/** A student with a draft and a validated convention. */
export const LIST_VIEW: TConventionListView = {
  canCreate: true,
  items: [
    { ...HEADER, completeSections: 5, totalSections: 7 },
    {
      ...HEADER,
      conventionId: 12,
      numero: 51928,
      state: "VALIDATED",
      etablissementName: "Assistance Publique - Hôpitaux de Marseille",
      dateDebut: "2025-04-01",
      dateFin: "2025-05-30",
      completeSections: 7,
      totalSections: 7,
    },
  ],
};

/** Creating an établissement whose name looks like two in the base. */
export const ETABLISSEMENT_FORM_VIEW: TEtablissementFormView = {
  conventionId: 42,
  etablissementId: null,
  version: 7,
  values: { raisonSociale: "Calanques Numeriques", siret: "552 100 554 00018", countryIso2: "FR", city: "Marseille" },
  choices: {
    typeStructureCode: [
      { title: "Entreprise privée", value: "ENTREPRISE" },
      { title: "Association", value: "ASSOCIATION" },
    ],
    countryIso2: [
      { title: "France", value: "FR" },
      { title: "Belgique", value: "BE" },
    ],
  },
  errors: [
    { field: "siret", code: "siret_checksum" },
    { field: "postalCode", code: "required" },
  ],
  duplicates: [
    { id: 100, label: "Calanques Numériques — Marseille — SIRET 552 100 554 00017" },
    { id: 101, label: "Calanques Numériques Conseil — Aix-en-Provence" },
  ],
};

/** Creating the tuteur of the convention. */
export const CONTACT_FORM_VIEW: THostChildFormView = {
  conventionId: 42,
  etablissementId: 100,
  kind: "contact",
  forSection: "tuteur",
  values: { civilite: "Mme", lastName: "Moreau", firstName: "", email: "claire.moreau@calanques.fr", serviceId: 200 },
  choices: {
    serviceId: [
      { title: "Pôle développement", value: "200" },
      { title: "Direction", value: "201" },
    ],
  },
  errors: [{ field: "firstName", code: "required" }],
};

/** Creating the service of the convention. */
export const SERVICE_FORM_VIEW: THostChildFormView = {
  conventionId: 42,
  etablissementId: 100,
  kind: "service",
  forSection: "service",
  values: { name: "Pôle développement", addressLine: null, postalCode: null, city: null, countryIso2: null, phone: null },
  choices: {},
  errors: [],
};

/** The sujet of approvalView(). */
export const SUJET = "Développement d'un assistant conversationnel pour les conventions de stage";

/** The approval card of Léa Martin's convention as the référent sees it, waiting for them. */
export function approvalView(overrides: Partial<TApprovalView> = {}): TApprovalView {
  return {
    conventionId: 12,
    numero: 51928,
    round: 1,
    step: "PEDAGOGIQUE",
    studentName: "Léa Martin",
    formation: "3M127C - Master Psychologie 1ère année (2026/2027)",
    elementPedagogique: "3427BS07 - Stage Psychologue : 6 crédits ECTS",
    etablissementName: "Calanques Numériques",
    serviceName: "Pôle développement",
    tuteurName: "Thomas Nguyen",
    enseignantName: "Sophie Lambert",
    dateDebut: "2027-03-01",
    dateFin: "2027-06-25",
    hours: 532,
    days: 76,
    months: 3.45,
    gratification: { amount: 4.5, unit: "HEURE", type: "NET", currency: "EUR" },
    sujet: SUJET,
    confidential: false,
    warnings: [{ code: "TELEWORK_NOT_DESCRIBED", severity: "warning", field: "travailExceptionnelCommentaire", params: {} }],
    steps: [
      { step: "PEDAGOGIQUE", state: "current", deciderName: null, decidedAt: null },
      { step: "VERIFICATION_ADMINISTRATIVE", state: "pending", deciderName: null, decidedAt: null },
      { step: "VALIDATION_ADMINISTRATIVE", state: "pending", deciderName: null, decidedAt: null },
    ],
    decided: null,
    canDecide: true,
    ...overrides,
  };
}
