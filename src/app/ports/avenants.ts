import type { TConventionValues } from "../../domain/convention.ts";
import type { TMotifAvenant } from "../../domain/avenant.ts";
import type { TLocale } from "../../i18n/translate.ts";
import type { TChoice } from "../conversation/events.ts";
import type { TNotification } from "../notifications/notification.ts";
import type { TAuditRecord, TConventionUpdate } from "./conventions.ts";

/** States of an avenant (same strings as the Prisma enum AvenantStatus). */
export type TAvenantStatus = "DRAFT" | "SUBMITTED" | "VALIDATED" | "REFUSED" | "CANCELLED";

/** The decision taken on an avenant, with who took it. */
export interface TAvenantDecisionFacts {
  decision: "VALIDATED" | "REFUSED";
  reason: string | null;
  deciderId: number;
  deciderName: string;
  decidedAt: Date;
}

/** An avenant as the core sees it. */
export interface TStoredAvenant {
  id: number;
  conventionId: number;
  /** 1, 2... within the convention. */
  numero: number;
  status: TAvenantStatus;
  motifs: TMotifAvenant[];
  motifAutre: string | null;
  comment: string | null;
  /** Field → new value. */
  changes: Partial<TConventionValues>;
  /** Field → value before, once the avenant is applied. */
  previousValues: Partial<TConventionValues> | null;
  requestedById: number;
  requestedByName: string;
  createdAt: Date;
  decision: TAvenantDecisionFacts | null;
}

/** What a request stores. */
export interface TAvenantRequestRecord {
  conventionId: number;
  motifs: readonly TMotifAvenant[];
  motifAutre: string | null;
  comment: string | null;
  changes: Partial<TConventionValues>;
  requestedById: number;
  submittedAt: Date;
}

/** What a decision stores; `apply` is given for a validation, whose changes go into the convention. */
export interface TAvenantDecisionRecord {
  avenantId: number;
  decision: "VALIDATED" | "REFUSED";
  reason: string | null;
  deciderId: number;
  decidedAt: Date;
  avenantAudit: TAuditRecord;
  apply?: {
    conventionId: number;
    /** The convention's version the changes were checked on: another version throws STALE_VERSION. */
    expectedVersion: number;
    update: TConventionUpdate;
    previousValues: Partial<TConventionValues>;
    conventionAudit: TAuditRecord;
  };
  notifications: TNotification[];
}

/** Avenants in storage: each write commits with its audit records and notifications, or not at all. */
export interface TAvenantStore {
  /** Throws AppError NOT_FOUND. */
  get(id: number): Promise<TStoredAvenant>;
  /**
   * Stores a SUBMITTED avenant under the convention's next number, with the audit record and
   * the notifications `effects` builds once its id and number are known, atomically.
   */
  request(
    record: TAvenantRequestRecord,
    effects: (avenant: { id: number; numero: number }) => { audit: TAuditRecord; notifications: TNotification[] },
  ): Promise<TStoredAvenant>;
  /**
   * Records the decision (a second one on the same avenant throws CONFLICT), the new status and,
   * for a validation, the changes applied to the convention with its previous values, the audit
   * records and the notifications, atomically.
   */
  decide(record: TAvenantDecisionRecord): Promise<TStoredAvenant>;
  /** The avenants of a convention waiting for a decision (SUBMITTED), oldest first. */
  pendingOf(conventionId: number): Promise<TStoredAvenant[]>;
  /** The motives of the reference list MOTIF_AVENANT, in the reader's language. */
  motifChoices(locale: TLocale): Promise<TChoice[]>;
}
