import type { TValidationStep } from "../../domain/convention.ts";
import type { TActor } from "../../domain/permissions.ts";
import { applyDecision, type TWorkflowEvent } from "../../domain/workflow.ts";
import { AppError, conflictOf, type TDecisionTaken } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import type { TClock } from "../ports/clock.ts";
import type { TConventionStore, TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";
import { approvalRequests, approvalUpdates, decisionForStudent, validatedNotifications } from "./workflow-notifications.ts";

export interface TDecideStepCommand {
  conventionId: number;
  /** The round and step of the card that was clicked: a card of an older round is answered, not applied. */
  round: number;
  step: TValidationStep;
  decision: "VALIDATED" | "REFUSED";
  reason?: string;
}

type TDeps = { conventions: TConventionStore; workflow: TWorkflowDirectory; clock: TClock };

type TStepDecision = Awaited<ReturnType<TWorkflowDirectory["decisions"]>>[number];

// An un-validation names no step: only a validation or a refusal can have decided one.
function takenOf(row: TStepDecision | undefined): TDecisionTaken<"VALIDATED" | "REFUSED"> | null {
  if (row === undefined || row.decision === "UNVALIDATED") return null;
  return { decider: { personId: row.deciderId, name: row.deciderName }, decidedAt: row.decidedAt, decision: row.decision };
}

/** Throws CONFLICT naming who already decided this step of this round, and when (null when no record says). */
async function alreadyDecided(deps: TDeps, command: TDecideStepCommand): Promise<never> {
  const decisions = await deps.workflow.decisions(command.conventionId, command.round);
  const taken = takenOf(decisions.find((row) => row.step === command.step));
  const { conventionId, round, step } = command;
  throw new AppError("CONFLICT", { id: conventionId, step }, { kind: "step_decided", conventionId, round, step, taken });
}

/**
 * Validates or refuses the step awaiting a decision. Exactly one of two simultaneous decisions
 * wins (unique decision per step and round); the other, a late or a double click, is told who
 * decided and changes nothing. The decision, the new state, the audit and every notification
 * (cards of all deciders updated, the student told, the next step's cards) commit together.
 */
export async function decideStep(deps: TDeps, actor: TActor, command: TDecideStepCommand): Promise<{ convention: TStoredConvention; event: TWorkflowEvent }> {
  const stored = await deps.conventions.get(command.conventionId);
  assertAllowed(actor, { kind: "decide", step: command.step }, stored);
  if (command.round !== stored.round || stored.validatedStepsThisRound.includes(command.step)) await alreadyDecided(deps, command);

  const steps = stored.centreId === null ? [] : await deps.workflow.centreSteps(stored.centreId);
  const facts = { state: stored.state, round: stored.round, steps, validatedSteps: stored.validatedStepsThisRound };
  const result = applyDecision(
    facts,
    command.decision === "VALIDATED" ? { kind: "validate", step: command.step } : { kind: "refuse", step: command.step, reason: command.reason ?? "" },
  );
  if (!result.ok) {
    if (result.code === "step_already_validated") await alreadyDecided(deps, command);
    if (result.code === "reason_required" || result.code === "reason_too_long") {
      const code = result.code === "reason_required" ? "required" : "too_long";
      throw new AppError("INVALID_INPUT", { reason: result.code }, { kind: "fields", errors: [{ field: "reason", code, params: { max: 2000 } }] });
    }
    throw new AppError("INVALID_INPUT", { reason: result.code });
  }
  const reason = result.reason ?? null;
  const decision = { round: stored.round, step: command.step, decision: command.decision, reason, deciderId: actor.personId };
  const notifications = [...(await approvalUpdates(deps.workflow, stored, stored.round, command.step)), decisionForStudent(stored, decision)];
  if (result.event === "step_validated" && result.next.currentStep) {
    notifications.push(...(await approvalRequests(deps.workflow, stored, stored.round, result.next.currentStep)));
  }
  if (result.event === "validated") notifications.push(...(await validatedNotifications(deps.workflow, stored, stored.round)));
  try {
    const convention = await deps.conventions.transition(
      stored.id,
      stored.version,
      {
        state: result.next.state,
        currentStep: result.next.currentStep,
        // A refusal resets the steps: the decisions of this round stop counting.
        ...(result.event === "returned" ? { round: stored.round + 1 } : {}),
        ...(result.event === "validated" ? { validatedAt: deps.clock() } : {}),
      },
      {
        actorId: actor.personId,
        action: command.decision === "VALIDATED" ? "step.validated" : "step.refused",
        after: { step: command.step, round: stored.round, reason },
      },
      // The decision is dated by the core's clock, as the validation it may complete (the PDF prints both).
      { decision: { ...decision, decidedAt: deps.clock() }, notifications },
    );
    return { convention, event: result.event };
  } catch (error) {
    // The other of two simultaneous decisions: answered with who won.
    if (conflictOf(error)?.kind === "step_decided") await alreadyDecided(deps, command);
    throw error;
  }
}
