import { describe, expect, it } from "vitest";
import type { TTutorConvention } from "../../../src/domain/rules/index.ts";
import { NATIONAL_MAX_CONVENTIONS_PER_REFERENT, checkReferentQuota, evaluateRules, referentCeiling } from "../../../src/domain/rules/index.ts";
import { codesOf, only, rulesInput } from "./rules-input.ts";

const STAGE = { start: "2025-03-03", end: "2025-06-27" };
const others = (count: number, state: TTutorConvention["state"] = "VALIDATED"): TTutorConvention[] =>
  Array.from({ length: count }, () => ({ start: "2025-02-03", end: "2025-04-30", state }));

// D124-3: the board's number, within the national ceiling of 24.
describe("the référent's ceiling", () => {
  it.each([
    [null, 24], // none set: the national ceiling
    [5, 5],
    [24, 24],
    [30, 24], // above the national ceiling: 24
    [0, 24], // not a usable ceiling
  ])("Teacher.maxConventions %s → %s", (max, ceiling) => {
    expect(referentCeiling(max)).toBe(ceiling);
    expect(ceiling).toBeLessThanOrEqual(NATIONAL_MAX_CONVENTIONS_PER_REFERENT);
  });
});

describe("interns followed at once by one enseignant référent", () => {
  it.each([
    // [others in progress, ceiling, refused]: this convention + others = count
    [23, null, false], // 23 + 1 = 24, exactly the national ceiling
    [24, null, true], // 24 + 1 = 25
    [4, 5, false], // 4 + 1 = 5, exactly the board's number
    [5, 5, true], // 5 + 1 = 6
    [24, 30, true], // a board's 30 is capped at 24
  ])("%i others, ceiling %s → refused: %s", (count, max, refused) => {
    const results = checkReferentQuota(STAGE, others(count), max);
    expect(results.length > 0).toBe(refused);
    if (refused) {
      expect(results[0]).toEqual({
        code: "ENSEIGNANT_QUOTA_EXCEEDED",
        severity: "error",
        field: "enseignantId",
        params: { count: count + 1, max: referentCeiling(max), national: 24, date: "2025-03-03" },
      });
    }
  });

  it("counts neither another student's draft nor a cancelled convention, nor one that ended before", () => {
    expect(checkReferentQuota(STAGE, [...others(3, "DRAFT"), ...others(3, "CANCELLED")], 1)).toEqual([]);
    expect(checkReferentQuota(STAGE, [{ start: "2025-01-06", end: "2025-03-02", state: "VALIDATED" }], 1)).toEqual([]);
    expect(codesOf(checkReferentQuota(STAGE, [{ start: "2025-01-06", end: "2025-03-03", state: "SUBMITTED" }], 1))).toEqual(["ENSEIGNANT_QUOTA_EXCEEDED"]);
  });

  it("is part of the rules evaluated on a convention, and blocks", () => {
    const results = evaluateRules(rulesInput({ referentConventions: others(2), referentMaxConventions: 2 }));
    expect(only(results, "ENSEIGNANT_QUOTA_EXCEEDED")).toMatchObject({ severity: "error", params: { count: 3, max: 2 } });
  });
});
