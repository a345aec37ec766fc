import { describe, expect, it } from "vitest";
import { checkTrainingHours } from "../../../src/domain/rules/index.ts";

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
