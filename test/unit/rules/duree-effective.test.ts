import { describe, expect, it } from "vitest";
import type { TSchedule } from "../../../src/domain/rules/index.ts";
import { computeDureeEffective, pickDureeEffective, workedDays } from "../../../src/domain/rules/index.ts";

const regular = (weeklyHours: number): TSchedule => ({ kind: "REGULAR", weeklyHours });

describe("durée effective, regular schedule", () => {
  it.each([
    ["a week without holiday", "2025-04-14", "2025-04-18", 35],
    ["the week of Easter Monday (21 April 2025) loses 7 h", "2025-04-21", "2025-04-25", 28],
    ["the week of 1 May 2025 (a Thursday) loses 7 h", "2025-04-28", "2025-05-02", 28],
    ["both weeks together", "2025-04-21", "2025-05-02", 56],
    ["a weekend alone", "2025-04-19", "2025-04-20", 0],
    ["a single public holiday", "2025-05-01", "2025-05-01", 0],
  ])("35 h a week: %s", (_label, start, end, hours) => {
    expect(computeDureeEffective({ start, end }, regular(35), []).hours).toBe(hours);
  });

  it("removes the days of an interruption, and a holiday inside it only once", () => {
    // 14 Apr – 9 May 2025: 20 weekdays, 3 of them holidays (21 Apr, 1 May, 8 May) → 17 days.
    // The interruption 21–25 Apr holds 5 weekdays, one being Easter Monday: 4 more days go.
    const stage = { start: "2025-04-14", end: "2025-05-09" };
    expect(computeDureeEffective(stage, regular(35), []).hours).toBe(17 * 7);
    const duree = computeDureeEffective(stage, regular(35), [{ start: "2025-04-21", end: "2025-04-25" }]);
    expect(duree.hours).toBe(13 * 7);
    expect(duree.hours).not.toBe(12 * 7);
  });

  it("ignores an interruption whose dates are reversed (reported by the date checks)", () => {
    const stage = { start: "2025-04-14", end: "2025-04-18" };
    expect(computeDureeEffective(stage, regular(35), [{ start: "2025-04-18", end: "2025-04-14" }]).hours).toBe(35);
  });

  it("keeps weekly hours that do not divide by 5 exact", () => {
    // 1 Sep – 19 Dec 2025: 79 working days of 37 / 5 = 7.4 h.
    expect(computeDureeEffective({ start: "2025-09-01", end: "2025-12-19" }, regular(37), []).hours).toBe(584.6);
    expect(computeDureeEffective({ start: "2025-04-14", end: "2025-04-18" }, regular(17.5), []).hours).toBe(17.5);
  });

  it("splits the hours by calendar year across 1 January", () => {
    // Dec 2025: 12 days (25 Dec off); Jan 2026: 11 days (1 Jan off).
    const duree = computeDureeEffective({ start: "2025-12-15", end: "2026-01-16" }, regular(35), []);
    expect(duree.byYear).toEqual([
      { year: 2025, hours: 84 },
      { year: 2026, hours: 77 },
    ]);
    expect(duree).toMatchObject({ hours: 161, days: 23, months: 1.05, source: "COMPUTED" });
  });

  it("gives the day and month equivalents of D124-6 (7 h a day, 22 days a month)", () => {
    // 2 Jun – 8 Aug 2025 (9 Jun, 14 Jul off): 48 days, minus 4 days of interruption = 44 days.
    const duree = computeDureeEffective({ start: "2025-06-02", end: "2025-08-08" }, regular(35), [{ start: "2025-08-04", end: "2025-08-07" }]);
    expect(duree).toMatchObject({ hours: 308, days: 44, months: 2 });
  });

  it("counts nothing while the schedule is unknown, but lists the years", () => {
    const duree = computeDureeEffective({ start: "2025-12-01", end: "2026-02-27" }, null, []);
    expect(duree.hours).toBe(0);
    expect(duree.byYear.map((y) => y.year)).toEqual([2025, 2026]);
  });
});

describe("durée effective, irregular schedule", () => {
  // 14–27 Apr 2025: 10 days Monday–Friday, Easter Monday on the 21st among them, 2 Saturdays, 2 Sundays.
  const period = { start: "2025-04-14", end: "2025-04-27", hoursPerDay: 6 };
  it.each([
    ["Monday to Friday by default, without the holiday", {}, 9 * 6],
    ["with Saturdays", { includesSaturdays: true }, 11 * 6],
    ["with Sundays", { includesSundays: true }, 11 * 6],
    ["with public holidays", { includesHolidays: true }, 10 * 6],
    ["with all three", { includesSaturdays: true, includesSundays: true, includesHolidays: true }, 14 * 6],
  ])("%s", (_label, flags, hours) => {
    const schedule: TSchedule = { kind: "IRREGULAR", periods: [{ ...period, ...flags }] };
    expect(computeDureeEffective({ start: "2025-04-14", end: "2025-04-27" }, schedule, []).hours).toBe(hours);
  });

  it("adds periods with different hours, counts no day outside them, and clips to the stage", () => {
    const schedule: TSchedule = {
      kind: "IRREGULAR",
      periods: [
        { start: "2025-03-03", end: "2025-03-08", hoursPerDay: 8 }, // Mon–Sat, Saturday not worked: 5 days
        { start: "2025-03-17", end: "2025-03-21", hoursPerDay: 4.5 }, // 5 days
        { start: "2025-03-28", end: "2025-04-05", hoursPerDay: 7 }, // only 28–31 Mar in the stage: Fri 28, Mon 31
      ],
    };
    const days = workedDays({ start: "2025-03-01", end: "2025-03-31" }, schedule, []);
    expect(days.filter((d) => d.date >= "2025-03-10" && d.date <= "2025-03-16")).toEqual([]);
    expect(computeDureeEffective({ start: "2025-03-01", end: "2025-03-31" }, schedule, []).hours).toBe(5 * 8 + 5 * 4.5 + 2 * 7);
  });

  it.each([
    // 3–28 Mar 2025 (Mon – Fri, four weeks, no holiday): 20 weekdays × 7 = 140 h; with the
    // Saturdays 8, 15 and 22 (1 and 29 Mar are outside): 23 days × 7 = 161 h
    ["a four-week March, Monday to Friday", { start: "2025-03-03", end: "2025-03-28" }, {}, 140],
    ["the same March with its Saturdays", { start: "2025-03-03", end: "2025-03-28" }, { includesSaturdays: true }, 161],
    // 28 Apr – 1 May 2025, ending on the 1 May holiday (Thursday): Mon 28, Tue 29, Wed 30 = 3 × 7
    ["a period ending on a public holiday", { start: "2025-04-28", end: "2025-05-01" }, {}, 21],
    ["the same, the holiday worked", { start: "2025-04-28", end: "2025-05-01" }, { includesHolidays: true }, 28],
  ])("%s", (_label, dates, flags, hours) => {
    const schedule: TSchedule = { kind: "IRREGULAR", periods: [{ ...dates, hoursPerDay: 7, ...flags }] };
    expect(computeDureeEffective(dates, schedule, []).hours).toBe(hours);
  });

  it("counts a day of two overlapping periods once", () => {
    const schedule: TSchedule = {
      kind: "IRREGULAR",
      periods: [
        { start: "2025-03-03", end: "2025-03-05", hoursPerDay: 8 },
        { start: "2025-03-05", end: "2025-03-06", hoursPerDay: 4 },
      ],
    };
    expect(computeDureeEffective({ start: "2025-03-03", end: "2025-03-07" }, schedule, []).hours).toBe(3 * 8 + 4);
  });
});

describe("pickDureeEffective", () => {
  const computed = computeDureeEffective({ start: "2025-12-15", end: "2026-01-16" }, regular(35), []);

  it.each([null, undefined, Number.NaN, -5])("keeps the computed value when the override is %s", (override) => {
    expect(pickDureeEffective(computed, override)).toBe(computed);
  });

  it("uses the override and spreads it over the years like the computed hours", () => {
    const picked = pickDureeEffective(computed, 400);
    expect(picked).toMatchObject({ hours: 400, source: "OVERRIDE" });
    // 400 × 84/161 = 208.6956… and 400 × 77/161 = 191.3043…, to the hundredth, summing to 400.
    expect(picked.byYear).toEqual([
      { year: 2025, hours: 208.7 },
      { year: 2026, hours: 191.3 },
    ]);
  });

  it("puts the override in the last year when nothing could be computed", () => {
    const empty = computeDureeEffective({ start: "2025-12-01", end: "2026-02-27" }, null, []);
    expect(pickDureeEffective(empty, 309).byYear).toEqual([
      { year: 2025, hours: 0 },
      { year: 2026, hours: 309 },
    ]);
  });
});
