import { describe, expect, it } from "vitest";
import type { TDureeEffective, TGratificationInput, TGratificationUnit } from "../../../src/domain/rules/index.ts";
import {
  DEFAULT_GRATIFICATION_RATES,
  checkGratification,
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
    ...more,
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
    ["MOIS", 659.75, 659.74], // 35 × 52 / 12 = 151.67 h
    ["ANNEE", 7917, 7916.99], // 35 × 52 h
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

  it("across 1 January 2026 a monthly amount must reach 4.50 €/h for 2026's hours", () => {
    expect(only(check({ 2025: 200, 2026: 150 }, declared(659.75, "MOIS")), "GRATIFICATION_BELOW_MINIMUM").params).toMatchObject({
      minimumHourly: 4.5,
      minimum: 1545, // 200 × 4.35 + 150 × 4.50
    });
    expect(codesOf(check({ 2025: 200, 2026: 150 }, declared(682.5, "MOIS")))).toEqual(["GRATIFICATION_MANDATORY"]);
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

  it("warns when a weekly, monthly or yearly amount cannot be turned into hours", () => {
    const results = check({ 2025: 309 }, declared(100, "MOIS"), { weeklyHours: null });
    expect(only(results, "GRATIFICATION_CANNOT_CONVERT").severity).toBe("warning");
    expect(codesOf(check({ 2025: 309 }, declared(4.35, "HEURE"), { weeklyHours: null }))).toEqual(["GRATIFICATION_MANDATORY"]);
  });

  it.each([0, -10])("refuses an amount of %s", (amount) => {
    expect(only(check({ 2025: 100 }, declared(amount, "HEURE")), "GRATIFICATION_AMOUNT_INVALID").severity).toBe("error");
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
