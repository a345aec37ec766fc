import { describe, expect, it } from "vitest";
import { checkTrainingHours, evaluateRules, hasBlockingError } from "../../../src/domain/rules/index.ts";
import { only, rulesInput } from "./rules-input.ts";

// D124-2: at least 200 hours of teaching per academic year.
describe("training hours (D124-2)", () => {
  it.each([
    [true, null, false], // "Plus de 200 heures"
    [false, 200, false], // exactly 200
    [false, 199, true], // one hour below
    [false, 0, true],
    [null, 150, false], // not answered yet
    [false, null, false],
  ])("plus200 %s, %s h → warned: %s", (plus200, hours, warned) => {
    const results = checkTrainingHours(plus200, hours);
    if (!warned) expect(results).toEqual([]);
    else expect(results).toEqual([{ code: "TRAINING_HOURS_BELOW_200", severity: "warning", field: "heuresFormation", params: { hours, min: 200 } }]);
  });
});

describe("training hours refused by the centre (CentreGestion.refuseTrainingHoursBelow200)", () => {
  it.each([
    // [plus200, hours, centre refuses, expected code and severity]
    [false, 199, true, ["TRAINING_HOURS_BELOW_200_REFUSED", "error"]], // 199 < 200: refused
    [false, 200, true, null], // 200 = 200: accepted
    [false, 199.5, true, ["TRAINING_HOURS_BELOW_200_REFUSED", "error"]], // still below 200
    [false, 199, false, ["TRAINING_HOURS_BELOW_200", "warning"]], // the same without the setting: a warning
    [true, null, true, null], // "Plus de 200 heures" ticked
  ] as const)("plus200 %s, %s h, refused by the centre %s → %o", (plus200, hours, refused, expected) => {
    const results = checkTrainingHours(plus200, hours, refused);
    if (expected === null) expect(results).toEqual([]);
    else expect(results).toEqual([{ code: expected[0], severity: expected[1], field: "heuresFormation", params: { hours, min: 200 } }]);
  });

  it("blocks submission through evaluateRules", () => {
    const results = evaluateRules(rulesInput({ trainingHoursPlus200: false, trainingHours: 199, trainingHoursBelow200Refused: true }));
    expect(hasBlockingError(results)).toBe(true);
    expect(only(results, "TRAINING_HOURS_BELOW_200_REFUSED").severity).toBe("error");
  });
});
