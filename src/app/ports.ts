import type { TConventionState, TConventionValues, TValidationStep } from "../domain/convention.ts";
import type { TConventionRulesFacts } from "../domain/convention-rules.ts";
import type { TGratificationRates } from "../domain/rules/index.ts";

// What use-cases need from the outside world, as interfaces: src/db implements them with
// Prisma, tests may pass their own. The core never imports Prisma or a platform.

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

/** Reading and writing conventions. */
export interface TConventionStore {
  /** Throws AppError NOT_FOUND. */
  get(id: number): Promise<TStoredConvention>;
  /** Applies `update` only at `expectedVersion` (else AppError STALE_VERSION), with its audit record, atomically. */
  update(id: number, expectedVersion: number, update: TConventionUpdate, audit: TAuditRecord): Promise<TStoredConvention>;
}

/** The facts the legal rules read from the directory and from the other conventions. */
export interface TRulesFactsSource {
  factsFor(convention: TStoredConvention, today: string): Promise<TConventionRulesFacts>;
  gratificationRates(): Promise<TGratificationRates>;
}

/** Current time, passed in so that use-cases are testable. */
export type TClock = () => Date;
