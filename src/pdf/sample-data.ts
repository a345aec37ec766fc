import type { TConventionParties, TContactFacts } from "../app/ports/documents.ts";
import type { TStoredConvention } from "../app/ports/conventions.ts";
import { formatSiret } from "../db/form-labels.ts";
import { DEMO_ETABLISSEMENTS, type TDemoContact } from "../db/seed/demo-etablissements.ts";
import { DEMO_STUDENTS, DEMO_TEACHERS } from "../db/seed/demo-people.ts";
import { DEMO_CENTRES, DEMO_FORMATIONS, DEMO_TYPE_CONVENTION } from "../db/seed/demo-university.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { emptyConventionValues } from "../domain/sections/index.ts";
import { sampleCountry, sampleCpam } from "./sample-labels.ts";

// Sample conventions made of the demo university's people and hosts, in memory: Léa Martin
// at the AP-HM (France), at a Brussels laboratory (francophone), Camille Roux at a German
// company (bilingual), Nathan Fabre (a minor). Used by `npm run pdf:sample`, the tests and
// the bench.

/** Which sample, and its variations. */
export type TSampleOptions = {
  lang?: "fr" | "fr-francophone" | "en";
  confidential?: boolean;
  /** A 3,000-character fonctions et tâches and 20 interruption periods. */
  long?: boolean;
  /** Nathan Fabre, 17 on the start date. */
  minor?: boolean;
};

/** Distinctive texts of the samples, for the tests of confidentiality and completeness. */
export const SAMPLE_TEXTS = {
  sujet: "Observation et entretiens cliniques en psychiatrie adulte",
  fonctions: "Participation aux synthèses cliniques hebdomadaires de l'équipe",
  competences: "Passation de tests psychométriques normés",
  accents: "é è à ç ô œ €",
  longLastSentence: "Fin de la description : bilan écrit remis au tuteur en dernière semaine.",
} as const;

function find<T>(items: readonly T[], matches: (item: T) => boolean, what: string): T {
  const item = items.find(matches);
  if (item === undefined) throw new Error(`demo data has no ${what}`);
  return item;
}

function contact(etablissement: string, lastName: string): TContactFacts {
  const host = find(DEMO_ETABLISSEMENTS, (e) => e.raisonSociale === etablissement, etablissement);
  const person: TDemoContact = find(host.contacts, (c) => c.lastName === lastName, lastName);
  return {
    civilite: person.civilite,
    lastName: person.lastName,
    firstName: person.firstName,
    fonction: person.fonction,
    phone: person.phone,
    email: person.email,
  };
}

type TCast = { student: string; host: string; service: string; tuteur: string; signataire: string; teacher: string; formation: string; pays: string };

const CASTS: Record<"fr" | "fr-francophone" | "en" | "minor", TCast> = {
  fr: {
    student: "Martin",
    host: "Assistance Publique - Hôpitaux de Marseille",
    service: "Service de psychiatrie",
    tuteur: "Vidal",
    signataire: "Rousseau",
    teacher: "Lambert",
    formation: "3M127C",
    pays: "FR",
  },
  "fr-francophone": {
    student: "Martin",
    host: "Centre de Recherche en Neurosciences Cognitives de Bruxelles",
    service: "Laboratoire de psychologie cognitive",
    tuteur: "Dupont",
    signataire: "Dupont",
    teacher: "Lambert",
    formation: "3M127C",
    pays: "BE",
  },
  en: {
    student: "Roux",
    host: "Rheinland Biotech GmbH",
    service: "Molecular Biology Lab",
    tuteur: "Schneider",
    signataire: "Weber",
    teacher: "Moreau",
    formation: "SL3BIO",
    pays: "DE",
  },
  minor: {
    student: "Fabre",
    host: "Association Entraide Phocéenne",
    service: "Accueil de jour",
    tuteur: "Benoît",
    signataire: "Benoît",
    teacher: "Moreau",
    formation: "SL1BIO",
    pays: "FR",
  },
};

function castOf(options: TSampleOptions): TCast {
  return options.minor ? CASTS.minor : CASTS[options.lang ?? "fr"];
}

/** The validations of the sample convention (its centre: référent, then gestionnaire). */
const SAMPLE_VALIDATIONS: TConventionParties["validations"] = [
  { step: "PEDAGOGIQUE", deciderName: "Sophie LAMBERT", decidedAt: new Date("2026-11-24T09:15:00Z") },
  { step: "VALIDATION_ADMINISTRATIVE", deciderName: "Isabelle GARCIA", decidedAt: new Date("2026-11-27T14:40:00Z") },
];

/** The directory records of a sample, as the document store would load them. */
export function sampleParties(options: TSampleOptions): TConventionParties {
  const cast = castOf(options);
  const student = find(DEMO_STUDENTS, (s) => s.lastName === cast.student, cast.student);
  const host = find(DEMO_ETABLISSEMENTS, (e) => e.raisonSociale === cast.host, cast.host);
  const service = find(host.services, (s) => s.name === cast.service, cast.service);
  const formation = find(DEMO_FORMATIONS, (f) => f.code === cast.formation, cast.formation);
  const element = formation.elements[0];
  const centre = find(DEMO_CENTRES, (c) => c.code === formation.centreCode, formation.centreCode);
  const teacher = find(DEMO_TEACHERS, (t) => t.lastName === cast.teacher, cast.teacher);
  return {
    birthDate: student.birthDate,
    cpam: sampleCpam("CPAM-13"),
    formation: { code: formation.code, label: formation.label, composante: formation.composante },
    element: element ? { code: element.code, label: element.label } : null,
    centre: {
      name: centre.name,
      address: centre.address,
      phone: centre.phone,
      email: centre.email,
      signatory: centre.signatoryName ? { name: centre.signatoryName, title: centre.signatoryTitle } : null,
    },
    validations: SAMPLE_VALIDATIONS,
    etablissement: {
      raisonSociale: host.raisonSociale,
      siret: host.siret === null ? null : formatSiret(host.siret),
      activite: host.activite,
      addressLine: host.addressLine,
      postalCode: host.postalCode,
      city: host.city,
      country: sampleCountry(host.countryIso2),
      phone: host.phone,
      email: host.email,
    },
    service: { name: service.name, addressLine: service.addressLine, postalCode: service.postalCode, city: service.city },
    tuteur: contact(cast.host, cast.tuteur),
    signataire: contact(cast.host, cast.signataire),
    enseignant: { lastName: teacher.lastName, firstName: teacher.firstName, email: teacher.email, department: teacher.department },
    avenants: [],
  };
}

/** The 3,000-character fonctions et tâches of the long sample; its last sentence is SAMPLE_TEXTS.longLastSentence. */
export function longFonctions(): string {
  const last = SAMPLE_TEXTS.longLastSentence;
  let text = "";
  for (let i = 1; ; i++) {
    const sentence = `Mission ${i} : préparer, conduire et restituer à l'équipe soignante une observation clinique complète, avec la traçabilité exigée.`;
    if (text.length + sentence.length + last.length + 2 > 3_000) break;
    text += `${sentence} `;
  }
  return `${text}${last}`;
}

/** Twenty one-day interruptions, every Wednesday from 20/01/2027. */
export function longInterruptions(): Array<{ dateDebut: string; dateFin: string }> {
  return Array.from({ length: 20 }, (_, i) => {
    const day = new Date(Date.UTC(2027, 0, 20 + 7 * i)).toISOString().slice(0, 10);
    return { dateDebut: day, dateFin: day };
  });
}

function stageValues(options: TSampleOptions): Partial<TConventionValues> {
  const long = options.long === true;
  if (options.minor) {
    return {
      dateDebut: "2026-12-07",
      dateFin: "2026-12-18",
      heuresHebdomadaires: 30,
      gratification: false,
      sujet: "Découverte des métiers de l'accompagnement social",
      fonctionsTaches: "Accueil du public aux côtés des bénévoles, participation à la préparation des repas.",
      competences: "Écoute, travail en équipe, ponctualité.",
    };
  }
  const abroad = options.lang === "fr-francophone" || options.lang === "en";
  return {
    dateDebut: "2027-01-11",
    dateFin: long ? "2027-06-25" : "2027-04-30",
    interruptions: long ? longInterruptions() : [{ dateDebut: "2027-02-22", dateFin: "2027-02-26" }],
    heuresHebdomadaires: 35,
    gratification: true,
    gratificationMontant: abroad ? 650 : 4.5,
    gratificationType: abroad ? "BRUT" : "NET",
    gratificationUnite: abroad ? "MOIS" : "HEURE",
    deviseCode: "EUR",
    modeVersementCode: "VIREMENT",
    sujet: SAMPLE_TEXTS.sujet,
    fonctionsTaches: long
      ? longFonctions()
      : `${SAMPLE_TEXTS.fonctions} ; entretiens d'accueil, bilans psychologiques sous supervision, rédaction de comptes rendus (accents : ${SAMPLE_TEXTS.accents}).`,
    competences: `${SAMPLE_TEXTS.competences} ; conduite d'entretien clinique ; rédaction de comptes rendus.`,
    congesAutorises: "Deux jours de congés par mois de stage, à poser en accord avec le tuteur.",
    avantagesNature: "Titres-restaurant, prise en charge de 50 % de l'abonnement de transport.",
  };
}

/** A validated sample convention. */
export function sampleConvention(options: TSampleOptions = {}): TStoredConvention {
  const cast = castOf(options);
  const student = find(DEMO_STUDENTS, (s) => s.lastName === cast.student, cast.student);
  const langue = cast.pays === "FR" ? "FR" : cast.pays === "BE" ? "FR_FRANCOPHONE" : "EN_FR";
  const values: TConventionValues = {
    ...emptyConventionValues(),
    etudiantLastName: student.lastName,
    etudiantFirstName: student.firstName,
    etudiantNumber: student.studentNumber,
    etudiantEmail: student.email,
    etudiantPhone: student.phone,
    etudiantAddressLine: student.addressLine,
    etudiantPostalCode: student.postalCode,
    etudiantCity: student.city,
    etudiantCountryIso2: "FR",
    cpamId: 13,
    academicYear: "2026/2027",
    heuresFormationPlus200: true,
    typeConvention: DEMO_TYPE_CONVENTION,
    langue,
    paysIso2: cast.pays,
    horairesReguliers: true,
    tempsTravailCode: "TEMPS_PLEIN",
    confidentiel: options.confidential === true,
    natureTravailCode: "RAPPORT_STAGE",
    modaliteValidationCode: "RAPPORT_ET_SOUTENANCE",
    modaliteSuivi: "Un entretien avec l'enseignante référente au milieu du stage, une visite sur place avant la fin.",
    teletravail: false,
    travailNuit: false,
    travailDimanche: false,
    travailJoursFeries: false,
    deplacements: false,
    samedisTravailles: false,
    interruptions: [],
    irregularPeriods: [],
    ...stageValues(options),
  };
  const created = new Date("2026-11-20T09:00:00Z");
  return {
    id: 1,
    numero: options.minor ? 51931 : { fr: 51928, "fr-francophone": 51929, en: 51930 }[options.lang ?? "fr"],
    version: 12,
    state: "VALIDATED",
    round: 1,
    currentStep: null,
    studentId: 1,
    centreId: 1,
    studentsMayRequestAvenant: true,
    validatedStepsThisRound: ["PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"],
    dureeEffectiveCalculee: null,
    createdAt: created,
    updatedAt: created,
    values,
  };
}
