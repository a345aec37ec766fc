import type { TValidationStep } from "../domain/convention.ts";
import type { TActor } from "../domain/permissions.ts";
import { hasBlockingError, type TRuleResult } from "../domain/rules/index.ts";
import { conventionCompletion } from "../domain/sections/index.ts";
import { applyDecision } from "../domain/workflow.ts";
import { AppError } from "./app-error.ts";
import { assertAllowed } from "./convention-subject.ts";
import { evaluateConvention } from "./evaluate-convention.ts";
import type { TClock } from "./ports/clock.ts";
import type { TConventionStore, TRulesFactsSource, TStoredConvention } from "./ports/conventions.ts";
import type { TCentreDirectory, TWorkflowDirectory } from "./ports/directory.ts";
import { approvalRequests } from "./workflow/workflow-notifications.ts";

export interface TSubmitResult {
  convention: TStoredConvention;
  rules: TRuleResult[];
  /** The centre's validation steps the convention now goes through, in their order. */
  steps: readonly TValidationStep[];
}

/**
 * "Valider": every section complete and no blocking rule; the convention gets its number (kept
 * on a resubmission) and enters its centre's first validation step.
 */
export async function submitConvention(
  deps: { conventions: TConventionStore; facts: TRulesFactsSource; centres: TCentreDirectory; workflow: TWorkflowDirectory; clock: TClock },
  actor: TActor,
  command: { conventionId: number; expectedVersion: number },
): Promise<TSubmitResult> {
  const stored = await deps.conventions.get(command.conventionId);
  assertAllowed(actor, { kind: "submit" }, stored);
  if (stored.version !== command.expectedVersion) throw new AppError("STALE_VERSION", { id: stored.id });

  const completion = conventionCompletion(stored.values);
  const rules = await evaluateConvention(deps, stored);
  const blockingErrors = rules.filter((result) => result.severity === "error").length;
  const centre = stored.values.inscriptionId === null ? null : await deps.centres.centreOfInscription(stored.values.inscriptionId);
  if (!centre) throw new AppError("INVALID_INPUT", { section: "etudiant" }, { kind: "fields", errors: [{ field: "inscriptionId", code: "required" }] });

  const decision = applyDecision(
    { state: stored.state, round: stored.round, steps: centre.steps, validatedSteps: [] },
    { kind: "submit", allSectionsComplete: completion.complete, blockingErrors },
  );
  if (!decision.ok || hasBlockingError(rules)) {
    throw new AppError(
      "INVALID_INPUT",
      { reason: decision.ok ? "blocking_rules" : decision.code },
      { kind: "rules", results: rules.filter((r) => r.severity === "error") },
    );
  }
  // The first step's people get their approval card, committed with the submission.
  const firstStep = decision.next.currentStep;
  const routed = { ...stored, centreId: centre.id };
  const notifications = firstStep ? await approvalRequests(deps.workflow, routed, decision.next.round, firstStep) : [];
  const convention = await deps.conventions.transition(
    stored.id,
    stored.version,
    {
      state: decision.next.state,
      numero: "assign",
      centreId: centre.id,
      currentStep: decision.next.currentStep,
      round: decision.next.round,
      submittedAt: deps.clock(),
      ruleResults: rules.filter((result) => result.severity !== "info"),
    },
    { actorId: actor.personId, action: "convention.submitted", after: { round: decision.next.round } },
    { notifications },
  );
  return { convention, rules, steps: decision.next.steps };
}
