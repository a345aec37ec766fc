import type { TActor } from "../../domain/permissions.ts";
import { applyDecision } from "../../domain/workflow.ts";
import { AppError } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import { avenantCards, avenantDeciders } from "../avenants/avenant-notifications.ts";
import type { TAvenantStore } from "../ports/avenants.ts";
import type { TAvenantCancellation, TConventionStore, TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";
import { decisionForStudent } from "./workflow-notifications.ts";

/**
 * An avenant amends the validated text. Once the convention is un-validated it is edited
 * directly and goes through its whole validation again, so a pending avenant can no longer be
 * decided (deciding it is for validated conventions) nor would its changes, checked against a
 * text that no longer stands, mean anything. A gestionnaire expects it closed, not left waiting
 * for ever: it is CANCELLED in the same transaction as the un-validation, audited
 * ("avenant.cancelled", reason "convention_unvalidated" with the un-validation's reason), every
 * gestionnaire's approval card of it is updated to say so, and its requester is told why and
 * that a new avenant can be requested once the convention is validated again.
 */
async function pendingAvenantsCancelled(
  deps: { avenants: TAvenantStore; workflow: TWorkflowDirectory },
  actor: TActor,
  convention: TStoredConvention,
  reason: string | null,
): Promise<TAvenantCancellation[]> {
  const pending = await deps.avenants.pendingOf(convention.id);
  if (pending.length === 0) return [];
  const deciders = await avenantDeciders(deps.workflow, convention);
  return pending.map((avenant) => ({
    avenantId: avenant.id,
    audit: {
      actorId: actor.personId,
      action: "avenant.cancelled",
      before: { status: avenant.status },
      after: { status: "CANCELLED", avenantNumero: avenant.numero, reason: "convention_unvalidated", unvalidationReason: reason },
    },
    notifications: [
      ...avenantCards("update", deciders, convention.id, avenant.id),
      {
        recipientId: avenant.requestedById,
        dedupeKey: `avenant_cancelled:${avenant.id}`,
        payload: { kind: "avenant_cancelled", conventionId: convention.id, avenantId: avenant.id, reason, actorId: actor.personId },
      },
    ],
  }));
}

/** A gestionnaire withdraws the validation of a convention, with a reason: it is open again (and deletable as a draft). */
export async function unvalidateConvention(
  deps: { conventions: TConventionStore; workflow: TWorkflowDirectory; avenants: TAvenantStore },
  actor: TActor,
  command: { conventionId: number; reason: string },
): Promise<TStoredConvention> {
  const stored = await deps.conventions.get(command.conventionId);
  assertAllowed(actor, { kind: "unvalidate" }, stored);
  const steps = stored.centreId === null ? [] : await deps.workflow.centreSteps(stored.centreId);
  const result = applyDecision(
    { state: stored.state, round: stored.round, steps, validatedSteps: stored.validatedStepsThisRound },
    { kind: "unvalidate", reason: command.reason },
  );
  if (!result.ok) {
    if (result.code === "reason_required" || result.code === "reason_too_long") {
      const code = result.code === "reason_required" ? "required" : "too_long";
      throw new AppError("INVALID_INPUT", { reason: result.code }, { kind: "fields", errors: [{ field: "reason", code, params: { max: 2000 } }] });
    }
    throw new AppError("INVALID_INPUT", { reason: result.code });
  }
  const decision = { round: stored.round, step: null, decision: "UNVALIDATED" as const, reason: result.reason ?? null, deciderId: actor.personId };
  const cancelAvenants = await pendingAvenantsCancelled(deps, actor, stored, decision.reason);
  return deps.conventions.transition(
    stored.id,
    stored.version,
    { state: "RETURNED", currentStep: null, round: stored.round + 1, validatedAt: null },
    { actorId: actor.personId, action: "convention.unvalidated", after: { reason: decision.reason, round: stored.round } },
    { decision, notifications: [decisionForStudent(stored, decision)], cancelAvenants },
  );
}
