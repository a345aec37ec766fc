import { VALIDATION_STEPS, type TConventionState, type TValidationStep } from "./convention.ts";

/** Every code a workflow refusal can carry; each has a message in locales/<lang>/domain.json (workflow.<code>). */
export const WORKFLOW_CODES = [
  "not_submittable",
  "incomplete",
  "blocking_rules",
  "invalid_centre_steps",
  "not_submitted",
  "step_not_in_centre",
  "step_already_validated",
  "step_not_current",
  "reason_required",
  "reason_too_long",
  "not_validated",
  "not_deletable",
  "validated_not_deletable",
  "steps_unknown",
  "steps_duplicate",
  "steps_missing_validation_administrative",
] as const;

/** A stable, translatable workflow refusal code. */
export type TWorkflowCode = (typeof WORKFLOW_CODES)[number];

/** Longest refusal or un-validation reason, in characters after trimming. */
export const REASON_MAX = 2000;

/** What the workflow needs to know of a convention: its state, round, centre steps and this round's validations. */
export type TWorkflowFacts = {
  state: TConventionState;
  /** Incremented at each (re)submission; decisions belong to one round. */
  round: number;
  /** The centre's steps, in its order. */
  steps: readonly TValidationStep[];
  /** Steps validated in the current round. */
  validatedSteps: readonly TValidationStep[];
};

/** The facts after a transition, with the step now awaiting a decision (to store as currentStep). */
export type TWorkflowNext = TWorkflowFacts & { currentStep: TValidationStep | null };

/** A lifecycle command. Submission takes the completion and rule results computed elsewhere. */
export type TWorkflowCommand =
  | { kind: "submit"; allSectionsComplete: boolean; blockingErrors: number }
  | { kind: "validate"; step: TValidationStep }
  | { kind: "refuse"; step: TValidationStep; reason: string }
  | { kind: "unvalidate"; reason: string }
  | { kind: "delete" };

/** What happened, for the audit trail and the notifications. */
export type TWorkflowEvent = "submitted" | "step_validated" | "validated" | "returned" | "unvalidated" | "deleted";

/** Outcome of a command: the next facts, or a stable refusal code. */
export type TWorkflowResult = { ok: true; next: TWorkflowNext; event: TWorkflowEvent; reason?: string } | { ok: false; code: TWorkflowCode };

/** One decision of the current round, as stored in ValidationDecision. */
export type TRoundDecision = { step: TValidationStep; decision: "VALIDATED" | "REFUSED" };

/** The first of the centre's steps not yet validated this round, or null when all are. */
export function nextStep(steps: readonly TValidationStep[], decisionsOfRound: readonly TRoundDecision[]): TValidationStep | null {
  const validated = new Set(decisionsOfRound.filter((d) => d.decision === "VALIDATED").map((d) => d.step));
  return steps.find((step) => !validated.has(step)) ?? null;
}

/** Checks a centre's steps: known, each once, VALIDATION_ADMINISTRATIVE present; any order. */
export function validateCentreSteps(steps: readonly string[]): { code: TWorkflowCode; step?: string }[] {
  const errors: { code: TWorkflowCode; step?: string }[] = [];
  const known: readonly string[] = VALIDATION_STEPS;
  const seen = new Set<string>();
  for (const step of steps) {
    if (!known.includes(step)) errors.push({ code: "steps_unknown", step });
    else if (seen.has(step)) errors.push({ code: "steps_duplicate", step });
    seen.add(step);
  }
  if (!seen.has("VALIDATION_ADMINISTRATIVE")) errors.push({ code: "steps_missing_validation_administrative" });
  return errors;
}

/** A refusal or un-validation reason, trimmed; required and at most REASON_MAX characters. */
export function normalizeReason(reason: string): { ok: true; reason: string } | { ok: false; code: TWorkflowCode } {
  const trimmed = reason.trim();
  if (trimmed === "") return { ok: false, code: "reason_required" };
  if (trimmed.length > REASON_MAX) return { ok: false, code: "reason_too_long" };
  return { ok: true, reason: trimmed };
}

/** Who may edit in these facts: the student before any validation, a gestionnaire until the administrative validation. */
export function editRights(facts: Pick<TWorkflowFacts, "state" | "validatedSteps">): { student: boolean; gestionnaire: boolean } {
  const none = facts.validatedSteps.length === 0;
  const student = (facts.state === "DRAFT" || facts.state === "RETURNED") && none;
  const gestionnaire = (facts.state === "SUBMITTED" || facts.state === "RETURNED") && !facts.validatedSteps.includes("VALIDATION_ADMINISTRATIVE");
  return { student, gestionnaire };
}

/** Whether the convention may be deleted: a draft or a returned convention with no validated step. */
export function deletionRefusal(facts: Pick<TWorkflowFacts, "state" | "validatedSteps">): TWorkflowCode | null {
  if (facts.state === "VALIDATED") return "validated_not_deletable";
  if (facts.state !== "DRAFT" && facts.state !== "RETURNED") return "not_deletable";
  return facts.validatedSteps.length === 0 ? null : "not_deletable";
}

function reopened(facts: TWorkflowFacts): TWorkflowNext {
  // A new round starts at the next submission: this round's validations no longer count.
  return { ...facts, state: "RETURNED", validatedSteps: [], currentStep: null };
}

function submit(facts: TWorkflowFacts, command: { allSectionsComplete: boolean; blockingErrors: number }): TWorkflowResult {
  if (facts.state !== "DRAFT" && facts.state !== "RETURNED") return { ok: false, code: "not_submittable" };
  if (!command.allSectionsComplete) return { ok: false, code: "incomplete" };
  if (command.blockingErrors > 0) return { ok: false, code: "blocking_rules" };
  if (validateCentreSteps(facts.steps).length > 0) return { ok: false, code: "invalid_centre_steps" };
  const next = { ...facts, state: "SUBMITTED" as const, round: facts.round + 1, validatedSteps: [] };
  return { ok: true, next: { ...next, currentStep: nextStep(facts.steps, []) }, event: "submitted" };
}

// Checks shared by validate and refuse: only the step awaiting a decision can be decided.
function stepRefusal(facts: TWorkflowFacts, step: TValidationStep): TWorkflowCode | null {
  // A second click on a card, even after the last step, is answered as such.
  if (facts.validatedSteps.includes(step)) return "step_already_validated";
  if (facts.state !== "SUBMITTED") return "not_submitted";
  if (!facts.steps.includes(step)) return "step_not_in_centre";
  const decisions = facts.validatedSteps.map((s) => ({ step: s, decision: "VALIDATED" as const }));
  return nextStep(facts.steps, decisions) === step ? null : "step_not_current";
}

function validate(facts: TWorkflowFacts, step: TValidationStep): TWorkflowResult {
  const refusal = stepRefusal(facts, step);
  if (refusal) return { ok: false, code: refusal };
  const validatedSteps = [...facts.validatedSteps, step];
  const currentStep = nextStep(
    facts.steps,
    validatedSteps.map((s) => ({ step: s, decision: "VALIDATED" as const })),
  );
  if (currentStep === null) return { ok: true, next: { ...facts, state: "VALIDATED", validatedSteps, currentStep }, event: "validated" };
  return { ok: true, next: { ...facts, validatedSteps, currentStep }, event: "step_validated" };
}

function refuse(facts: TWorkflowFacts, step: TValidationStep, rawReason: string): TWorkflowResult {
  const refusal = stepRefusal(facts, step);
  if (refusal) return { ok: false, code: refusal };
  const reason = normalizeReason(rawReason);
  if (!reason.ok) return reason;
  return { ok: true, next: reopened(facts), event: "returned", reason: reason.reason };
}

function unvalidate(facts: TWorkflowFacts, rawReason: string): TWorkflowResult {
  if (facts.state !== "VALIDATED") return { ok: false, code: "not_validated" };
  const reason = normalizeReason(rawReason);
  if (!reason.ok) return reason;
  return { ok: true, next: reopened(facts), event: "unvalidated", reason: reason.reason };
}

/** Applies a lifecycle command to the facts; returns the next facts or why it is refused. Pure. */
export function applyDecision(facts: TWorkflowFacts, command: TWorkflowCommand): TWorkflowResult {
  switch (command.kind) {
    case "submit":
      return submit(facts, command);
    case "validate":
      return validate(facts, command.step);
    case "refuse":
      return refuse(facts, command.step, command.reason);
    case "unvalidate":
      return unvalidate(facts, command.reason);
    case "delete": {
      const refusal = deletionRefusal(facts);
      if (refusal) return { ok: false, code: refusal };
      return { ok: true, next: { ...facts, currentStep: null }, event: "deleted" };
    }
  }
}

/** Whether a command would be accepted (the same checks as applyDecision). */
export function canTransition(facts: TWorkflowFacts, command: TWorkflowCommand): { ok: true } | { ok: false; code: TWorkflowCode } {
  const result = applyDecision(facts, command);
  return result.ok ? { ok: true } : { ok: false, code: result.code };
}
