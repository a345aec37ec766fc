import { describe, expect, it } from "vitest";
import type { TRuleCode, TRulesInput } from "../../../src/domain/rules/index.ts";
import { RULE_CODES, evaluateRules, hasBlockingError } from "../../../src/domain/rules/index.ts";
import { LOCALES, hasTranslation, translate } from "../../../src/i18n/translate.ts";
import { codesOf, only, rulesInput } from "./rules-input.ts";

const MINOR = "2008-06-01";
const irregular = (hoursPerDay: number, extra: object = {}): Partial<TRulesInput> => ({
  horairesReguliers: false,
  irregularPeriods: [{ start: "2025-03-03", end: "2025-03-05", hoursPerDay, ...extra }],
});
const flags = (set: Partial<TRulesInput["travailExceptionnel"]>): Partial<TRulesInput> => ({
  travailExceptionnel: { night: false, sunday: false, publicHoliday: false, telework: false, comment: null, ...set },
});
const gratification = (set: object): Partial<TRulesInput> => ({
  gratification: { granted: true, amount: 4.35, unit: "HEURE", basis: "BRUT", currency: "EUR", ...set },
});
const otherConvention = (hours: number) => ({ hostId: 1, academicYear: "2024/2025", hours, state: "VALIDATED" as const });

// One convention per code, each a small change to the valid fixture: proves every code can
// be emitted by evaluateRules and gives every message realistic params to render.
const SCENARIOS: [TRuleCode, Partial<TRulesInput>][] = [
  ["START_DATE_MISSING", { startDate: null }],
  ["END_DATE_MISSING", { endDate: null }],
  ["DATE_INVALID", { endDate: "2025-06-31" }],
  ["END_BEFORE_START", { startDate: "2025-06-27", endDate: "2025-03-03" }],
  ["STAGE_LONGER_THAN_12_MONTHS", { endDate: "2026-03-03", gratification: { granted: false } }],
  ["START_DATE_IN_PAST", { today: "2025-03-10" }],
  ["INTERRUPTION_END_BEFORE_START", { interruptions: [{ start: "2025-04-25", end: "2025-04-14" }] }],
  ["INTERRUPTION_OUTSIDE_STAGE", { interruptions: [{ start: "2025-06-23", end: "2025-07-04" }] }],
  [
    "INTERRUPTIONS_OVERLAP",
    {
      interruptions: [
        { start: "2025-04-14", end: "2025-04-18" },
        { start: "2025-04-18", end: "2025-04-25" },
      ],
    },
  ],
  ["INTERRUPTIONS_COVER_WHOLE_STAGE", { interruptions: [{ start: "2025-03-01", end: "2025-06-30" }] }],
  ["SCHEDULE_PERIOD_END_BEFORE_START", { horairesReguliers: false, irregularPeriods: [{ start: "2025-03-14", end: "2025-03-03", hoursPerDay: 7 }] }],
  ["SCHEDULE_PERIOD_OUTSIDE_STAGE", { horairesReguliers: false, irregularPeriods: [{ start: "2025-02-24", end: "2025-03-14", hoursPerDay: 7 }] }],
  [
    "SCHEDULE_PERIODS_OVERLAP",
    {
      horairesReguliers: false,
      irregularPeriods: [
        { start: "2025-03-03", end: "2025-03-14", hoursPerDay: 7 },
        { start: "2025-03-14", end: "2025-03-21", hoursPerDay: 7 },
      ],
    },
  ],
  ["SCHEDULE_PERIOD_HOURS_INVALID", irregular(0)],
  ["WEEKLY_HOURS_INVALID", { weeklyHours: 0 }],
  ["DUREE_EFFECTIVE", {}],
  ["DUREE_EFFECTIVE_OVERRIDDEN", { dureeEffectiveOverrideHours: 500.5 }],
  ["GRATIFICATION_MANDATORY", {}],
  ["GRATIFICATION_MANDATORY_CUMULATED", { endDate: "2025-04-04", studentConventions: [otherConvention(200)] }],
  ["GRATIFICATION_NOT_MANDATORY", { endDate: "2025-04-04" }],
  ["GRATIFICATION_REQUIRED", { gratification: { granted: false } }],
  ["GRATIFICATION_BELOW_MINIMUM", gratification({ amount: 4 })],
  ["GRATIFICATION_BELOW_MINIMUM_MONTHLY", gratification({ amount: 600, unit: "MOIS" })],
  ["GRATIFICATION_BELOW_MINIMUM_YEARLY", gratification({ amount: 7000, unit: "ANNEE" })],
  ["GRATIFICATION_AMOUNT_INVALID", gratification({ amount: 0 })],
  ["GRATIFICATION_ABROAD", { countryCode: "DE", gratification: { granted: false } }],
  ["GRATIFICATION_CURRENCY_NOT_EUR", gratification({ amount: 800, unit: "MOIS", currency: "CHF" })],
  [
    "GRATIFICATION_CANNOT_CONVERT",
    {
      ...gratification({ amount: 160, unit: "SEMAINE" }),
      horairesReguliers: false,
      irregularPeriods: [{ start: "2025-03-03", end: "2025-06-27", hoursPerDay: 7 }],
      weeklyHours: null,
    },
  ],
  ["DUREE_MAX_EXCEEDED", { dureeEffectiveOverrideHours: 1000 }],
  ["DUREE_MAX_EXCEEDED_CUMULATED", { studentConventions: [otherConvention(400)] }],
  ["DAILY_HOURS_EXCEEDED", irregular(11)],
  ["WEEKLY_HOURS_EXCEEDED", { weeklyHours: 50 }],
  // 47 h over 3 Mar – 27 Jun 2025: best 12 weeks (3 Mar – 25 May) = 9 × 47 + 3 holiday weeks × 37.6 = 535.8 h → 44.65 h
  ["WEEKLY_AVERAGE_EXCEEDED", { weeklyHours: 47 }],
  ["MINOR_STUDENT", { birthDate: MINOR }],
  ["MINOR_DAILY_HOURS_EXCEEDED", { ...irregular(9), birthDate: MINOR, weeklyHours: 27 }],
  ["MINOR_WEEKLY_HOURS_EXCEEDED", { birthDate: MINOR, weeklyHours: 36 }],
  ["MINOR_NIGHT_WORK", { birthDate: MINOR, ...flags({ night: true }) }],
  ["MINOR_SUNDAY_WORK", { birthDate: MINOR, ...flags({ sunday: true }) }],
  ["MINOR_PUBLIC_HOLIDAY_WORK", { birthDate: MINOR, ...flags({ publicHoliday: true }) }],
  [
    "MINOR_TWO_REST_DAYS",
    {
      birthDate: MINOR,
      horairesReguliers: false,
      irregularPeriods: [{ start: "2025-03-03", end: "2025-03-08", hoursPerDay: 5, includesSaturdays: true }],
      weeklyHours: 30,
    },
  ],
  [
    "SUNDAY_WORK_NOT_DECLARED",
    { horairesReguliers: false, irregularPeriods: [{ start: "2025-03-03", end: "2025-03-09", hoursPerDay: 5, includesSundays: true }] },
  ],
  [
    "PUBLIC_HOLIDAY_WORK_NOT_DECLARED",
    { horairesReguliers: false, irregularPeriods: [{ start: "2025-04-21", end: "2025-04-25", hoursPerDay: 7, includesHolidays: true }] },
  ],
  ["NIGHT_WORK_NOT_DESCRIBED", flags({ night: true })],
  ["SUNDAY_WORK_NOT_DESCRIBED", flags({ sunday: true })],
  ["PUBLIC_HOLIDAY_WORK_NOT_DESCRIBED", flags({ publicHoliday: true })],
  ["TELEWORK_NOT_DESCRIBED", flags({ telework: true })],
  ["TUTEUR_QUOTA_EXCEEDED", { tutorConventions: [1, 2, 3].map(() => ({ start: "2025-01-06", end: "2025-03-31", state: "VALIDATED" as const })) }],
  ["ENSEIGNANT_QUOTA_EXCEEDED", { referentMaxConventions: 1, referentConventions: [{ start: "2025-01-06", end: "2025-03-31", state: "SUBMITTED" }] }],
  [
    "HOST_QUOTA_EXCEEDED",
    { hostHeadcount: { min: 1, max: 9 }, hostConventions: [1, 2, 3].map(() => ({ start: "2025-03-03", end: "2025-03-07", state: "VALIDATED" as const })) },
  ],
  [
    "HOST_QUOTA_HEADCOUNT_NEEDED",
    { hostHeadcount: { min: 20, max: 49 }, hostConventions: [1, 2, 3].map(() => ({ start: "2025-03-03", end: "2025-03-07", state: "VALIDATED" as const })) },
  ],
  ["HOST_QUOTA_HEADCOUNT_UNKNOWN", { hostConventions: [1, 2, 3].map(() => ({ start: "2025-03-03", end: "2025-03-07", state: "VALIDATED" as const })) }],
  ["OVERSEAS_OWN_LABOUR_LAW", { countryCode: "PF" }],
  ["TRAINING_HOURS_BELOW_200", { trainingHoursPlus200: false, trainingHours: 150 }],
  ["TRAINING_HOURS_BELOW_200_REFUSED", { trainingHoursPlus200: false, trainingHours: 150, trainingHoursBelow200Refused: true }],
  ["SIRET_FORMAT_INVALID", { siret: "732 829 320" }],
  ["SIRET_CHECKSUM_INVALID", { siret: "73282932000075" }],
];

describe("evaluateRules", () => {
  it("finds nothing wrong in a complete, valid convention, and reports the computed values", () => {
    const results = evaluateRules(rulesInput());
    expect(results.filter((r) => r.severity !== "info")).toEqual([]);
    expect(results).toEqual([
      { code: "DUREE_EFFECTIVE", severity: "info", field: "dureeEffectiveSaisie", params: { hours: 560, days: 80, months: 3.64 } },
      // 560 h × 4.35 = 2 436 €; months paid 29/31 + 1 + 1 + 27/30 = 3 567/930 = 3.84;
      // 2 436 × 930 / 3 567 = 635.121… → 635.13 € a month
      {
        code: "GRATIFICATION_MANDATORY",
        severity: "info",
        params: { hours: 560, threshold: 308, minimum: 2436, minimumPerMonth: 635.13, months: 3.84 },
      },
    ]);
  });

  it("runs what it can on an empty draft", () => {
    const empty = rulesInput({
      startDate: null,
      endDate: null,
      horairesReguliers: null,
      weeklyHours: null,
      countryCode: null,
      gratification: null,
      birthDate: null,
      hostId: null,
      academicYear: null,
      siret: null,
    });
    expect(codesOf(evaluateRules(empty))).toEqual(["START_DATE_MISSING", "END_DATE_MISSING"]);
  });

  it("lists blocking errors first, then warnings, then information", () => {
    const results = evaluateRules(rulesInput({ today: "2025-03-10", gratification: { granted: false }, siret: "1" }));
    expect(results.map((r) => r.severity)).toEqual(["error", "error", "warning", "info", "info"]);
    expect(hasBlockingError(results)).toBe(true);
    expect(hasBlockingError(evaluateRules(rulesInput()))).toBe(false);
  });

  it.each([
    [308, ["GRATIFICATION_NOT_MANDATORY"]],
    [309, ["GRATIFICATION_REQUIRED", "GRATIFICATION_MANDATORY"]],
  ])("with %s h of presence, without gratification → %o", (hours, expected) => {
    const results = evaluateRules(rulesInput({ dureeEffectiveOverrideHours: hours, gratification: { granted: false } }));
    expect(codesOf(results).filter((c) => c.startsWith("GRATIFICATION"))).toEqual(expected);
  });

  it("computes exactly 308 h from a real schedule: not mandatory", () => {
    // 2 Jun – 8 Aug 2025 at 35 h (9 Jun and 14 Jul off), 4 days of interruption: 44 days.
    const results = evaluateRules(
      rulesInput({
        startDate: "2025-06-02",
        endDate: "2025-08-08",
        interruptions: [{ start: "2025-08-04", end: "2025-08-07" }],
        gratification: { granted: false },
      }),
    );
    expect(only(results, "DUREE_EFFECTIVE").params).toEqual({ hours: 308, days: 44, months: 2 });
    expect(codesOf(results)).toContain("GRATIFICATION_NOT_MANDATORY");
    expect(hasBlockingError(results)).toBe(false);
  });

  it("uses 4.35 € for the hours of 2025 and 4.50 € for those of 2026", () => {
    // 17 Nov 2025 – 27 Feb 2026 at 35 h: 32 days in 2025 (25 Dec off) = 224 h,
    // 41 days in 2026 (1 Jan off) = 287 h; 224 × 4.35 + 287 × 4.50 = 974.40 + 1291.50.
    const crossing = { startDate: "2025-11-17", endDate: "2026-02-27", academicYear: "2025/2026" };
    const at435 = evaluateRules(rulesInput(crossing));
    expect(only(at435, "GRATIFICATION_MANDATORY").params).toMatchObject({ hours: 511, minimum: 2265.9 });
    expect(only(at435, "GRATIFICATION_BELOW_MINIMUM").params).toMatchObject({ hourlyAmount: 4.35, minimumHourly: 4.5 });
    const at450 = evaluateRules(rulesInput({ ...crossing, ...gratification({ amount: 4.5 }) }));
    expect(hasBlockingError(at450)).toBe(false);
  });

  it("takes the rates from the context", () => {
    const results = evaluateRules(rulesInput(), { gratificationRates: { 2025: 5 } });
    expect(only(results, "GRATIFICATION_BELOW_MINIMUM").params).toMatchObject({ minimumHourly: 5, minimum: 2800 });
  });

  it("warns when the student's own count replaces the computed one, and uses it", () => {
    const results = evaluateRules(rulesInput({ dureeEffectiveOverrideHours: 300 }));
    expect(only(results, "DUREE_EFFECTIVE_OVERRIDDEN")).toMatchObject({ severity: "warning", params: { hours: 300, computedHours: 560 } });
    expect(codesOf(results)).toContain("GRATIFICATION_NOT_MANDATORY");
  });

  it.each(SCENARIOS)("emits %s", (code, overrides) => {
    expect(codesOf(evaluateRules(rulesInput(overrides)))).toContain(code);
  });

  it("has a scenario for every rule code, so that none is dead", () => {
    expect(new Set(SCENARIOS.map(([code]) => code))).toEqual(new Set(RULE_CODES));
  });
});

describe("messages", () => {
  it.each(LOCALES.flatMap((locale) => RULE_CODES.map((code) => [locale, code] as const)))("%s has a message for %s", (locale, code) => {
    expect(hasTranslation(locale, `rules:${code}`)).toBe(true);
  });

  it("does not claim a translation that does not exist", () => {
    expect(hasTranslation("fr", "rules:NO_SUCH_RULE")).toBe(false);
  });

  it.each(LOCALES)("renders every emitted result in %s with all its values", (locale) => {
    for (const [, overrides] of SCENARIOS) {
      for (const result of evaluateRules(rulesInput(overrides))) {
        const message = translate(locale, `rules:${result.code}`, result.params);
        expect(message, result.code).not.toMatch(/\{\{|\}\}|undefined|NaN|rules:/);
        expect(message.length, result.code).toBeGreaterThan(20);
      }
    }
  });

  it("tells a student the threshold and the minimum, in total and per month, in French", () => {
    // 309 h × 4.35 = 1 344.15 €, over 3 567/930 months: 1 344.15 × 930 / 3 567 = 350.451… → 350.46 €
    const result = only(evaluateRules(rulesInput({ dureeEffectiveOverrideHours: 309 })), "GRATIFICATION_MANDATORY");
    expect(translate("fr", "rules:GRATIFICATION_MANDATORY", result.params)).toMatch(
      /^La gratification est obligatoire au-delà de 308 heures \(2 mois\) de présence : ce stage en compte 309\. Le minimum légal est de 1\s344,15\s€ au total, soit 350,46\s€ par mois sur 3,84 mois de stage\.$/u,
    );
    expect(translate("en", "rules:GRATIFICATION_MANDATORY", result.params)).toContain("€1,344.15 in total, that is €350.46 a month over 3.84 months");
  });

  it("names the monthly figure to reach when a monthly amount falls short", () => {
    // 600 € × 3 567/930 months = 2 301.29 € paid, below 2 436 €; at least 635.13 € a month
    const result = only(evaluateRules(rulesInput(gratification({ amount: 600, unit: "MOIS" }))), "GRATIFICATION_BELOW_MINIMUM_MONTHLY");
    expect(translate("fr", "rules:GRATIFICATION_BELOW_MINIMUM_MONTHLY", result.params)).toMatch(
      /font 2\s301,29\s€.*2\s436,00\s€.*Indiquez au moins 635,13\s€ par mois\.$/u,
    );
    expect(translate("en", "rules:GRATIFICATION_BELOW_MINIMUM_MONTHLY", result.params)).toContain("Enter at least €635.13 a month.");
    expect(hasBlockingError(evaluateRules(rulesInput(gratification({ amount: 635.13, unit: "MOIS" }))))).toBe(false);
    expect(hasBlockingError(evaluateRules(rulesInput(gratification({ amount: 635.12, unit: "MOIS" }))))).toBe(true);
  });
});
