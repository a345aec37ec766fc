import type { TValidationStep } from "../../domain/convention.ts";
import type { TNotification } from "../notifications/notification.ts";
import type { TStoredConvention, TWorkflowDirectory } from "../ports.ts";

// Who hears of what, as outbox notifications; each dedupe key names its cause once.

/** Approval cards for the people of a step. */
export async function approvalRequests(
  workflow: TWorkflowDirectory,
  convention: TStoredConvention,
  round: number,
  step: TValidationStep,
): Promise<TNotification[]> {
  const deciders = await workflow.stepDeciders(convention, step);
  return deciders.map((recipientId) => ({
    recipientId,
    dedupeKey: `approval_request:${convention.id}:${round}:${step}:${recipientId}`,
    payload: { kind: "approval_request", conventionId: convention.id, round, step },
  }));
}

/** Updates of every copy of a step's approval card once it is decided. */
export async function approvalUpdates(
  workflow: TWorkflowDirectory,
  convention: TStoredConvention,
  round: number,
  step: TValidationStep,
): Promise<TNotification[]> {
  const deciders = await workflow.stepDeciders(convention, step);
  return deciders.map((recipientId) => ({
    recipientId,
    dedupeKey: `approval_update:${convention.id}:${round}:${step}:${recipientId}`,
    payload: { kind: "approval_update", conventionId: convention.id, round, step },
  }));
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
