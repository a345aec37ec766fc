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
    expect(results).toEqual([{ code, severity: "warning", field: "etablissementId", params: { week: "2025-03-10", ...params } }]);
  });

  it("says nothing while the host's headcount is unknown", () => {
    expect(checkHostQuota(STAGE, others(10), null)).toEqual([]);
  });

  it("is part of the rules evaluated on a convention, as a warning", () => {
    const results = evaluateRules(rulesInput({ hostConventions: others(3), hostHeadcount: { min: 1, max: 9 } }));
    expect(only(results, "HOST_QUOTA_EXCEEDED")).toMatchObject({ severity: "warning", params: { count: 4, max: 3 } });
  });
});
