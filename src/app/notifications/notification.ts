import type { TValidationStep } from "../../domain/convention.ts";

// Notifications are written to the outbox in the same transaction as the change that causes
// them (src/app/notifications/outbox-port.ts), then delivered by the dispatcher. The payload
// names what happened; the card is rendered at delivery, in the recipient's language.

/** What a notification tells its recipient. */
export type TNotificationPayload =
  /** A step waits for the recipient's decision: an approval card. */
  | { kind: "approval_request"; conventionId: number; round: number; step: TValidationStep }
  /** A step was decided: every copy of its approval card is updated (same key as the request). */
  | { kind: "approval_update"; conventionId: number; round: number; step: TValidationStep }
  /** The student's thread hears of a decision, with the refusal reason. */
  | {
      kind: "decision";
      conventionId: number;
      round: number;
      step: TValidationStep | null;
      decision: "VALIDATED" | "REFUSED" | "UNVALIDATED";
      reason: string | null;
      deciderId: number;
    }
  /** The convention is fully validated. */
  | { kind: "validated"; conventionId: number }
  /** An avenant waits for a gestionnaire's decision, or was decided. */
  | { kind: "avenant_request"; conventionId: number; avenantId: number }
  | { kind: "avenant_update"; conventionId: number; avenantId: number }
  | { kind: "avenant_decision"; conventionId: number; avenantId: number; decision: "VALIDATED" | "REFUSED"; reason: string | null; deciderId: number };

/** One notification to enqueue: who, what, and a key that makes enqueuing it twice impossible. */
export interface TNotification {
  recipientId: number;
  /** Unique across all notifications ever: the same cause never enqueues twice. */
  dedupeKey: string;
  payload: TNotificationPayload;
}

/** The key of an approval card, shared by its request and its updates: a channel updates that message in place. */
export function approvalMessageKey(conventionId: number, round: number, step: TValidationStep): string {
  return `approval:${conventionId}:${round}:${step}`;
}
