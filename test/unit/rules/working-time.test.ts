import { describe, expect, it } from "vitest";
import type { TRulesInput, TSchedulePeriod } from "../../../src/domain/rules/index.ts";
import { eachDay, evaluateRules, isMinorOn, isoWeekday, workloadOf } from "../../../src/domain/rules/index.ts";
import { codesOf, only, rulesInput } from "./rules-input.ts";

// The default fixture starts on 3 March 2025.
const ADULT = "2003-05-10";
const MINOR = "2008-06-01"; // 16 on 3 March 2025
const codes = (overrides: Partial<TRulesInput>) => codesOf(evaluateRules(rulesInput(overrides)));
const irregular = (...periods: TSchedulePeriod[]): Partial<TRulesInput> => ({ horairesReguliers: false, irregularPeriods: periods });
const exceptionnel = (flags: Partial<TRulesInput["travailExceptionnel"]>): Partial<TRulesInput> => ({
  travailExceptionnel: { night: false, sunday: false, publicHoliday: false, telework: false, comment: null, ...flags },
});

describe("age at the start date", () => {
  it.each([
    ["2007-03-03", false], // 18 that very day
    ["2007-03-04", true], // 18 the next day
    ["2008-06-01", true],
    ["1990-01-01", false],
  ])("born on %s: minor on 3 Mar 2025 = %s", (birthDate, minor) => {
    expect(isMinorOn(birthDate, "2025-03-03")).toBe(minor);
  });
});

describe("adults", () => {
  // 3 Mar – 27 Jun 2025; the best 12 weeks are 3 Mar – 25 May: 9 full weeks and 3 weeks with a
  // holiday (21 Apr, 1 May, 8 May), each 4/5 of a week. Average = (9 + 3 × 0.8) × h / 12 = 0.95 h.
  it.each([
    [35, []],
    [44, []],
    [45, []], // 0.95 × 45 = 42.75 h
    [46, []], // 0.95 × 46 = 43.7 h
    [47, ["WEEKLY_AVERAGE_EXCEEDED"]], // 0.95 × 47 = 44.65 h
    [48, ["WEEKLY_AVERAGE_EXCEEDED"]], // 45.6 h
    [49, ["WEEKLY_HOURS_EXCEEDED"]],
  ])("%s h a week → %o", (weeklyHours, expected) => {
    const found = codes({ weeklyHours, birthDate: ADULT }).filter((c) => c.startsWith("WEEKLY") || c.startsWith("DAILY"));
    expect(found).toEqual(expected);
  });

  it("48 h is accepted, 49 h is refused", () => {
    const accepted = evaluateRules(rulesInput({ weeklyHours: 48 }));
    expect(accepted.filter((r) => r.severity === "error")).toEqual([]);
    const refused = only(evaluateRules(rulesInput({ weeklyHours: 49 })), "WEEKLY_HOURS_EXCEEDED");
    expect(refused).toMatchObject({ severity: "error", field: "heuresHebdomadaires", params: { hours: 49, max: 48 } });
  });

  it.each([
    [10, []],
    [10.5, ["DAILY_HOURS_EXCEEDED"]],
  ])("irregular %s h a day → %o", (hoursPerDay, expected) => {
    // Three days only, so that the week stays under 48 h.
    const found = codes({ ...irregular({ start: "2025-03-03", end: "2025-03-05", hoursPerDay }), weeklyHours: 30 });
    expect(found.filter((c) => c.startsWith("DAILY") || c.startsWith("WEEKLY"))).toEqual(expected);
  });

  it("finds a 54 h week inside an irregular schedule declared at 35 h", () => {
    const results = evaluateRules(
      rulesInput({ ...irregular({ start: "2025-03-03", end: "2025-03-08", hoursPerDay: 9, includesSaturdays: true }), weeklyHours: 35 }),
    );
    expect(only(results, "WEEKLY_HOURS_EXCEEDED").params).toEqual({ hours: 54, max: 48 });
  });

  it("averages over 12 weeks: one 47 h week among 35 h weeks stays under 44 on average", () => {
    // 12 weeks from Monday 3 March 2025, Monday to Friday: 9.4 h a day the first week, 7 h after.
    const days = eachDay("2025-03-03", "2025-05-23")
      .filter((date) => isoWeekday(date) <= 5)
      .map((date) => ({ date, hours: date <= "2025-03-07" ? 9.4 : 7 }));
    const workload = workloadOf(days, 35);
    expect(workload.maxWeeklyHours).toBe(47);
    expect(workload.maxDailyHours).toBe(9.4);
    expect(workload.maxAverageWeeklyHours).toBeCloseTo(36, 9);
    expect(
      workloadOf(
        days.map((d) => ({ ...d, hours: 9 })),
        35,
      ).maxAverageWeeklyHours,
    ).toBe(45);
  });

  it.each([
    ["night", { night: true }, "NIGHT_WORK_NOT_DESCRIBED"],
    ["Sunday", { sunday: true }, "SUNDAY_WORK_NOT_DESCRIBED"],
    ["public-holiday", { publicHoliday: true }, "PUBLIC_HOLIDAY_WORK_NOT_DESCRIBED"],
    ["telework", { telework: true }, "TELEWORK_NOT_DESCRIBED"],
  ])("%s presence without a description is a warning (L124-14), with one it is fine", (_label, flags, code) => {
    const missing = only(evaluateRules(rulesInput(exceptionnel({ ...flags, comment: "  " }))), code);
    expect(missing).toMatchObject({ severity: "warning", field: "travailExceptionnelCommentaire" });
    expect(codes(exceptionnel({ ...flags, comment: "Deux samedis et un dimanche par mois, 9 h – 17 h." }))).not.toContain(code);
  });

  it("a schedule working on Sundays and holidays must tick them", () => {
    const schedule = irregular({ start: "2025-04-14", end: "2025-04-27", hoursPerDay: 6, includesSundays: true, includesHolidays: true });
    const found = codes({ ...schedule, ...exceptionnel({ comment: "Accueil du public les week-ends de Pâques." }) });
    expect(found).toEqual(expect.arrayContaining(["SUNDAY_WORK_NOT_DECLARED", "PUBLIC_HOLIDAY_WORK_NOT_DECLARED"]));
    const ticked = codes({
      ...schedule,
      ...exceptionnel({ sunday: true, publicHoliday: true, comment: "Accueil du public les week-ends de Pâques." }),
    });
    expect(ticked.filter((c) => c.includes("WORK"))).toEqual([]);
  });
});

describe("minors", () => {
  it.each([
    [35, []],
    [36, ["MINOR_WEEKLY_HOURS_EXCEEDED"]],
  ])("%s h a week → %o", (weeklyHours, expected) => {
    const found = codes({ weeklyHours, birthDate: MINOR });
    expect(found.filter((c) => c.startsWith("MINOR_") && c.includes("HOURS"))).toEqual(expected);
  });

  it("35 h is accepted, 36 h is refused", () => {
    const accepted = evaluateRules(rulesInput({ weeklyHours: 35, birthDate: MINOR }));
    expect(accepted.filter((r) => r.severity === "error")).toEqual([]);
    expect(only(accepted, "MINOR_STUDENT")).toMatchObject({ severity: "warning", params: { age: 16 } });
    const refused = only(evaluateRules(rulesInput({ weeklyHours: 36, birthDate: MINOR })), "MINOR_WEEKLY_HOURS_EXCEEDED");
    expect(refused).toMatchObject({ severity: "error", params: { hours: 36, max: 35 } });
  });

  it("the adult limits apply once 18 on the start date", () => {
    expect(codes({ weeklyHours: 36, birthDate: "2007-03-03" })).not.toContain("MINOR_WEEKLY_HOURS_EXCEEDED");
    expect(codes({ weeklyHours: 36, birthDate: "2007-03-04" })).toContain("MINOR_WEEKLY_HOURS_EXCEEDED");
  });

  it.each([
    [8, []],
    [8.5, ["MINOR_DAILY_HOURS_EXCEEDED"]],
  ])("irregular %s h a day → %o", (hoursPerDay, expected) => {
    const found = codes({ ...irregular({ start: "2025-03-03", end: "2025-03-06", hoursPerDay }), weeklyHours: 34, birthDate: MINOR });
    expect(found.filter((c) => c.startsWith("MINOR_") && c.includes("HOURS"))).toEqual(expected);
  });

  it.each([
    [{ night: true }, "MINOR_NIGHT_WORK", "travailNuit"],
    [{ sunday: true }, "MINOR_SUNDAY_WORK", "travailDimanche"],
    [{ publicHoliday: true }, "MINOR_PUBLIC_HOLIDAY_WORK", "travailJoursFeries"],
  ])("forbids %o, even described", (flags, code, field) => {
    const input = rulesInput({ birthDate: MINOR, ...exceptionnel({ ...flags, comment: "Décrit." }) });
    expect(only(evaluateRules(input), code)).toMatchObject({ severity: "error", field, params: { age: 16 } });
    expect(codes({ birthDate: ADULT, ...exceptionnel({ ...flags, comment: "Décrit." }) })).not.toContain(code);
  });

  // L3164-2: two consecutive days of rest each week. 3–28 Mar 2025 at 5 h: weeks of 3, 10, 17
  // and 24 March; with the Saturdays, the first three rest on Sunday alone (6 × 5 = 30 h a week,
  // within 35 h and 8 h a day), the last one ends on Friday 28 (Saturday 29 is outside).
  const march = (flags: object) => irregular({ start: "2025-03-03", end: "2025-03-28", hoursPerDay: 5, ...flags });
  it.each([
    ["Monday to Friday: Saturday and Sunday off", MINOR, {}, null],
    ["with the Saturdays: Sunday alone, weeks of 3, 10 and 17 March", MINOR, { includesSaturdays: true }, { age: 16, week: "2025-03-03", weeks: 3 }],
    // 18 on 12 Mar 2025: the weeks of 3 and 10 March begin before the birthday, that of 17 March after
    ["18 on 12 March (minor on the start date)", "2007-03-12", { includesSaturdays: true }, { age: 17, week: "2025-03-03", weeks: 2 }],
  ])("two consecutive rest days: %s", (_label, birthDate, flags, expected) => {
    const results = evaluateRules(rulesInput({ ...march(flags), weeklyHours: 30, birthDate }));
    const found = results.filter((r) => r.code === "MINOR_TWO_REST_DAYS");
    if (expected === null) expect(found).toEqual([]);
    else expect(found).toEqual([{ code: "MINOR_TWO_REST_DAYS", severity: "error", field: "samedisTravailles", params: expected }]);
  });

  it("accepts a week of Tuesday to Saturday, resting Sunday and Monday", () => {
    // 4–8 Mar 2025 at 5 h with the Saturday: rest on Sunday 2 and Monday 3, then Sunday 9 and Monday 10
    const schedule = irregular({ start: "2025-03-04", end: "2025-03-08", hoursPerDay: 5, includesSaturdays: true });
    expect(codes({ ...schedule, startDate: "2025-03-04", weeklyHours: 25, birthDate: MINOR })).not.toContain("MINOR_TWO_REST_DAYS");
  });

  it("forbids a schedule that works on a Sunday", () => {
    const schedule = irregular({ start: "2025-03-03", end: "2025-03-09", hoursPerDay: 5, includesSundays: true });
    expect(codes({ ...schedule, weeklyHours: 35, birthDate: MINOR })).toContain("MINOR_SUNDAY_WORK");
  });
});
