// A complete, valid convention for the rules, to be changed field by field in each test.
import type { TRuleResult, TRulesInput } from "../../../src/domain/rules/index.ts";

/** 3 Mar – 27 Jun 2025, 35 h a week in France: 80 working days, 560 h, paid 4.35 € an hour. */
export function rulesInput(overrides: Partial<TRulesInput> = {}): TRulesInput {
  return {
    today: "2025-01-15",
    startDate: "2025-03-03",
    endDate: "2025-06-27",
    interruptions: [],
    horairesReguliers: true,
    weeklyHours: 35,
    irregularPeriods: [],
    saturdaysWorked: false,
    holidayZone: "METROPOLE",
    dureeEffectiveOverrideHours: null,
    countryCode: "FR",
    gratification: { granted: true, amount: 4.35, unit: "HEURE", basis: "NET", currency: "EUR" },
    birthDate: "2003-05-10",
    travailExceptionnel: { night: false, sunday: false, publicHoliday: false, telework: false, comment: null },
    hostId: 1,
    academicYear: "2024/2025",
    siret: "732 829 320 00074",
    studentConventions: [],
    tutorConventions: [],
    referentConventions: [],
    referentMaxConventions: null,
    hostConventions: [],
    hostHeadcount: null,
    hostExactHeadcount: null,
    trainingHoursPlus200: true,
    trainingHours: null,
    trainingHoursBelow200Refused: false,
    ...overrides,
  };
}

/** The codes of some results, in order. */
export function codesOf(results: readonly TRuleResult[]): string[] {
  return results.map((r) => r.code);
}

/** The one result with `code`; fails the test when there is none or several. */
export function only(results: readonly TRuleResult[], code: string): TRuleResult {
  const [first, ...others] = results.filter((r) => r.code === code);
  if (!first || others.length > 0) {
    throw new Error(`Expected one ${code} in: ${codesOf(results).join(", ") || "(none)"}`);
  }
  return first;
}
