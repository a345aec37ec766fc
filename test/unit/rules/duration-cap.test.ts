import { describe, expect, it } from "vitest";
import type { TStudentConvention } from "../../../src/domain/rules/index.ts";
import { checkDurationCap, evaluateRules, otherHoursWithHost } from "../../../src/domain/rules/index.ts";
import { codesOf, only, rulesInput } from "./rules-input.ts";

const other = (overrides: Partial<TStudentConvention> = {}): TStudentConvention => ({
  hostId: 1,
  academicYear: "2024/2025",
  hours: 500,
  state: "VALIDATED",
  ...overrides,
});

describe("otherHoursWithHost", () => {
  it("adds up the conventions with the same host in the same academic year only", () => {
    const conventions = [
      other({ hours: 100 }),
      other({ hours: 50.5, state: "DRAFT" }),
      other({ hours: 70, hostId: "1" }), // the same host, stored as text
      other({ hours: 1000, hostId: 2 }),
      other({ hours: 1000, academicYear: "2025/2026" }),
      other({ hours: 1000, state: "CANCELLED" }),
    ];
    expect(otherHoursWithHost(conventions, 1, "2024/2025")).toBe(220.5);
  });

  it("counts nothing while the host or the academic year is unknown", () => {
    expect(otherHoursWithHost([other()], null, "2024/2025")).toBe(0);
    expect(otherHoursWithHost([other()], 1, null)).toBe(0);
  });
});

describe("checkDurationCap (L124-5: 924 h)", () => {
  it.each([
    [924, 0, []],
    [924.01, 0, ["DUREE_MAX_EXCEEDED"]],
    [1000, 0, ["DUREE_MAX_EXCEEDED"]],
    [500, 424, []],
    [500, 424.01, ["DUREE_MAX_EXCEEDED_CUMULATED"]],
    [500, 500, ["DUREE_MAX_EXCEEDED_CUMULATED"]],
  ])("%s h here and %s h elsewhere → %o", (hours, otherHours, codes) => {
    expect(codesOf(checkDurationCap(hours, otherHours))).toEqual(codes);
  });

  it("gives the student the figures", () => {
    expect(only(checkDurationCap(500, 500), "DUREE_MAX_EXCEEDED_CUMULATED")).toEqual({
      code: "DUREE_MAX_EXCEEDED_CUMULATED",
      severity: "error",
      field: "dureeEffectiveSaisie",
      params: { hours: 500, otherHours: 500, totalHours: 1000, max: 924 },
    });
  });
});

describe("924 h added up across conventions (Cass. soc. 7 Jan 2026)", () => {
  // 3 Mar – 27 Jun 2025 at 35 h a week: 560 h, under the cap on its own.
  const withOthers = (studentConventions: TStudentConvention[]) => codesOf(evaluateRules(rulesInput({ studentConventions })));

  it("this convention alone is within the cap", () => {
    expect(withOthers([])).not.toContain("DUREE_MAX_EXCEEDED");
    expect(withOthers([])).not.toContain("DUREE_MAX_EXCEEDED_CUMULATED");
  });

  it("exceeds it with another convention at the same host in the same academic year", () => {
    expect(withOthers([other({ hours: 400 })])).toContain("DUREE_MAX_EXCEEDED_CUMULATED");
  });

  it.each([
    ["another host", other({ hours: 400, hostId: 2 })],
    ["another academic year", other({ hours: 400, academicYear: "2023/2024" })],
    ["a cancelled convention", other({ hours: 400, state: "CANCELLED" })],
  ])("does not exceed it with %s", (_label, convention) => {
    expect(withOthers([convention])).not.toContain("DUREE_MAX_EXCEEDED_CUMULATED");
  });
});
