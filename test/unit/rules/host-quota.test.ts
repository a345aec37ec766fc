import { describe, expect, it } from "vitest";
import type { TTutorConvention } from "../../../src/domain/rules/index.ts";
import { checkHostQuota, evaluateRules, hostQuota, peakInternsPerWeek } from "../../../src/domain/rules/index.ts";
import { only, rulesInput } from "./rules-input.ts";

// 3–28 Mar 2025: the calendar weeks of Monday 3, 10, 17 and 24 March.
const STAGE = { start: "2025-03-03", end: "2025-03-28" };
const others = (count: number, state: TTutorConvention["state"] = "VALIDATED"): TTutorConvention[] =>
  Array.from({ length: count }, () => ({ start: "2025-03-10", end: "2025-03-14", state }));

// R124-10: 15 % of the headcount rounded up from 20 employees, 3 interns below 20.
describe("the quota of a host per calendar week", () => {
  it.each([
    [0, 3],
    [19, 3],
    [20, 3], // 20 × 15 % = 3
    [21, 4], // 3.15 → 4
    [49, 8], // 7.35 → 8
    [100, 15], // 15
    [101, 16], // 15.15 → 16
  ])("%i employees → %i interns", (headcount, quota) => {
    expect(hostQuota(headcount)).toBe(quota);
  });

  it("counts the interns present on any day of the same calendar week", () => {
    const edges: TTutorConvention[] = [
      { start: "2025-02-03", end: "2025-03-03", state: "VALIDATED" }, // ends Monday 3 March: week of 3 March
      { start: "2025-03-09", end: "2025-04-30", state: "SUBMITTED" }, // starts Sunday 9 March: week of 3 March too
      { start: "2025-03-31", end: "2025-04-30", state: "VALIDATED" }, // after the internship
      { start: "2025-03-03", end: "2025-03-28", state: "DRAFT" }, // another student's draft does not count
    ];
    expect(peakInternsPerWeek(STAGE, edges)).toEqual({ count: 3, week: "2025-03-03" });
  });

  it.each([
    // [band, others in the week of 10 March, expected code, params]
    [{ min: 10, max: 19 }, 2, null, {}], // 3 interns, quota 3
    [{ min: 10, max: 19 }, 3, "HOST_QUOTA_EXCEEDED", { count: 4, max: 3 }],
    [{ min: 20, max: 49 }, 2, null, {}], // 3 ≤ quota of 20 = 3
    // 4 interns: above 3 (20 employees), within 8 (49): 15 % × h ≥ 4 from h = 21 (3.15 → 4)
    [{ min: 20, max: 49 }, 3, "HOST_QUOTA_HEADCOUNT_NEEDED", { count: 4, headcount: 21, min: 20, max: 49 }],
    // 8 interns: within 8 (49 employees); 15 % × h ≥ 8 from h = 47 (7.05 → 8; 46 gives 6.9 → 7)
    [{ min: 20, max: 49 }, 7, "HOST_QUOTA_HEADCOUNT_NEEDED", { count: 8, headcount: 47, min: 20, max: 49 }],
    [{ min: 20, max: 49 }, 8, "HOST_QUOTA_EXCEEDED", { count: 9, max: 8 }],
    // a band across 20: below 20 the quota is 3, so 4 interns need 21 employees
    [{ min: 10, max: 49 }, 3, "HOST_QUOTA_HEADCOUNT_NEEDED", { count: 4, headcount: 21, min: 10, max: 49 }],
  ] as const)("band %o with %i others", (band, count, code, params) => {
    const results = checkHostQuota(STAGE, others(count), band);
    if (code === null) {
      expect(results).toEqual([]);
      return;
    }
    const field = code === "HOST_QUOTA_EXCEEDED" ? "etablissementId" : "effectifAccueil";
    expect(results).toEqual([{ code, severity: "warning", field, params: { week: "2025-03-10", ...params } }]);
  });

  it.each([
    // [exact headcount on the convention, others in the week of 10 March, expected]
    // 19 employees: fewer than 20 → 3 interns; 3 others + this one = 4 > 3
    [19, 3, { code: "HOST_QUOTA_EXCEEDED", params: { count: 4, max: 3 } }],
    // exactly 20: 20 × 15 % = 3.00 → 3; 4 > 3
    [20, 3, { code: "HOST_QUOTA_EXCEEDED", params: { count: 4, max: 3 } }],
    // exactly 20 with 2 others: 3 ≤ 3
    [20, 2, null],
    // 21: 21 × 15 % = 3.15 → 4; 4 ≤ 4
    [21, 3, null],
    // 21 with 4 others: 5 > 4
    [21, 4, { code: "HOST_QUOTA_EXCEEDED", params: { count: 5, max: 4 } }],
    // 40: 6.00 → 6, 41: 6.15 → 7; 7 interns
    [40, 6, { code: "HOST_QUOTA_EXCEEDED", params: { count: 7, max: 6 } }],
    [41, 6, null],
  ] as const)("exact headcount %i with %i others (the band 10–49 says nothing then)", (headcount, count, expected) => {
    const results = checkHostQuota(STAGE, others(count), { min: 10, max: 49 }, headcount);
    if (expected === null) expect(results).toEqual([]);
    else expect(results).toEqual([{ ...expected, severity: "warning", field: "etablissementId", params: { ...expected.params, week: "2025-03-10" } }]);
  });

  it.each([
    // no band, no exact headcount: 3 interns is within any host's quota (3 below 20, 3 at 20)
    [2, null],
    // 4 interns: 15 % × h ≥ 4 from h = 21 (3.15 → 4)
    [3, { count: 4, headcount: 21 }],
    // 11 interns: 15 % × h > 10 from h = 67 (10.05 → 11; 66 gives 9.9 → 10)
    [10, { count: 11, headcount: 67 }],
  ] as const)("headcount unknown with %i others: asks it when more than 3 interns → %o", (count, expected) => {
    const results = checkHostQuota(STAGE, others(count), null);
    if (expected === null) expect(results).toEqual([]);
    else
      expect(results).toEqual([
        { code: "HOST_QUOTA_HEADCOUNT_UNKNOWN", severity: "warning", field: "effectifAccueil", params: { ...expected, week: "2025-03-10" } },
      ]);
  });

  it("is part of the rules evaluated on a convention, as a warning", () => {
    const results = evaluateRules(rulesInput({ hostConventions: others(3), hostHeadcount: { min: 1, max: 9 } }));
    expect(only(results, "HOST_QUOTA_EXCEEDED")).toMatchObject({ severity: "warning", params: { count: 4, max: 3 } });
    // the exact headcount on the convention (effectifAccueil) replaces the band: 21 → 4 interns
    expect(
      evaluateRules(rulesInput({ hostConventions: others(3), hostHeadcount: { min: 1, max: 9 }, hostExactHeadcount: 21 })).map((r) => r.code),
    ).not.toContain("HOST_QUOTA_EXCEEDED");
  });
});
