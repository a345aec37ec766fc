// The demo university's centres de gestion and formations, modelled on Aix-Marseille
// Université's AMUSTAGE set-up so that users recognise the codes and labels.
import type { ValidationStep } from "../../generated/prisma/client.ts";

/** A demo centre de gestion. */
export interface TDemoCentre {
  code: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  steps: ValidationStep[];
  studentsMayRequestAvenant: boolean;
  /** Who signs the centre's conventions for the university, by delegation; null: the institution's signatory. */
  signatoryName: string | null;
  signatoryTitle: string | null;
}

/** A demo formation/étape with its éléments pédagogiques (the stages students pick). */
export interface TDemoFormation {
  code: string;
  label: string;
  composante: string;
  centreCode: string;
  elements: { code: string; label: string; ects: string }[];
}

/** The centre whose presence marks the demo as loaded. */
export const DEMO_MARKER_CENTRE_CODE = "DEMO-PSY";

/** The inscriptions' TYPE_CONVENTION code. */
export const DEMO_TYPE_CONVENTION = "FORMATION_INITIALE";

// Two centres with different step orders, so the workflow's ordering is visible in the demo.
export const DEMO_CENTRES: readonly TDemoCentre[] = [
  {
    code: DEMO_MARKER_CENTRE_CODE,
    name: "UFR Psychologie, Sciences sociales, Sciences de l'éducation",
    email: "stages-psy@univ-demo.fr",
    phone: "04 13 55 00 10",
    address: "29 avenue Robert Schuman, 13621 Aix-en-Provence Cedex 1",
    steps: ["PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"],
    studentsMayRequestAvenant: true,
    signatoryName: "Hélène ROCHE",
    signatoryTitle: "Directrice de l'UFR, par délégation du président de l'université",
  },
  {
    code: "DEMO-SCI",
    name: "Faculté des Sciences",
    email: "stages-sciences@univ-demo.fr",
    phone: "04 91 82 90 00",
    address: "163 avenue de Luminy, 13288 Marseille Cedex 9",
    steps: ["VERIFICATION_ADMINISTRATIVE", "PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"],
    studentsMayRequestAvenant: false,
    signatoryName: null,
    signatoryTitle: null,
  },
];

const PSY = "UFR Psychologie, Sc. Sociales, Sc. Educ.";
const SCI = "Faculté des Sciences";

export const DEMO_FORMATIONS: readonly TDemoFormation[] = [
  {
    code: "3M127C",
    label: "Master Psychologie 1ère année",
    composante: PSY,
    centreCode: "DEMO-PSY",
    elements: [
      { code: "3427BS07", label: "Stage Psychologue", ects: "6" },
      { code: "3427BS08", label: "Stage d'initiation à la recherche", ects: "3" },
    ],
  },
  {
    code: "3L327C",
    label: "Licence Psychologie 3e année",
    composante: PSY,
    centreCode: "DEMO-PSY",
    elements: [{ code: "3327AS05", label: "Stage d'observation en psychologie", ects: "3" }],
  },
  {
    code: "SM1INF",
    label: "Master Informatique 1ère année",
    composante: SCI,
    centreCode: "DEMO-SCI",
    elements: [{ code: "SINM1S12", label: "Stage M1 Informatique", ects: "12" }],
  },
  {
    code: "SL1BIO",
    label: "Licence Biologie 1ère année",
    composante: SCI,
    centreCode: "DEMO-SCI",
    elements: [{ code: "SBIL1S01", label: "Stage de découverte en laboratoire", ects: "2" }],
  },
  {
    code: "SL3BIO",
    label: "Licence Biologie 3e année",
    composante: SCI,
    centreCode: "DEMO-SCI",
    elements: [{ code: "SBIL3S06", label: "Stage en laboratoire de biologie", ects: "6" }],
  },
];
