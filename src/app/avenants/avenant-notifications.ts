import type { TNotification } from "../notifications/notification.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";

// Who hears of an avenant, as outbox notifications; each dedupe key names its cause once.

/** The key of an avenant's approval card, shared by its request and its updates: channels update that message in place. */
export function avenantMessageKey(conventionId: number, avenantId: number): string {
  return `avenant:${conventionId}:${avenantId}`;
}

/** The people who decide avenants: every gestionnaire of the convention's centre. */
export async function avenantDeciders(workflow: TWorkflowDirectory, convention: TStoredConvention): Promise<number[]> {
  return convention.centreId === null ? [] : workflow.centreStaff(convention.centreId);
}

/** The avenant's approval card, for each decider (`kind` request), or every copy of it updated once decided (`kind` update). */
export function avenantCards(kind: "request" | "update", deciders: readonly number[], conventionId: number, avenantId: number): TNotification[] {
  return deciders.map((recipientId) => ({
    recipientId,
    dedupeKey: `avenant_${kind}:${avenantId}:${recipientId}`,
    payload: { kind: kind === "request" ? "avenant_request" : "avenant_update", conventionId, avenantId },
  }));
}

/** The student's thread hears of the decision, with the refusal reason. */
export function avenantDecisionForStudent(
  convention: TStoredConvention,
  avenantId: number,
  decision: { decision: "VALIDATED" | "REFUSED"; reason: string | null; deciderId: number },
): TNotification {
  return {
    recipientId: convention.studentId,
    dedupeKey: `avenant_decision:${avenantId}:${decision.decision}`,
    payload: { kind: "avenant_decision", conventionId: convention.id, avenantId, ...decision },
  };
}
