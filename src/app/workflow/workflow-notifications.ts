import type { TValidationStep } from "../../domain/convention.ts";
import type { TNotification } from "../notifications/notification.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";

// Who hears of what, as outbox notifications; each dedupe key names its cause once.

async function approvalNotifications(
  kind: "approval_request" | "approval_update",
  workflow: TWorkflowDirectory,
  convention: TStoredConvention,
  round: number,
  step: TValidationStep,
): Promise<TNotification[]> {
  const deciders = await workflow.stepDeciders(convention, step);
  return deciders.map((recipientId) => ({
    recipientId,
    dedupeKey: `${kind}:${convention.id}:${round}:${step}:${recipientId}`,
    payload: { kind, conventionId: convention.id, round, step },
  }));
}

/** Approval cards for the people of a step. */
export function approvalRequests(workflow: TWorkflowDirectory, convention: TStoredConvention, round: number, step: TValidationStep): Promise<TNotification[]> {
  return approvalNotifications("approval_request", workflow, convention, round, step);
}

/** Updates of every copy of a step's approval card once it is decided. */
export function approvalUpdates(workflow: TWorkflowDirectory, convention: TStoredConvention, round: number, step: TValidationStep): Promise<TNotification[]> {
  return approvalNotifications("approval_update", workflow, convention, round, step);
}

/** The student's thread hears of a decision. */
export function decisionForStudent(
  convention: TStoredConvention,
  decision: { round: number; step: TValidationStep | null; decision: "VALIDATED" | "REFUSED" | "UNVALIDATED"; reason: string | null; deciderId: number },
): TNotification {
  return {
    recipientId: convention.studentId,
    dedupeKey: `decision:${convention.id}:${decision.round}:${decision.step ?? "convention"}:${decision.decision}`,
    payload: { kind: "decision", conventionId: convention.id, ...decision },
  };
}

/** Everyone concerned hears that the convention is validated: student, référent, gestionnaires. */
export async function validatedNotifications(workflow: TWorkflowDirectory, convention: TStoredConvention, round: number): Promise<TNotification[]> {
  const staff = convention.centreId === null ? [] : await workflow.centreStaff(convention.centreId);
  const recipients = new Set([convention.studentId, ...(convention.values.enseignantId === null ? [] : [convention.values.enseignantId]), ...staff]);
  return [...recipients].map((recipientId) => ({
    recipientId,
    dedupeKey: `validated:${convention.id}:${round}:${recipientId}`,
    payload: { kind: "validated", conventionId: convention.id },
  }));
}
