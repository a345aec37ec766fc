import { describe, expect, it } from "vitest";
import type { TConventionState, TValidationStep } from "../../../src/domain/convention.ts";
import {
  applyDecision,
  canTransition,
  editRights,
  nextStep,
  REASON_MAX,
  validateCentreSteps,
  type TWorkflowCommand,
  type TWorkflowFacts,
  type TWorkflowNext,
} from "../../../src/domain/workflow.ts";

const SHORT: TValidationStep[] = ["PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"];
const LONG: TValidationStep[] = ["VERIFICATION_ADMINISTRATIVE", "PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"];
const SUBMIT: TWorkflowCommand = { kind: "submit", allSectionsComplete: true, blockingErrors: 0 };

function facts(state: TConventionState, steps: TValidationStep[], validatedSteps: TValidationStep[] = [], round = 1): TWorkflowFacts {
  return { state, steps, validatedSteps, round };
}

function apply(current: TWorkflowFacts, command: TWorkflowCommand): TWorkflowNext {
  const result = applyDecision(current, command);
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.next;
}

describe("validation in the centre's order", () => {
  it.each([[SHORT], [LONG]])("%j: submit, then each step in turn, then VALIDATED", (steps) => {
    let current: TWorkflowNext = apply(facts("DRAFT", steps, [], 0), SUBMIT);
    expect(current).toMatchObject({ state: "SUBMITTED", round: 1, currentStep: steps[0], validatedSteps: [] });
    steps.forEach((step, index) => {
      const later = steps.slice(index + 1);
      for (const notYet of later) expect(canTransition(current, { kind: "validate", step: notYet })).toEqual({ ok: false, code: "step_not_current" });
      const result = applyDecision(current, { kind: "validate", step });
      expect(result).toMatchObject({ ok: true, event: later.length === 0 ? "validated" : "step_validated" });
      current = apply(current, { kind: "validate", step });
      expect(current.currentStep).toBe(later[0] ?? null);
    });
    expect(current).toMatchObject({ state: "VALIDATED", validatedSteps: steps, currentStep: null, round: 1 });
  });

  it("a step the centre does not require cannot be decided", () => {
    const submitted = apply(facts("DRAFT", SHORT, [], 0), SUBMIT);
    expect(canTransition(submitted, { kind: "validate", step: "VERIFICATION_ADMINISTRATIVE" })).toEqual({ ok: false, code: "step_not_in_centre" });
  });

  it("a second click on a validated step is answered, not applied", () => {
    const afterFirst = facts("SUBMITTED", LONG, ["VERIFICATION_ADMINISTRATIVE"]);
    expect(canTransition(afterFirst, { kind: "validate", step: "VERIFICATION_ADMINISTRATIVE" })).toEqual({ ok: false, code: "step_already_validated" });
    const validated = facts("VALIDATED", SHORT, SHORT);
    expect(canTransition(validated, { kind: "validate", step: "VALIDATION_ADMINISTRATIVE" })).toEqual({ ok: false, code: "step_already_validated" });
  });

  it.each<TConventionState>(["DRAFT", "RETURNED", "CANCELLED"])("nothing can be decided in %s", (state) => {
    expect(canTransition(facts(state, SHORT), { kind: "validate", step: "PEDAGOGIQUE" })).toEqual({ ok: false, code: "not_submitted" });
    expect(canTransition(facts(state, SHORT), { kind: "refuse", step: "PEDAGOGIQUE", reason: "x" })).toEqual({ ok: false, code: "not_submitted" });
  });
});

describe("submission", () => {
  it.each<[string, TWorkflowFacts, TWorkflowCommand, string]>([
    ["incomplete sections", facts("DRAFT", SHORT), { kind: "submit", allSectionsComplete: false, blockingErrors: 0 }, "incomplete"],
    ["a blocking rule", facts("DRAFT", SHORT), { kind: "submit", allSectionsComplete: true, blockingErrors: 1 }, "blocking_rules"],
    ["already submitted", facts("SUBMITTED", SHORT), SUBMIT, "not_submittable"],
    ["already validated", facts("VALIDATED", SHORT, SHORT), SUBMIT, "not_submittable"],
    ["cancelled", facts("CANCELLED", SHORT), SUBMIT, "not_submittable"],
    ["a centre without administrative validation", facts("DRAFT", ["PEDAGOGIQUE"]), SUBMIT, "invalid_centre_steps"],
  ])("is refused with %s", (_label, current, command, code) => {
    expect(applyDecision(current, command)).toEqual({ ok: false, code });
  });

  it("a returned convention is resubmitted in a new round", () => {
    expect(apply(facts("RETURNED", LONG, [], 1), SUBMIT)).toEqual({
      state: "SUBMITTED",
      round: 2,
      steps: LONG,
      validatedSteps: [],
      currentStep: "VERIFICATION_ADMINISTRATIVE",
    });
  });
});

describe("refusal", () => {
  it("returns the convention, resets the round's validations and keeps the trimmed reason", () => {
    const current = facts("SUBMITTED", LONG, ["VERIFICATION_ADMINISTRATIVE"]);
    const result = applyDecision(current, { kind: "refuse", step: "PEDAGOGIQUE", reason: "  Sujet trop vague.  " });
    expect(result).toEqual({
      ok: true,
      event: "returned",
      reason: "Sujet trop vague.",
      next: { state: "RETURNED", round: 1, steps: LONG, validatedSteps: [], currentStep: null },
    });
    const resubmitted = apply(result.ok ? result.next : current, SUBMIT);
    expect(resubmitted).toMatchObject({ round: 2, currentStep: "VERIFICATION_ADMINISTRATIVE", validatedSteps: [] });
  });

  it.each([
    ["an empty reason", "", "reason_required"],
    ["a blank reason", " \n\t ", "reason_required"],
    ["a too long reason", "x".repeat(REASON_MAX + 1), "reason_too_long"],
  ])("is refused with %s", (_label, reason, code) => {
    expect(applyDecision(facts("SUBMITTED", SHORT), { kind: "refuse", step: "PEDAGOGIQUE", reason })).toEqual({ ok: false, code });
  });

  it("accepts a reason of exactly the maximum once trimmed", () => {
    const reason = ` ${"x".repeat(REASON_MAX)} `;
    expect(canTransition(facts("SUBMITTED", SHORT), { kind: "refuse", step: "PEDAGOGIQUE", reason })).toEqual({ ok: true });
  });

  it("only the current step can be refused", () => {
    expect(canTransition(facts("SUBMITTED", SHORT), { kind: "refuse", step: "VALIDATION_ADMINISTRATIVE", reason: "x" })).toEqual({
      ok: false,
      code: "step_not_current",
    });
  });
});

describe("un-validation", () => {
  it("re-opens a validated convention with a reason", () => {
    expect(applyDecision(facts("VALIDATED", SHORT, SHORT), { kind: "unvalidate", reason: "Erreur de dates" })).toEqual({
      ok: true,
      event: "unvalidated",
      reason: "Erreur de dates",
      next: { state: "RETURNED", round: 1, steps: SHORT, validatedSteps: [], currentStep: null },
    });
  });

  it.each<[TConventionState, string, string]>([
    ["SUBMITTED", "x", "not_validated"],
    ["DRAFT", "x", "not_validated"],
    ["VALIDATED", "  ", "reason_required"],
  ])("is refused in %s with reason %j", (state, reason, code) => {
    expect(applyDecision(facts(state, SHORT, state === "VALIDATED" ? SHORT : []), { kind: "unvalidate", reason })).toEqual({ ok: false, code });
  });
});

describe("deletion", () => {
  it.each<[TConventionState, TValidationStep[], { ok: true } | { ok: false; code: string }]>([
    ["DRAFT", [], { ok: true }],
    ["RETURNED", [], { ok: true }],
    ["RETURNED", ["PEDAGOGIQUE"], { ok: false, code: "not_deletable" }],
    ["SUBMITTED", [], { ok: false, code: "not_deletable" }],
    ["SUBMITTED", ["PEDAGOGIQUE"], { ok: false, code: "not_deletable" }],
    ["VALIDATED", SHORT, { ok: false, code: "validated_not_deletable" }],
    ["CANCELLED", [], { ok: false, code: "not_deletable" }],
  ])("%s with %j validated → %j", (state, validated, expected) => {
    expect(canTransition(facts(state, SHORT, validated), { kind: "delete" })).toEqual(expected);
  });

  it("is reported as a deletion event", () => {
    expect(applyDecision(facts("DRAFT", SHORT, [], 0), { kind: "delete" })).toMatchObject({ ok: true, event: "deleted" });
  });
});

describe("edit rights", () => {
  it.each<[TConventionState, TValidationStep[], boolean, boolean]>([
    ["DRAFT", [], true, false],
    ["RETURNED", [], true, true],
    ["SUBMITTED", [], false, true],
    ["SUBMITTED", ["PEDAGOGIQUE"], false, true],
    ["SUBMITTED", ["VALIDATION_ADMINISTRATIVE"], false, false],
    ["VALIDATED", SHORT, false, false],
    ["CANCELLED", [], false, false],
  ])("%s with %j validated: student %s, gestionnaire %s", (state, validatedSteps, student, gestionnaire) => {
    expect(editRights({ state, validatedSteps })).toEqual({ student, gestionnaire });
  });
});

describe("nextStep", () => {
  it.each<[TValidationStep[], { step: TValidationStep; decision: "VALIDATED" | "REFUSED" }[], TValidationStep | null]>([
    [LONG, [], "VERIFICATION_ADMINISTRATIVE"],
    [LONG, [{ step: "VERIFICATION_ADMINISTRATIVE", decision: "VALIDATED" }], "PEDAGOGIQUE"],
    [LONG, [{ step: "VERIFICATION_ADMINISTRATIVE", decision: "REFUSED" }], "VERIFICATION_ADMINISTRATIVE"],
    [
      SHORT,
      [
        { step: "PEDAGOGIQUE", decision: "VALIDATED" },
        { step: "VALIDATION_ADMINISTRATIVE", decision: "VALIDATED" },
      ],
      null,
    ],
  ])("%j after %j → %s", (steps, decisions, expected) => {
    expect(nextStep(steps, decisions)).toBe(expected);
  });
});

describe("validateCentreSteps", () => {
  it.each<[string[], { code: string; step?: string }[]]>([
    [["VALIDATION_ADMINISTRATIVE"], []],
    [SHORT, []],
    [LONG, []],
    [["VALIDATION_ADMINISTRATIVE", "PEDAGOGIQUE"], []],
    [[], [{ code: "steps_missing_validation_administrative" }]],
    [["PEDAGOGIQUE", "VERIFICATION_ADMINISTRATIVE"], [{ code: "steps_missing_validation_administrative" }]],
    [["PEDAGOGIQUE", "PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"], [{ code: "steps_duplicate", step: "PEDAGOGIQUE" }]],
    [["SIGNATURE", "VALIDATION_ADMINISTRATIVE"], [{ code: "steps_unknown", step: "SIGNATURE" }]],
  ])("%j → %j", (steps, errors) => {
    expect(validateCentreSteps(steps)).toEqual(errors);
  });
});
