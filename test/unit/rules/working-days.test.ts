// Which days are presence (D124-6): Monday to Friday unless the convention says Saturdays too,
// and a minor's two consecutive days of rest (Code du travail L3164-2).
import { describe, expect, it } from "vitest";
import type { TRulesInput } from "../../../src/domain/rules/index.ts";
import { computeDureeEffective, evaluateRules, scheduleOf } from "../../../src/domain/rules/index.ts";
import { only, rulesInput } from "./rules-input.ts";

const MARCH = { startDate: "2025-03-03", endDate: "2025-03-28" };
// 1–21 Apr 2025 ends on Easter Monday (21 April), a public holiday.
const TO_EASTER_MONDAY = { startDate: "2025-04-01", endDate: "2025-04-21" };

function hoursOf(overrides: Partial<TRulesInput>): number | null {
  const input = rulesInput(overrides);
  const schedule = scheduleOf(input);
  if (schedule === null || input.startDate === null || input.endDate === null) return null;
  return computeDureeEffective({ start: input.startDate, end: input.endDate }, schedule, input.interruptions).hours;
}

const regular = (weeklyHours: number, saturdaysWorked: boolean): Partial<TRulesInput> => ({ horairesReguliers: true, weeklyHours, saturdaysWorked });
const irregular = (start: string, end: string, hoursPerDay: number, saturdaysWorked: boolean): Partial<TRulesInput> => ({
  horairesReguliers: false,
  irregularPeriods: [{ start, end, hoursPerDay }],
  saturdaysWorked,
});

describe("durée effective by the days worked", () => {
  it.each([
    // 3–28 Mar 2025: 20 weekdays, no holiday → 20 × 7 = 140 h (not 161 h with the Saturdays 8, 15, 22)
    ["irregular 7 h a day over a four-week March, Monday–Friday", { ...MARCH, ...irregular("2025-03-03", "2025-03-28", 7, false) }, 140],
    // the same with "Samedis travaillés": 20 + 3 Saturdays = 23 days × 7 = 161 h
    ["the same March, Saturdays worked", { ...MARCH, ...irregular("2025-03-03", "2025-03-28", 7, true) }, 161],
    // regular 35 h, Monday–Friday: 35 / 5 = 7 h × 20 days = 140 h
    ["regular 35 h over the same March", { ...MARCH, ...regular(35, false) }, 140],
    // regular 35 h over Monday–Saturday: 35 / 6 h × 23 days = 134.1666… → 134.17 h
    ["regular 35 h over Monday–Saturday", { ...MARCH, ...regular(35, true) }, 134.17],
    // 1–21 Apr 2025: 15 weekdays, the last one Easter Monday → 14 × 7 = 98 h
    ["a schedule ending on a holiday (Easter Monday 2025)", { ...TO_EASTER_MONDAY, ...regular(35, false) }, 98],
    // the same, irregular 7 h a day: the holiday is not presence either → 98 h
    ["the same, irregular", { ...TO_EASTER_MONDAY, ...irregular("2025-04-01", "2025-04-21", 7, false) }, 98],
    // with Saturdays 5, 12, 19: 17 days × 35 / 6 = 99.1666… → 99.17 h
    ["the same with Saturdays, regular", { ...TO_EASTER_MONDAY, ...regular(35, true) }, 99.17],
  ])("%s → %s h", (_label, overrides, expected) => {
    expect(hoursOf(overrides)).toBe(expected);
  });

  it("the threshold of 308 h is judged on the days worked, not on every Saturday", () => {
    // 3 Mar – 25 Apr 2025 irregular 7 h: 40 weekdays − Easter Monday 21 Apr = 39 × 7 = 273 h ≤ 308: no gratification due.
    // With the 7 Saturdays (8, 15, 22, 29 Mar, 5, 12, 19 Apr): 46 × 7 = 322 h > 308.
    const spring = { startDate: "2025-03-03", endDate: "2025-04-25", gratification: { granted: false } as const };
    const weekdays = evaluateRules(rulesInput({ ...spring, ...irregular("2025-03-03", "2025-04-25", 7, false) }));
    expect(only(weekdays, "DUREE_EFFECTIVE").params["hours"]).toBe(273);
    expect(weekdays.map((r) => r.code)).not.toContain("GRATIFICATION_REQUIRED");
    const saturdays = evaluateRules(rulesInput({ ...spring, ...irregular("2025-03-03", "2025-04-25", 7, true) }));
    expect(only(saturdays, "DUREE_EFFECTIVE").params["hours"]).toBe(322);
    expect(only(saturdays, "GRATIFICATION_REQUIRED").severity).toBe("error");
  });

  it("a regular week over six days: 36 h is 6 h a day, within a minor's 8 h", () => {
    // 36 / 6 = 6 h a day; 36 h a week is above a minor's 35 h all the same
    const results = evaluateRules(rulesInput({ ...MARCH, ...regular(36, true), birthDate: "2008-06-01" }));
    expect(results.map((r) => r.code)).not.toContain("MINOR_DAILY_HOURS_EXCEEDED");
    expect(only(results, "MINOR_WEEKLY_HOURS_EXCEEDED").params).toEqual({ hours: 36, max: 35 });
  });
});

describe("a minor's two consecutive days of rest (L3164-2)", () => {
  const restDays = (overrides: Partial<TRulesInput>) => evaluateRules(rulesInput(overrides)).filter((r) => r.code === "MINOR_TWO_REST_DAYS");
  it.each([
    // 16 on 3 Mar 2025; Monday–Friday leaves Saturday + Sunday
    ["minor, Monday–Friday", "2008-06-01", false, null],
    // Monday–Saturday leaves Sunday alone in the weeks of 3, 10, 17 and 24 March (Saturday 29 is outside the internship
    // but counts as rest, so the week of 24 March rests Saturday 29 + Sunday 30): 3 weeks
    ["minor, Monday–Saturday", "2008-06-01", true, { age: 16, week: "2025-03-03", weeks: 3 }],
    // 18 on Wednesday 12 March: the weeks of 3 and 10 March begin before the birthday, that of 17 March after → 2 weeks
    ["turning 18 on 12 March, Monday–Saturday", "2007-03-12", true, { age: 17, week: "2025-03-03", weeks: 2 }],
    // 18 on Monday 10 March: only the week of 3 March begins before (a week beginning on the birthday is an adult's) → 1
    ["turning 18 on Monday 10 March", "2007-03-10", true, { age: 17, week: "2025-03-03", weeks: 1 }],
    // 18 on 3 March, the first day: an adult from the start, no rule
    ["18 on the first day", "2007-03-03", true, null],
  ])("%s → %o", (_label, birthDate, saturdaysWorked, expected) => {
    const found = restDays({ ...MARCH, ...regular(30, saturdaysWorked), birthDate });
    if (expected === null) expect(found).toEqual([]);
    else expect(found).toEqual([{ code: "MINOR_TWO_REST_DAYS", severity: "error", field: "samedisTravailles", params: expected }]);
  });

  it("a holiday gives the rest: Monday–Saturday over the week of Easter Monday 2025 rests Sunday 20 + Monday 21", () => {
    // 14–26 Apr 2025, Monday–Saturday. Week of 14 April (Sunday 13 to Sunday 20): Monday 14 to Saturday 19 worked,
    // so no two rest days side by side. Week of 21 April: Sunday 20 + Monday 21 (holiday, not presence) → rested.
    // 1 week in all.
    const found = restDays({ startDate: "2025-04-14", endDate: "2025-04-26", ...regular(30, true), birthDate: "2008-06-01" });
    expect(found).toEqual([{ code: "MINOR_TWO_REST_DAYS", severity: "error", field: "samedisTravailles", params: { age: 16, week: "2025-04-14", weeks: 1 } }]);
  });
});
