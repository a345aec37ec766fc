import type { TValidationStep } from "../../domain/convention.ts";
import type { TActor } from "../../domain/permissions.ts";
import type { TLocale } from "../../i18n/translate.ts";
import type { TDecisionRecord, TStoredConvention } from "./conventions.ts";

// Who is who: the people directory (students, teachers, staff, matched by e-mail), the centres
// de gestion and who decides each validation step. src/db implements them with Prisma.

/** A person of the directory as the conversation needs them. */
export interface TDirectoryPerson {
  actor: TActor;
  locale: TLocale;
  displayName: string;
}

/** A student's directory data, to prefill section 1. */
export interface TStudentProfile {
  lastName: string;
  firstName: string;
  studentNumber: string;
  email: string;
  phone: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  countryIso2: string | null;
  inscriptions: Array<{
    id: number;
    academicYear: string;
    typeConvention: string;
    formationCode: string;
    formationLabel: string;
    centreId: number;
    elements: Array<{ id: number; code: string; label: string; ects: number | null }>;
  }>;
}

/** The people directory (students, teachers, staff), matched by e-mail. */
export interface TPersonDirectory {
  byEmail(email: string): Promise<TDirectoryPerson | null>;
  byId(personId: number): Promise<TDirectoryPerson | null>;
  studentProfile(studentId: number): Promise<TStudentProfile>;
  /** Saves the language the person chose ("english", "français"): their messages and cards are in it from then on. */
  setLocale(personId: number, locale: TLocale): Promise<void>;
}

/** What the validation workflow needs from the convention's centre de gestion. */
export interface TCentreDirectory {
  /** The centre that manages the formation of this inscription, with its ordered steps. */
  centreOfInscription(inscriptionId: number): Promise<{ id: number; steps: TValidationStep[] } | null>;
}

/** Who decides what, and the decisions taken: the validation workflow's directory. */
export interface TWorkflowDirectory {
  /** The centre's ordered steps. */
  centreSteps(centreId: number): Promise<TValidationStep[]>;
  /** The people who decide a step: the référent for PEDAGOGIQUE, every gestionnaire of the centre otherwise. */
  stepDeciders(convention: TStoredConvention, step: TValidationStep): Promise<number[]>;
  /** Every gestionnaire of a centre. */
  centreStaff(centreId: number): Promise<number[]>;
  /** Decisions of a round, oldest first, with the decider's name. */
  decisions(conventionId: number, round: number): Promise<Array<TDecisionRecord & { deciderName: string; decidedAt: Date }>>;
  /** "Prénom Nom" of a person. */
  personName(personId: number): Promise<string>;
}
