import { z } from "zod/v4";
import { type TValidationStep, VALIDATION_STEPS } from "../../domain/convention.ts";

// Notifications are written to the outbox in the same transaction as the change that causes
// them (src/app/ports/outbox-queue.ts), then delivered by the dispatcher. The payload
// names what happened; the card is rendered at delivery, in the recipient's language.

const ZStep = z.enum(VALIDATION_STEPS);
const ZReason = z.string().nullable();
const ZRecordId = z.number().int();

/** One convention in a digest or a reminder. */
export const ZDigestItem = z.object({
  conventionId: ZRecordId,
  numero: z.number().int().nullable(),
  studentName: z.string(),
  /** Whole days it has waited at its step. */
  waitingDays: z.number().int(),
  dateDebut: z.iso.date().nullable(),
  step: ZStep.nullable(),
  urgent: z.boolean(),
});

/** A digest's section: how many wait in all, and the oldest of them (the card offers the full list). */
const ZDigestGroup = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });

export const ZDigestPayload = z.object({
  kind: z.literal("digest"),
  /** About no one convention (the outbox row's conventionId stays empty). */
  conventionId: z.null(),
  centreId: ZRecordId,
  centreName: z.string(),
  /** The slot's local date, YYYY-MM-DD. */
  localDate: z.iso.date(),
  /** When this person's previous digest of this centre was sent (ISO instant), null for the first. */
  previousAt: z.iso.datetime().nullable(),
  startingSoonDays: z.number().int(),
  urgent: ZDigestGroup(ZDigestItem),
  steps: z.array(ZDigestGroup(ZDigestItem).extend({ step: ZStep })),
  avenants: ZDigestGroup(
    z.object({
      conventionId: ZRecordId,
      avenantId: ZRecordId,
      numero: z.number().int().nullable(),
      avenantNumero: z.number().int(),
      studentName: z.string(),
      waitingDays: z.number().int(),
    }),
  ),
  proposals: ZDigestGroup(z.object({ proposalId: ZRecordId, etablissementName: z.string(), waitingDays: z.number().int() })),
});

/** The reminders of issue 13, declared once. */
export const REMINDER_KINDS = ["referent", "escalation", "draft", "returned", "starting_soon"] as const;

export const ZReminderPayload = z.object({
  kind: z.literal("reminder"),
  reminder: z.enum(REMINDER_KINDS),
  conventionId: ZRecordId,
  numero: z.number().int().nullable(),
  studentName: z.string(),
  /** Days it has waited (référent, escalation, returned), not moved (draft), or until it starts (starting_soon). */
  days: z.number().int(),
  dateDebut: z.iso.date().nullable(),
  /** The référent, in an escalation. */
  referentName: z.string().nullable(),
});

/**
 * What a notification tells its recipient: the one definition of the contract. Rows are read
 * back from the outbox with it (possibly written by an older or newer version of the code), and
 * the type is inferred from it, so a kind added here is added everywhere.
 */
export const ZNotificationPayload = z.discriminatedUnion("kind", [
  /** A step waits for the recipient's decision: an approval card. */
  z.object({ kind: z.literal("approval_request"), conventionId: ZRecordId, round: z.number().int(), step: ZStep }),
  /** A step was decided: every copy of its approval card is updated (same key as the request). */
  z.object({ kind: z.literal("approval_update"), conventionId: ZRecordId, round: z.number().int(), step: ZStep }),
  /** The student's thread hears of a decision, with the refusal reason. */
  z.object({
    kind: z.literal("decision"),
    conventionId: ZRecordId,
    round: z.number().int(),
    step: ZStep.nullable(),
    decision: z.enum(["VALIDATED", "REFUSED", "UNVALIDATED"]),
    reason: ZReason,
    deciderId: ZRecordId,
  }),
  /** The convention is fully validated. */
  z.object({ kind: z.literal("validated"), conventionId: ZRecordId }),
  /** An avenant waits for a gestionnaire's decision, or was decided. */
  z.object({ kind: z.literal("avenant_request"), conventionId: ZRecordId, avenantId: ZRecordId }),
  z.object({ kind: z.literal("avenant_update"), conventionId: ZRecordId, avenantId: ZRecordId }),
  z.object({
    kind: z.literal("avenant_decision"),
    conventionId: ZRecordId,
    avenantId: ZRecordId,
    decision: z.enum(["VALIDATED", "REFUSED"]),
    reason: ZReason,
    deciderId: ZRecordId,
  }),
  /** A pending avenant was cancelled because its convention was un-validated: its requester hears why. */
  z.object({ kind: z.literal("avenant_cancelled"), conventionId: ZRecordId, avenantId: ZRecordId, reason: ZReason, actorId: ZRecordId }),
  /** A gestionnaire applied or rejected the recipient's proposed change of a shared établissement. */
  z.object({
    kind: z.literal("etablissement_proposal_decided"),
    conventionId: z.null(),
    proposalId: ZRecordId,
    etablissementId: ZRecordId,
    decision: z.enum(["APPLIED", "REJECTED"]),
    reason: ZReason,
    deciderId: ZRecordId,
  }),
  /** A gestionnaire's digest of what waits for them in one centre (issue 13): a snapshot taken at the slot. */
  ZDigestPayload,
  /** One reminder about one convention: to its référent, its student, or the centre's gestionnaires (escalation). */
  ZReminderPayload,
]);

/** What a notification tells its recipient. */
export type TNotificationPayload = z.infer<typeof ZNotificationPayload>;

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
