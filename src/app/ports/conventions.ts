import type { TConventionState, TConventionValues, TValidationStep } from "../../domain/convention.ts";
import type { TConventionRulesFacts } from "../../domain/convention-rules.ts";
import type { TActor } from "../../domain/permissions.ts";
import type { TGratificationRates, THolidayZone } from "../../domain/rules/index.ts";
import type { TFieldError, TSectionId } from "../../domain/sections/index.ts";
import type { THistoryEntry, TStaffListItem, TValueLabels } from "../../cards/views.ts";
import type { TLocale } from "../../i18n/translate.ts";
import type { TChoice } from "../conversation/events.ts";
import type { TNotification } from "../notifications/notification.ts";

// Conventions as the core stores and reads them: the store with its audit trail and decisions,
// the checks of answers, the facts of the legal rules, the forms' choices and the staff's lists.
// src/db implements them with Prisma.

/** A convention as the core sees it: lifecycle facts plus the answers of its sections. */
export interface TStoredConvention {
  id: number;
  numero: number | null;
  version: number;
  state: TConventionState;
  round: number;
  currentStep: TValidationStep | null;
  studentId: number;
  centreId: number | null;
  studentsMayRequestAvenant: boolean;
  /** Steps validated in the current round, in order. */
  validatedStepsThisRound: TValidationStep[];
  /** Computed by the rules at the last save; null until dates and hours are known. */
  dureeEffectiveCalculee: number | null;
  createdAt: Date;
  updatedAt: Date;
  values: TConventionValues;
}

/** Changes of answers, plus the values the core computes. */
export type TConventionUpdate = Partial<TConventionValues> & { dureeEffectiveCalculee?: number | null };

/** One line of the audit trail. */
export interface TAuditRecord {
  actorId: number | null;
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * An avenant cancelled by the same transition (its convention un-validated): applied only if it
 * is still SUBMITTED then, with its audit record and its notifications (none if it was decided meanwhile).
 */
export interface TAvenantCancellation {
  avenantId: number;
  audit: TAuditRecord;
  notifications: TNotification[];
}

/** Lifecycle fields only the core's use-cases change (submission, decisions). */
export interface TLifecycleUpdate {
  state?: TConventionState;
  /** "assign": take the next number from the sequence if the convention has none yet. */
  numero?: "assign";
  centreId?: number | null;
  currentStep?: TValidationStep | null;
  round?: number;
  submittedAt?: Date | null;
  validatedAt?: Date | null;
  /** Rule results recorded at submission (warnings are kept with the convention). */
  ruleResults?: unknown;
}

/** A validation decision as recorded (ValidationDecision). Un-validation has no step. */
export interface TDecisionRecord {
  round: number;
  step: TValidationStep | null;
  decision: "VALIDATED" | "REFUSED" | "UNVALIDATED";
  reason: string | null;
  deciderId: number;
  /** When it was taken (the core's clock); the database's time when left out. */
  decidedAt?: Date;
}

/** Reading and writing conventions. */
export interface TConventionStore {
  /** Throws AppError NOT_FOUND. */
  get(id: number): Promise<TStoredConvention>;
  /** Applies `update` only at `expectedVersion` (else AppError STALE_VERSION), with its audit record, atomically. */
  update(id: number, expectedVersion: number, update: TConventionUpdate, audit: TAuditRecord): Promise<TStoredConvention>;
  /** Creates a draft for a student with its first answers (prefill), audited. */
  createDraft(studentId: number, actorId: number, initial: TConventionUpdate): Promise<TStoredConvention>;
  /** A student's conventions, most recently changed first (deleted drafts are gone). */
  listForStudent(studentId: number): Promise<TStoredConvention[]>;
  /**
   * Changes the lifecycle at `expectedVersion` (else STALE_VERSION), with its audit record, the
   * decision taken (a second decision on the same step and round throws CONFLICT) and the
   * notifications it causes, atomically.
   */
  transition(
    id: number,
    expectedVersion: number,
    lifecycle: TLifecycleUpdate,
    audit: TAuditRecord,
    effects?: { decision?: TDecisionRecord; notifications?: TNotification[]; cancelAvenants?: TAvenantCancellation[] },
  ): Promise<TStoredConvention>;
  /** Deletes a convention for good at `expectedVersion`; the audit record stays. */
  delete(id: number, expectedVersion: number, audit: TAuditRecord): Promise<void>;
}

/** Choices and display labels the forms and the recap need, from the reference lists and the hosts. */
export interface TFormData {
  choicesFor(sectionId: TSectionId, convention: TStoredConvention, locale: TLocale): Promise<Partial<Record<keyof TConventionValues, TChoice[]>>>;
  labelsFor(values: Partial<TConventionValues>, locale: TLocale): Promise<TValueLabels>;
  /** Choices of the host forms: établissement lists (type de structure, statut, effectif, NAF, pays), or an établissement's services. */
  hostChoices(kind: "etablissement" | "service" | "contact", etablissementId: number | null, locale: TLocale): Promise<Record<string, TChoice[]>>;
}

/** The facts the legal rules read from the directory and from the other conventions. */
export interface TRulesFactsSource {
  factsFor(convention: TStoredConvention, today: string): Promise<TConventionRulesFacts>;
  gratificationRates(): Promise<TGratificationRates>;
  /** The public-holiday calendar of the place of work of these values (service, else établissement). */
  holidayZone(values: TConventionValues): Promise<THolidayZone>;
}

/** Checks of answers against the directory and the reference lists, and the values they imply. */
export interface TAnswerChecks {
  /**
   * Field errors for answers that name something unknown or foreign (a code not in its list,
   * another student's inscription, a tuteur of another établissement), and the values derived
   * from the answers (année universitaire and type de convention from the inscription, ...).
   */
  check(sectionId: TSectionId, answers: Partial<TConventionValues>, stored: TStoredConvention): Promise<{ errors: TFieldError[]; derived: TConventionUpdate }>;
}

/** Lists for teachers and gestionnaires, and the audit trail. */
export interface TStaffQueries {
  /** Conventions waiting for this person's decision (référent: PEDAGOGIQUE of theirs; gestionnaire: administrative steps of their centres), oldest first. */
  toValidate(actor: TActor, now: Date): Promise<TStaffListItem[]>;
  /** Conventions of the actor's centres by number or student name (accent- and case-insensitive). */
  search(actor: TActor, query: string, now: Date): Promise<TStaffListItem[]>;
  /** Audit events of a convention, newest first, at most `limit`, with how many were left out. */
  history(conventionId: number, limit: number): Promise<{ entries: THistoryEntry[]; omitted: number }>;
}
