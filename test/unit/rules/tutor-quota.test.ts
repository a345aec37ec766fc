import { describe, expect, it } from "vitest";
import type { TTutorConvention } from "../../../src/domain/rules/index.ts";
import { checkTutorQuota, peakConcurrentConventions } from "../../../src/domain/rules/index.ts";
import { codesOf, only } from "./rules-input.ts";

const period = { start: "2025-03-03", end: "2025-06-27" };
const validated = (start: string, end: string): TTutorConvention => ({ start, end, state: "VALIDATED" });

describe("tutor quota (R124-13: 3 at once)", () => {
  it("accepts a third convention at once", () => {
    const others = [validated("2025-01-06", "2025-04-30"), validated("2025-03-10", "2025-08-29")];
    expect(checkTutorQuota(period, others)).toEqual([]);
  });

  it("refuses a fourth convention at once", () => {
    const others = [
      validated("2025-01-06", "2025-04-30"),
      validated("2025-03-10", "2025-08-29"),
      { start: "2025-04-01", end: "2025-05-30", state: "SUBMITTED" } as const,
    ];
    expect(only(checkTutorQuota(period, others), "TUTEUR_QUOTA_EXCEEDED")).toEqual({
      code: "TUTEUR_QUOTA_EXCEEDED",
      severity: "error",
      field: "tuteurId",
      params: { count: 4, max: 3, date: "2025-04-01" },
    });
  });

  it("does not add up conventions that overlap this one but never each other", () => {
    const others = [
      validated("2025-01-06", "2025-03-31"),
      validated("2025-04-01", "2025-04-30"),
      validated("2025-05-01", "2025-05-31"),
      validated("2025-06-01", "2025-09-30"),
    ];
    expect(peakConcurrentConventions(period, others).count).toBe(1);
    expect(checkTutorQuota(period, others)).toEqual([]);
  });

  it.each([
    ["a draft", "DRAFT"],
    ["a cancelled convention", "CANCELLED"],
  ] as const)("does not count %s", (_label, state) => {
    const others: TTutorConvention[] = [
      validated("2025-03-03", "2025-06-27"),
      validated("2025-03-03", "2025-06-27"),
      { start: "2025-03-03", end: "2025-06-27", state },
    ];
    expect(checkTutorQuota(period, others)).toEqual([]);
    expect(codesOf(checkTutorQuota(period, [...others, { start: "2025-03-03", end: "2025-06-27", state: "RETURNED" }]))).toEqual(["TUTEUR_QUOTA_EXCEEDED"]);
  });

  it("counts a convention ending on the first day, not one ending the day before", () => {
    const endingBefore = [1, 2, 3].map(() => validated("2025-01-06", "2025-03-02"));
    expect(checkTutorQuota(period, endingBefore)).toEqual([]);
    const endingOnFirstDay = [1, 2, 3].map(() => validated("2025-01-06", "2025-03-03"));
    expect(only(checkTutorQuota(period, endingOnFirstDay), "TUTEUR_QUOTA_EXCEEDED").params.date).toBe("2025-03-03");
  });

  it("counts nothing outside this convention's period", () => {
    const later = [1, 2, 3].map(() => validated("2025-06-28", "2025-09-30"));
    expect(peakConcurrentConventions(period, later)).toEqual({ count: 0, date: null });
  });
});
