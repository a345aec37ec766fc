import { describe, expect, it } from "vitest";
import type { TPeriod, TSchedulePeriod } from "../../../src/domain/rules/index.ts";
import { checkInterruptions, checkSchedule, checkStageDates, latestEndDate, stagePeriodOf } from "../../../src/domain/rules/index.ts";
import { codesOf, only } from "./rules-input.ts";

const today = "2025-01-15";
const stage: TPeriod = { start: "2025-03-03", end: "2025-06-27" };

describe("stage dates", () => {
  it.each([
    ["2025-03-03", "2025-06-27", []],
    ["2025-03-03", "2025-03-03", []], // one day
    [null, "2025-06-27", ["START_DATE_MISSING"]],
    ["2025-03-03", null, ["END_DATE_MISSING"]],
    [null, null, ["START_DATE_MISSING", "END_DATE_MISSING"]],
    ["2025-02-30", "2025-06-27", ["DATE_INVALID"]],
    ["2025-06-27", "2025-03-03", ["END_BEFORE_START"]],
    ["2025-03-03", "2026-03-02", []], // 12 months exactly
    ["2025-03-03", "2026-03-03", ["STAGE_LONGER_THAN_12_MONTHS"]],
    ["2025-01-06", "2025-03-28", ["START_DATE_IN_PAST"]],
    ["2025-01-15", "2025-03-28", []], // starting today
  ])("%s → %s: %o", (startDate, endDate, expected) => {
    expect(codesOf(checkStageDates({ startDate, endDate, today }))).toEqual(expected);
  });

  it("blocks an end before the start, on the end date's field", () => {
    expect(only(checkStageDates({ startDate: "2025-06-27", endDate: "2025-03-03", today }), "END_BEFORE_START")).toEqual({
      code: "END_BEFORE_START",
      severity: "error",
      field: "dateFin",
      params: { start: "2025-06-27", end: "2025-03-03" },
    });
  });

  it("only warns about a start in the past", () => {
    expect(only(checkStageDates({ startDate: "2025-01-06", endDate: "2025-03-28", today }), "START_DATE_IN_PAST").severity).toBe("warning");
  });

  it("tells the last possible end date", () => {
    expect(latestEndDate("2025-09-01")).toBe("2026-08-31");
    const result = only(checkStageDates({ startDate: "2025-09-01", endDate: "2026-09-15", today }), "STAGE_LONGER_THAN_12_MONTHS");
    expect(result.params).toMatchObject({ latestEnd: "2026-08-31", months: 12 });
  });

  it("gives a period only for usable dates", () => {
    expect(stagePeriodOf("2025-03-03", "2025-06-27")).toEqual(stage);
    expect(stagePeriodOf("2025-06-27", "2025-03-03")).toBeNull();
    expect(stagePeriodOf("2025-03-03", null)).toBeNull();
    expect(stagePeriodOf("03/03/2025", "2025-06-27")).toBeNull();
  });
});

describe("interruptions", () => {
  it("accepts disjoint interruptions inside the stage, touching its ends", () => {
    const interruptions = [
      { start: "2025-03-03", end: "2025-03-07" },
      { start: "2025-04-14", end: "2025-04-25" },
      { start: "2025-06-23", end: "2025-06-27" },
    ];
    expect(checkInterruptions(interruptions, stage)).toEqual([]);
  });

  it.each([
    ["end before start", [{ start: "2025-04-25", end: "2025-04-14" }], ["INTERRUPTION_END_BEFORE_START"]],
    ["before the stage", [{ start: "2025-02-24", end: "2025-03-04" }], ["INTERRUPTION_OUTSIDE_STAGE"]],
    ["after the stage", [{ start: "2025-06-23", end: "2025-06-30" }], ["INTERRUPTION_OUTSIDE_STAGE"]],
    ["invalid date", [{ start: "2025-04-31", end: "2025-05-02" }], ["DATE_INVALID"]],
    [
      "overlapping",
      [
        { start: "2025-04-14", end: "2025-04-25" },
        { start: "2025-04-25", end: "2025-04-30" },
      ],
      ["INTERRUPTIONS_OVERLAP"],
    ],
    [
      "nested in an earlier long one",
      [
        { start: "2025-04-01", end: "2025-04-30" },
        { start: "2025-05-05", end: "2025-05-09" },
        { start: "2025-04-10", end: "2025-04-11" },
      ],
      ["INTERRUPTIONS_OVERLAP"],
    ],
  ])("refuses an interruption %s", (_label, interruptions, expected) => {
    const results = checkInterruptions(interruptions, stage);
    expect(codesOf(results)).toEqual(expected);
    expect(results.every((r) => r.severity === "error")).toBe(true);
  });

  it("names the interruptions that overlap, counted from 1", () => {
    const results = checkInterruptions(
      [
        { start: "2025-05-05", end: "2025-05-09" },
        { start: "2025-04-14", end: "2025-05-05" },
      ],
      stage,
    );
    expect(only(results, "INTERRUPTIONS_OVERLAP")).toMatchObject({ field: "interruptions.0", params: { number: 1, otherNumber: 2 } });
  });

  it("blocks interruptions that together cover the whole stage", () => {
    const whole = [
      { start: "2025-03-03", end: "2025-04-30" },
      { start: "2025-05-01", end: "2025-06-27" },
    ];
    expect(codesOf(checkInterruptions(whole, stage))).toEqual(["INTERRUPTIONS_COVER_WHOLE_STAGE"]);
    const gap = [
      { start: "2025-03-03", end: "2025-04-29" },
      { start: "2025-05-01", end: "2025-06-27" },
    ];
    expect(checkInterruptions(gap, stage)).toEqual([]);
  });

  it("checks the dates of interruptions even before the stage's dates are known", () => {
    expect(codesOf(checkInterruptions([{ start: "2025-04-25", end: "2025-04-14" }], null))).toEqual(["INTERRUPTION_END_BEFORE_START"]);
  });
});

describe("schedule", () => {
  const periods = (...list: TSchedulePeriod[]) => ({ horairesReguliers: false, weeklyHours: 35, irregularPeriods: list });

  it.each([
    [0, ["WEEKLY_HOURS_INVALID"]],
    [-1, ["WEEKLY_HOURS_INVALID"]],
    [169, ["WEEKLY_HOURS_INVALID"]],
    [Number.NaN, ["WEEKLY_HOURS_INVALID"]],
    [35, []],
    [null, []],
  ])("weekly hours %s → %o", (weeklyHours, expected) => {
    expect(codesOf(checkSchedule({ horairesReguliers: true, weeklyHours, irregularPeriods: [] }, stage))).toEqual(expected);
  });

  it.each([
    [{ start: "2025-03-03", end: "2025-03-14", hoursPerDay: 7 }, []],
    [{ start: "2025-03-03", end: "2025-03-14", hoursPerDay: 0 }, ["SCHEDULE_PERIOD_HOURS_INVALID"]],
    [{ start: "2025-03-03", end: "2025-03-14", hoursPerDay: 25 }, ["SCHEDULE_PERIOD_HOURS_INVALID"]],
    [{ start: "2025-03-14", end: "2025-03-03", hoursPerDay: 7 }, ["SCHEDULE_PERIOD_END_BEFORE_START"]],
    [{ start: "2025-02-24", end: "2025-03-14", hoursPerDay: 7 }, ["SCHEDULE_PERIOD_OUTSIDE_STAGE"]],
  ])("period %o → %o", (period, expected) => {
    expect(codesOf(checkSchedule(periods(period), stage))).toEqual(expected);
  });

  it("refuses overlapping periods", () => {
    const results = checkSchedule(
      periods({ start: "2025-03-03", end: "2025-03-14", hoursPerDay: 7 }, { start: "2025-03-10", end: "2025-03-21", hoursPerDay: 5 }),
      stage,
    );
    expect(only(results, "SCHEDULE_PERIODS_OVERLAP")).toMatchObject({ field: "irregularPeriods.1", params: { number: 2, otherNumber: 1 } });
  });

  it("ignores the periods of a regular schedule", () => {
    const regular = { horairesReguliers: true, weeklyHours: 35, irregularPeriods: [{ start: "2025-03-14", end: "2025-03-03", hoursPerDay: 0 }] };
    expect(checkSchedule(regular, stage)).toEqual([]);
  });
});
