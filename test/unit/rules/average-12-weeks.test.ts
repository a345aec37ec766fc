// The 44-hour average over any 12 consecutive weeks (Code du travail L3121-22, applied to
// interns by L124-14), computed from the presence actually scheduled: holidays and
// interruptions out, and weeks without presence counted as 0 h.
import { describe, expect, it } from "vitest";
import type { TRulesInput } from "../../../src/domain/rules/index.ts";
import { evaluateRules } from "../../../src/domain/rules/index.ts";
import { rulesInput } from "./rules-input.ts";

const average = (overrides: Partial<TRulesInput>) => evaluateRules(rulesInput(overrides)).filter((r) => r.code === "WEEKLY_AVERAGE_EXCEEDED");

describe("average weekly hours over 12 consecutive weeks", () => {
  it.each([
    // one week 3–7 Mar 2025 at 46 h: any 12 weeks holding it total 46 h → 46 / 12 = 3.83 h
    ["one week at 46 h", { startDate: "2025-03-03", endDate: "2025-03-07", weeklyHours: 46 }, null],
    // 11 weeks 5 Jan – 20 Mar 2026 at 48 h, no holiday: 11 × 48 = 528 h / 12 = 44 h, not above 44
    ["11 weeks at 48 h (shorter than 12: the 12th week is without presence)", { startDate: "2026-01-05", endDate: "2026-03-20", weeklyHours: 48 }, null],
    // 12 weeks 5 Jan – 27 Mar 2026 at 45 h, no holiday (Easter Monday is 6 April 2026): 540 / 12 = 45 h
    ["12 weeks at 45 h without a holiday", { startDate: "2026-01-05", endDate: "2026-03-27", weeklyHours: 45 }, 45],
    // the same with a week's interruption 2–6 Feb 2026: 11 × 45 = 495 / 12 = 41.25 h
    [
      "the same with a one-week interruption",
      { startDate: "2026-01-05", endDate: "2026-03-27", weeklyHours: 45, interruptions: [{ start: "2026-02-02", end: "2026-02-06" }] },
      null,
    ],
    // 21 Apr – 11 Jul 2025 at 45 h: weeks of 21 Apr, 28 Apr, 5 May, 26 May and 9 Jun hold a holiday
    // (21 Apr, 1 May, 8 May, 29 May, 9 Jun): 5 × 36 + 7 × 45 = 495 h / 12 = 41.25 h
    ["12 weeks at 45 h over the May holidays", { startDate: "2025-04-21", endDate: "2025-07-11", weeklyHours: 45 }, null],
    // 16 weeks 5 Jan – 24 Apr 2026 at 45 h: the 12 weeks 5 Jan – 29 Mar have no holiday → 45 h
    ["16 weeks, the worst 12 found among them", { startDate: "2026-01-05", endDate: "2026-04-24", weeklyHours: 45 }, 45],
    // irregular 9 h a day Monday–Friday 5 Jan – 27 Mar 2026 (declared 35 h): 60 days × 9 = 540 h / 12 = 45 h
    [
      "an irregular schedule of 9 h a day declared at 35 h",
      {
        startDate: "2026-01-05",
        endDate: "2026-03-27",
        weeklyHours: 35,
        horairesReguliers: false,
        irregularPeriods: [{ start: "2026-01-05", end: "2026-03-27", hoursPerDay: 9 }],
      },
      45,
    ],
  ] as const)("%s → %s", (_label, overrides, expected) => {
    const found = average({ ...overrides, today: "2025-01-01" });
    if (expected === null) expect(found).toEqual([]);
    else
      expect(found).toEqual([
        { code: "WEEKLY_AVERAGE_EXCEEDED", severity: "warning", field: "heuresHebdomadaires", params: { hours: expected, max: 44, weeks: 12 } },
      ]);
  });
});
