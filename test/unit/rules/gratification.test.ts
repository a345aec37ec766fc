import { describe, expect, it } from "vitest";
import type { TDureeEffective, TGratificationInput, TGratificationUnit, TPeriod } from "../../../src/domain/rules/index.ts";
import {
  DEFAULT_GRATIFICATION_RATES,
  checkGratification,
  computeDureeEffective,
  gratificationRateFor,
  isGratificationMandatory,
  minimumGratification,
} from "../../../src/domain/rules/index.ts";
import { codesOf, only } from "./rules-input.ts";

function duree(byYear: Record<number, number>): TDureeEffective {
  const years = Object.entries(byYear).map(([year, hours]) => ({ year: Number(year), hours }));
  const hours = years.reduce((sum, y) => sum + y.hours, 0);
  return { hours, days: hours / 7, months: hours / 154, byYear: years, source: "COMPUTED" };
}

function declared(amount: number, unit: TGratificationUnit, currency = "EUR"): TGratificationInput {
  return { granted: true, amount, unit, basis: "BRUT", currency };
}

function check(hoursByYear: Record<number, number>, gratification: TGratificationInput | null, more = {}) {
  const d = duree(hoursByYear);
  return checkGratification({
    duree: d,
    cumulatedHours: d.hours,
    countryCode: "FR",
    gratification,
    weeklyHours: 35,
    rates: DEFAULT_GRATIFICATION_RATES,
    stage: { start: "2025-09-01", end: "2025-12-31" },
    interruptions: [],
    ...more,
  });
}

// The real calendar: 35 h a week, 7 h on each weekday that is not a public holiday.
function checkCalendar(stage: TPeriod, gratification: TGratificationInput, interruptions: readonly TPeriod[] = []) {
  const d = computeDureeEffective(stage, { kind: "REGULAR", weeklyHours: 35 }, interruptions);
  return checkGratification({
    duree: d,
    cumulatedHours: d.hours,
    countryCode: "FR",
    gratification,
    weeklyHours: 35,
    rates: DEFAULT_GRATIFICATION_RATES,
    stage,
    interruptions,
  });
}

describe("threshold of L124-6", () => {
  it.each([
    [0, false],
    [308, false],
    [308.01, true],
    [309, true],
    [924, true],
  ])("%s h → mandatory: %s", (hours, mandatory) => {
    expect(isGratificationMandatory(hours)).toBe(mandatory);
  });

  it("308 h: not mandatory, no error even with no gratification", () => {
    const results = check({ 2025: 308 }, { granted: false });
    expect(codesOf(results)).toEqual(["GRATIFICATION_NOT_MANDATORY"]);
    expect(only(results, "GRATIFICATION_NOT_MANDATORY")).toMatchObject({ severity: "info", params: { hours: 308 } });
  });

  it("309 h: mandatory, and its absence blocks with the minimum", () => {
    const results = check({ 2025: 309 }, { granted: false });
    expect(only(results, "GRATIFICATION_MANDATORY")).toMatchObject({ severity: "info", params: { hours: 309, minimum: 1344.15 } });
    expect(only(results, "GRATIFICATION_REQUIRED")).toMatchObject({
      severity: "error",
      field: "gratification",
      params: { hours: 309, minimum: 1344.15 },
    });
  });

  it("mandatory once the hours with the same host this year add up beyond 308", () => {
    const results = check({ 2025: 200 }, { granted: false }, { cumulatedHours: 350 });
    expect(only(results, "GRATIFICATION_MANDATORY_CUMULATED").params).toMatchObject({ hours: 200, cumulatedHours: 350, minimum: 870 });
    expect(only(results, "GRATIFICATION_REQUIRED").severity).toBe("error");
  });

  it("is only a report while the section is not filled", () => {
    expect(codesOf(check({ 2025: 400 }, null))).toEqual(["GRATIFICATION_MANDATORY"]);
  });
});

describe("rates and minimum", () => {
  it.each([
    [2024, 4.35],
    [2025, 4.35],
    [2026, 4.5],
    [2027, 4.5], // missing: the latest earlier year's rate stays in force
    [2019, 4.35], // before the table: its earliest rate
  ])("rate of %i is %s €/h", (year, rate) => {
    expect(gratificationRateFor(year, DEFAULT_GRATIFICATION_RATES)).toBe(rate);
  });

  it("takes the latest earlier year of a configured table", () => {
    expect(gratificationRateFor(2027, { 2026: 4.5, 2028: 4.8 })).toBe(4.5);
    expect(gratificationRateFor(2028, { 2026: 4.5, 2028: 4.8 })).toBe(4.8);
  });

  it("refuses an empty table", () => {
    expect(() => gratificationRateFor(2025, {})).toThrow(/empty/);
  });

  it("computes 4.35 € × 309 h exactly", () => {
    expect(minimumGratification([{ year: 2025, hours: 309 }], DEFAULT_GRATIFICATION_RATES)).toBe(1344.15);
  });

  it("uses each year's rate across 1 January 2026", () => {
    const byYear = [
      { year: 2025, hours: 84 },
      { year: 2026, hours: 77 },
    ];
    // 84 × 4.35 = 365.40 and 77 × 4.50 = 346.50
    expect(minimumGratification(byYear, DEFAULT_GRATIFICATION_RATES)).toBe(711.9);
    expect(minimumGratification(byYear, DEFAULT_GRATIFICATION_RATES)).not.toBe(161 * 4.35);
  });

  it("rounds a fraction of a cent up", () => {
    expect(minimumGratification([{ year: 2025, hours: 0.01 }], DEFAULT_GRATIFICATION_RATES)).toBe(0.05);
  });
});

describe("declared amount against the minimum (35 h a week, 309 h in 2025)", () => {
  it.each([
    ["HEURE", 4.35, 4.34],
    ["JOUR", 30.45, 30.44], // 7 h
    ["SEMAINE", 152.25, 152.24], // 35 h
    ["TOTAL", 1344.15, 1344.14], // 309 h
  ] as const)("per %s: %s € reaches it, %s € does not", (unit, enough, tooLittle) => {
    expect(codesOf(check({ 2025: 309 }, declared(enough, unit)))).toEqual(["GRATIFICATION_MANDATORY"]);
    const below = only(check({ 2025: 309 }, declared(tooLittle, unit)), "GRATIFICATION_BELOW_MINIMUM");
    expect(below).toMatchObject({ severity: "error", field: "gratificationMontant" });
    expect(below.params).toMatchObject({ minimumHourly: 4.35, minimum: 1344.15, hourlyAmount: 4.34 });
  });

  it("compares a net amount like a gross one (no contribution up to the minimum)", () => {
    const net: TGratificationInput = { granted: true, amount: 4.34, unit: "HEURE", basis: "NET", currency: "EUR" };
    expect(codesOf(check({ 2025: 309 }, net))).toContain("GRATIFICATION_BELOW_MINIMUM");
  });

  it("a lump sum across 1 January must reach the sum of each year's minimum", () => {
    expect(codesOf(check({ 2025: 200, 2026: 150 }, declared(1545, "TOTAL")))).toEqual(["GRATIFICATION_MANDATORY"]);
    expect(codesOf(check({ 2025: 200, 2026: 150 }, declared(1544.99, "TOTAL")))).toContain("GRATIFICATION_BELOW_MINIMUM");
  });

  it("warns when the currency is not the euro, without blocking", () => {
    const results = check({ 2025: 309 }, declared(1, "HEURE", "USD"));
    expect(only(results, "GRATIFICATION_CURRENCY_NOT_EUR")).toMatchObject({ severity: "warning", params: { currency: "USD" } });
    expect(codesOf(results)).not.toContain("GRATIFICATION_BELOW_MINIMUM");
  });

  it("warns when a weekly amount cannot be turned into hours; a monthly one needs no weekly hours", () => {
    const results = check({ 2025: 309 }, declared(100, "SEMAINE"), { weeklyHours: null });
    expect(only(results, "GRATIFICATION_CANNOT_CONVERT").severity).toBe("warning");
    expect(codesOf(check({ 2025: 309 }, declared(4.35, "HEURE"), { weeklyHours: null }))).toEqual(["GRATIFICATION_MANDATORY"]);
    // 309 h × 4.35 = 1 344.15 € over the 4 months from 1 September to 31 December: 336.04 € a month
    expect(codesOf(check({ 2025: 309 }, declared(336.04, "MOIS"), { weeklyHours: null }))).toEqual(["GRATIFICATION_MANDATORY"]);
  });

  it.each([0, -10])("refuses an amount of %s", (amount) => {
    expect(only(check({ 2025: 100 }, declared(amount, "HEURE")), "GRATIFICATION_AMOUNT_INVALID").severity).toBe("error");
  });
});

// D124-8: the minimum is owed for each hour of presence actually done, at the rate of the year
// the hour falls in; an amount per month pays each month of the internship (a partial month
// in proportion to its calendar days, an interruption not at all) and must cover the total.
// Working days counted by hand (35 h a week = 7 h a weekday, public holidays off):
// Sep 2025 22 (Mon 1 – Tue 30), Oct 2025 23 (Wed 1 – Fri 31), Nov 2025 19 (20 weekdays − Tue 11),
// Dec 2025 22 (23 − Thu 25), Jan 2026 21 (22 − Thu 1), Feb 2026 20.
describe("an amount per month against every hour of presence (D124-8)", () => {
  it("September 2025 alone is 22 days × 7 h × 4.35 € = 669.90 €, more than 35 × 52 / 12 h", () => {
    const results = checkCalendar({ start: "2025-09-01", end: "2025-09-30" }, declared(0, "HEURE"));
    // 154 h, not above 308: only reported, with the minimum it would have
    expect(only(results, "GRATIFICATION_NOT_MANDATORY").params).toMatchObject({ hours: 154 });
    const d = computeDureeEffective({ start: "2025-09-01", end: "2025-09-30" }, { kind: "REGULAR", weeklyHours: 35 }, []);
    expect(minimumGratification(d.byYear, DEFAULT_GRATIFICATION_RATES)).toBe(669.9);
  });

  it.each([
    // [case, stage, interruptions, hours, minimum, months, minimum per month]
    // Sep + Oct 2025: (22 + 23) × 7 = 315 h × 4.35 = 1 370.25 €, over 2 months = 685.125 → 685.13 €
    ["1 Sep – 31 Oct 2025", { start: "2025-09-01", end: "2025-10-31" }, [], 315, 1370.25, 2, 685.13],
    // 15 Sep – 17 Nov 2025: (12 + 23 + 10) × 7 = 315 h, 1 370.25 €; months 16/30 + 1 + 17/30 = 2.1 → 652.50 €
    ["15 Sep – 17 Nov 2025", { start: "2025-09-15", end: "2025-11-17" }, [], 315, 1370.25, 2.1, 652.5],
    // Dec 2025 – Feb 2026: 22 × 7 = 154 h × 4.35 = 669.90 € + (21 + 20) × 7 = 287 h × 4.50 = 1 291.50 €
    // = 1 961.40 € over 3 months = 653.80 €
    ["1 Dec 2025 – 28 Feb 2026", { start: "2025-12-01", end: "2026-02-28" }, [], 441, 1961.4, 3, 653.8],
    // Sep – Nov 2025 with 20 Oct – 2 Nov off: (22 + 13 + 19) × 7 = 378 h × 4.35 = 1 644.30 €;
    // months paid 1 + 19/31 + 28/30 = 2 368/930 = 2.55 → 1 644.30 × 930 / 2 368 = 645.776… → 645.78 €
    ["Sep – Nov 2025, 2 weeks off", { start: "2025-09-01", end: "2025-11-30" }, [{ start: "2025-10-20", end: "2025-11-02" }], 378, 1644.3, 2.55, 645.78],
  ] as const)(
    "%s: the minimum a month from the real calendar, reached and missed by one cent",
    (_case, stage, interruptions, hours, minimum, months, perMonth) => {
      const atMinimum = checkCalendar(stage, declared(perMonth, "MOIS"), interruptions);
      expect(codesOf(atMinimum)).toEqual(["GRATIFICATION_MANDATORY"]);
      expect(only(atMinimum, "GRATIFICATION_MANDATORY").params).toMatchObject({ hours, minimum, months, minimumPerMonth: perMonth });
      const oneCentBelow = only(
        checkCalendar(stage, declared(Math.round(perMonth * 100 - 1) / 100, "MOIS"), interruptions),
        "GRATIFICATION_BELOW_MINIMUM_MONTHLY",
      );
      expect(oneCentBelow).toMatchObject({ severity: "error", field: "gratificationMontant" });
      expect(oneCentBelow.params).toMatchObject({ hours, minimum, months, minimumPerMonth: perMonth });
    },
  );

  it("refuses the 659.75 € a month of 35 × 52 / 12 h when September and October hold 315 h", () => {
    const below = only(checkCalendar({ start: "2025-09-01", end: "2025-10-31" }, declared(659.75, "MOIS")), "GRATIFICATION_BELOW_MINIMUM_MONTHLY");
    // 659.75 × 2 = 1 319.50 € paid, below 1 370.25 €
    expect(below.params).toMatchObject({ amount: 659.75, paid: 1319.5, minimum: 1370.25, minimumPerMonth: 685.13 });
  });

  it("a yearly amount pays a twelfth each month: 1 370.25 € over 2 months needs 8 221.50 € a year", () => {
    const stage = { start: "2025-09-01", end: "2025-10-31" };
    expect(codesOf(checkCalendar(stage, declared(8221.5, "ANNEE")))).toEqual(["GRATIFICATION_MANDATORY"]);
    // 35 × 52 h × 4.35 = 7 917 € a year was accepted; it pays 7 917 × 2 / 12 = 1 319.50 €
    const below = only(checkCalendar(stage, declared(7917, "ANNEE")), "GRATIFICATION_BELOW_MINIMUM_YEARLY");
    expect(below.params).toMatchObject({ paid: 1319.5, minimum: 1370.25, minimumPerMonth: 685.13 });
    expect(codesOf(checkCalendar(stage, declared(8221.49, "ANNEE")))).toContain("GRATIFICATION_BELOW_MINIMUM_YEARLY");
  });
});

describe("internship abroad", () => {
  it.each(["DE", "us", "BE"])("in %s: only a warning, foreign law applies", (countryCode) => {
    const results = check({ 2025: 400 }, { granted: false }, { countryCode });
    expect(codesOf(results)).toEqual(["GRATIFICATION_ABROAD"]);
    expect(only(results, "GRATIFICATION_ABROAD")).toMatchObject({
      severity: "warning",
      params: { country: countryCode.toUpperCase(), minimum: 1740 },
    });
  });

  it.each(["FR", "fr", "RE", "GP"])("in %s French law applies", (countryCode) => {
    expect(codesOf(check({ 2025: 400 }, { granted: false }, { countryCode }))).toContain("GRATIFICATION_REQUIRED");
  });
});
