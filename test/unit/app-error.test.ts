import { describe, expect, it } from "vitest";
import { AppError, avenantErrorsOf, conflictOf, fieldErrorsOf, ruleResultsOf, type TConflict } from "../../src/app/app-error.ts";
import { ruleResult } from "../../src/domain/rules/codes.ts";

const FIELD = { field: "reason", code: "required" } as const;
const AVENANT = { field: "sujet", code: "field_not_in_motives" } as const;
const RULE = ruleResult("GRATIFICATION_REQUIRED", "error", { minimum: 4.5 }, "gratification");
const STEP: TConflict = {
  kind: "step_decided",
  conventionId: 7,
  round: 1,
  step: "VALIDATION_ADMINISTRATIVE",
  taken: { decider: { personId: 3, name: "Isabelle Garcia" }, decidedAt: new Date("2026-11-28T13:05:00Z"), decision: "VALIDATED" },
};

describe("AppError details", () => {
  it("keeps code, params and status for the adapters", () => {
    const error = new AppError("CONFLICT", { id: 7, step: "VALIDATION_ADMINISTRATIVE" }, STEP);
    expect(error).toMatchObject({ name: "AppError", code: "CONFLICT", status: 409, params: { id: 7, step: "VALIDATION_ADMINISTRATIVE" } });
    expect(error.message).toBe('CONFLICT {"id":7,"step":"VALIDATION_ADMINISTRATIVE"}');
    expect(new AppError("INVALID_INPUT", { section: "stage" }, { kind: "fields", errors: [FIELD] }).status).toBe(422);
    expect(new AppError("NOT_FOUND").details).toBeNull();
  });

  it.each([
    ["a form's field errors", new AppError("INVALID_INPUT", {}, { kind: "fields", errors: [FIELD] }), [FIELD], [], []],
    ["an avenant request's field errors", new AppError("INVALID_INPUT", {}, { kind: "avenant_fields", errors: [AVENANT] }), [], [AVENANT], []],
    ["blocking rules", new AppError("INVALID_INPUT", {}, { kind: "rules", results: [RULE] }), [], [], [RULE]],
    ["an INVALID_INPUT naming nothing", new AppError("INVALID_INPUT", { reason: "action_data" }), [], [], []],
    ["another error", new Error("boom"), [], [], []],
    ["not an error", { code: "INVALID_INPUT", details: { kind: "fields", errors: [FIELD] } }, [], [], []],
  ])("reads %s with the guard of its kind only, never as a conflict", (_label, error, fields, avenant, rules) => {
    expect(fieldErrorsOf(error)).toEqual(fields);
    expect(avenantErrorsOf(error)).toEqual(avenant);
    expect(ruleResultsOf(error)).toEqual(rules);
    expect(conflictOf(error)).toBeNull();
  });

  it.each<TConflict>([
    STEP,
    { kind: "avenant_decided", avenantId: 4, numero: 2, taken: null },
    { kind: "proposal_decided", proposalId: 9, taken: { decider: { personId: 5, name: "Élodie Fontaine" }, decidedAt: new Date(0), decision: "APPLIED" } },
    { kind: "siret_taken" },
  ])("gives back what a CONFLICT carries: %j", (conflict) => {
    const error = new AppError("CONFLICT", {}, conflict);
    expect(conflictOf(error)).toBe(conflict);
    expect(fieldErrorsOf(error)).toEqual([]);
  });
});
