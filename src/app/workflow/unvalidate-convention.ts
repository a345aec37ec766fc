import type { TActor } from "../../domain/permissions.ts";
import { applyDecision } from "../../domain/workflow.ts";
import { AppError } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import type { TConventionStore, TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";
import { decisionForStudent } from "./workflow-notifications.ts";

/** A gestionnaire withdraws the validation of a convention, with a reason: it is open again (and deletable as a draft). */
export async function unvalidateConvention(
  deps: { conventions: TConventionStore; workflow: TWorkflowDirectory },
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
  return deps.conventions.transition(
    stored.id,
    stored.version,
    { state: "RETURNED", currentStep: null, round: stored.round + 1, validatedAt: null },
    { actorId: actor.personId, action: "convention.unvalidated", after: { reason: decision.reason, round: stored.round } },
    { decision, notifications: [decisionForStudent(stored, decision)] },
  );
}
