// Gratification (stipend): when it is mandatory, its legal minimum, and whether the declared
// amount reaches it. Money is handled in integer cents and hours in hundredths of an hour,
// so that 4.35 € × 309 h is exactly 1 344.15 €.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import type { TDureeEffective, TYearHours } from "./duree-effective.ts";
import { HOURS_PER_DAY, toCentiHours } from "./duree-effective.ts";
import { MONTH_UNITS, monthsOf, paidMonthUnits } from "./paid-months.ts";
import type { TGratificationInput, TGratificationRates, TGratificationUnit, TPeriod } from "./types.ts";

// L124-6: mandatory when the presence in the same host is more than 2 months, i.e. more than
// 308 hours (D124-6: 44 days of 7 hours), consecutive or not, in the same academic year.
/** Hours of presence up to which the gratification is not mandatory (L124-6): 308 is not, 309 is. */
export const GRATIFICATION_THRESHOLD_HOURS = 308;

// D124-8 / CSS L242-4-1: 15 % of the hourly social-security ceiling, set every 1 January.
/** Legal minimum per hour of presence, in euros, by calendar year; the admin may configure another table. */
export const DEFAULT_GRATIFICATION_RATES: TGratificationRates = { 2024: 4.35, 2025: 4.35, 2026: 4.5 };

// French internship law (Code de l'éducation L124-1 to L124-20), hence the mandatory
// gratification, applies in metropolitan France, in the overseas départements (Guadeloupe,
// Martinique, Guyane, La Réunion, Mayotte: Constitution art. 73, laws apply as of right), and in
// Saint-Barthélemy, Saint-Martin and Saint-Pierre-et-Miquelon, where laws and regulations apply
// as of right outside the collectivity's own fields (CGCT LO6213-1, LO6313-1, LO6413-1), which
// include neither education nor labour law. Country lists give them their own ISO codes.
const FRENCH_LAW_COUNTRIES = new Set(["FR", "GP", "MQ", "GF", "RE", "YT", "BL", "MF", "PM"]);

// Nouvelle-Calédonie (labour law is its own: loi organique n° 99-209, art. 22), Polynésie
// française (loi organique n° 2004-192, art. 13 and 14) and Wallis-et-Futuna (the overseas
// labour code of loi n° 52-1322 of 15 December 1952) are French but have their own labour law:
// the Code du travail and the internship articles of the Code de l'éducation do not apply as such.
const OWN_LABOUR_LAW_TERRITORIES = new Set(["NC", "PF", "WF"]);

/** True when the internship takes place where French law applies (null is read as France). */
export function isInFrance(countryCode: string | null): boolean {
  return countryCode === null || FRENCH_LAW_COUNTRIES.has(countryCode.trim().toUpperCase());
}

/** True for Nouvelle-Calédonie, Polynésie française and Wallis-et-Futuna: French, with their own labour law. */
export function hasOwnLabourLaw(countryCode: string | null): boolean {
  return countryCode !== null && OWN_LABOUR_LAW_TERRITORIES.has(countryCode.trim().toUpperCase());
}

/** Warns that the local labour law of Nouvelle-Calédonie, Polynésie française or Wallis-et-Futuna applies. */
export function checkTerritory(countryCode: string | null): TRuleResult[] {
  if (!hasOwnLabourLaw(countryCode)) return [];
  return [ruleResult("OVERSEAS_OWN_LABOUR_LAW", "warning", { country: (countryCode ?? "").trim().toUpperCase() }, RULE_FIELDS.pays)];
}

/** True when `hours` of presence make the gratification mandatory: more than 308 (L124-6). */
export function isGratificationMandatory(hours: number): boolean {
  return toCentiHours(hours) > GRATIFICATION_THRESHOLD_HOURS * 100;
}

/**
 * The minimum per hour, in euros, for hours done in `year`. A year missing from the table
 * takes the rate of the latest earlier year (the rate stays in force until a new one is
 * set); a year before the whole table takes its earliest rate.
 */
export function gratificationRateFor(year: number, rates: TGratificationRates): number {
  const years = Object.keys(rates)
    .map(Number)
    .sort((a, b) => a - b);
  const applicable = years.filter((y) => y <= year).at(-1) ?? years[0];
  const rate = applicable === undefined ? undefined : rates[applicable];
  if (rate === undefined) throw new Error("The gratification rate table is empty");
  return rate;
}

function rateCentsFor(year: number, rates: TGratificationRates): number {
  return Math.round(gratificationRateFor(year, rates) * 100);
}

/** The legal minimum for the whole internship, in euros: Σ hours done in a year × that year's rate. */
export function minimumGratification(byYear: readonly TYearHours[], rates: TGratificationRates): number {
  const hundredthsOfCents = byYear.reduce((sum, y) => sum + rateCentsFor(y.year, rates) * toCentiHours(y.hours), 0);
  // A fraction of a cent is rounded up: the minimum must be reached, not approached.
  return Math.ceil(hundredthsOfCents / 100) / 100;
}

/** How many hours one unit of the gratification covers, as centi-hours / divisor (kept exact). */
type TUnitHours = { centiHours: number; divisor: number };

/**
 * The hours one unit of a declared gratification covers: JOUR = 7 h (D124-6), SEMAINE = the
 * weekly hours, TOTAL = the durée effective. Null when it cannot be known (no weekly hours,
 * no hours at all). MOIS and ANNEE cover no fixed number of hours (D124-8: the minimum is
 * owed per hour actually done): they are compared over the whole internship instead.
 */
export function hoursPerUnit(unit: Exclude<TGratificationUnit, "MOIS" | "ANNEE">, weeklyHours: number | null, totalHours: number): TUnitHours | null {
  const knownWeekly = weeklyHours !== null && Number.isFinite(weeklyHours) && weeklyHours > 0;
  const perUnit: Record<typeof unit, TUnitHours | null> = {
    HEURE: { centiHours: 100, divisor: 1 },
    JOUR: { centiHours: HOURS_PER_DAY * 100, divisor: 1 },
    SEMAINE: knownWeekly ? { centiHours: toCentiHours(weeklyHours), divisor: 1 } : null,
    TOTAL: totalHours > 0 ? { centiHours: toCentiHours(totalHours), divisor: 1 } : null,
  };
  return perUnit[unit];
}

/**
 * The legal minimum of a stipend paid per month, in euros: the whole internship's minimum
 * spread over the months paid (L124-6: paid monthly; D124-8: "lissage" must still cover every
 * hour), rounded up to the cent. The whole minimum when no month is paid.
 */
export function minimumPerMonth(minimum: number, monthUnits: number): number {
  if (monthUnits <= 0) return minimum;
  return Math.ceil((Math.round(minimum * 100) * MONTH_UNITS) / monthUnits) / 100;
}

/** The declared amount per hour, in euros, rounded down to the cent (never shown above what it is). */
export function hourlyAmount(amount: number, unitHours: TUnitHours): number {
  const amountCents = Math.round(amount * 100);
  return Math.floor((amountCents * unitHours.divisor * 100) / unitHours.centiHours) / 100;
}

// NET and BRUT are compared alike: up to the minimum the gratification bears no social
// contribution (CSS L242-4-1), so a net amount reaches the minimum exactly when the gross does.
function reachesRate(amount: number, unitHours: TUnitHours, rateCents: number): boolean {
  const amountCents = Math.round(amount * 100);
  return amountCents * unitHours.divisor * 100 >= rateCents * unitHours.centiHours;
}

/** Input of the gratification rule. */
export type TGratificationCheck = {
  duree: TDureeEffective;
  /** Hours in the same host and academic year, this convention included (L124-6 adds them up). */
  cumulatedHours: number;
  countryCode: string | null;
  gratification: TGratificationInput | null;
  weeklyHours: number | null;
  rates: TGratificationRates;
  /** The stage's dates and interruptions: the months a stipend per month pays for. */
  stage: TPeriod;
  interruptions: readonly TPeriod[];
};

/** Says whether the gratification is mandatory and its minimum, and checks the declared amount. */
export function checkGratification(check: TGratificationCheck): TRuleResult[] {
  const { duree, gratification } = check;
  const hours = duree.hours;
  const threshold = GRATIFICATION_THRESHOLD_HOURS;
  const minimum = minimumGratification(duree.byYear, check.rates);
  const monthUnits = paidMonthUnits(check.stage, check.interruptions);
  const perMonth = { minimumPerMonth: minimumPerMonth(minimum, monthUnits), months: monthsOf(monthUnits) };
  const mandatoryAlone = isGratificationMandatory(hours);
  const results: TRuleResult[] = [];
  if (gratification?.granted === true && gratification.amount !== null && !(gratification.amount > 0)) {
    const params = { amount: gratification.amount };
    results.push(ruleResult("GRATIFICATION_AMOUNT_INVALID", "error", params, RULE_FIELDS.gratificationMontant));
  }
  if (!mandatoryAlone && !isGratificationMandatory(check.cumulatedHours)) {
    return [...results, ruleResult("GRATIFICATION_NOT_MANDATORY", "info", { hours, threshold })];
  }
  // The territory's own rules: OVERSEAS_OWN_LABOUR_LAW says so, not "abroad".
  if (hasOwnLabourLaw(check.countryCode)) return results;
  if (!isInFrance(check.countryCode)) {
    const params = { country: (check.countryCode ?? "").toUpperCase(), hours, threshold, minimum };
    return [...results, ruleResult("GRATIFICATION_ABROAD", "warning", params, RULE_FIELDS.pays)];
  }
  results.push(
    mandatoryAlone
      ? ruleResult("GRATIFICATION_MANDATORY", "info", { hours, threshold, minimum, ...perMonth })
      : ruleResult("GRATIFICATION_MANDATORY_CUMULATED", "info", {
          hours,
          cumulatedHours: check.cumulatedHours,
          threshold,
          minimum,
          ...perMonth,
        }),
  );
  if (gratification?.granted === false) {
    const params = { hours, threshold, minimum, ...perMonth };
    results.push(ruleResult("GRATIFICATION_REQUIRED", "error", params, RULE_FIELDS.gratification));
  }
  if (gratification?.granted === true) results.push(...checkDeclaredAmount(check, gratification, minimum, monthUnits));
  return results;
}

function checkDeclaredAmount(
  check: TGratificationCheck,
  declared: Extract<TGratificationInput, { granted: true }>,
  minimum: number,
  monthUnits: number,
): TRuleResult[] {
  const { amount, unit } = declared;
  if (amount === null || unit === null || !(amount > 0)) return [];
  const currency = (declared.currency ?? "EUR").trim().toUpperCase();
  if (currency !== "EUR") {
    const params = { currency, minimum };
    return [ruleResult("GRATIFICATION_CURRENCY_NOT_EUR", "warning", params, RULE_FIELDS.gratificationDevise)];
  }
  if (unit === "MOIS" || unit === "ANNEE") return checkPerMonth(check.duree.hours, amount, unit, minimum, monthUnits);
  const unitHours = hoursPerUnit(unit, check.weeklyHours, check.duree.hours);
  if (unitHours === null) {
    return [ruleResult("GRATIFICATION_CANNOT_CONVERT", "warning", { minimum }, RULE_FIELDS.gratificationUnite)];
  }
  // The minimum holds for every hour: with a rate per hour, day, week, month or year each
  // year's hours must reach that year's rate; a lump sum must reach the whole minimum.
  const rateCents = check.duree.byYear.filter((y) => y.hours > 0).map((y) => rateCentsFor(y.year, check.rates));
  const failingRates = rateCents.filter((cents) => !reachesRate(amount, unitHours, cents));
  const below = unit === "TOTAL" ? Math.round(amount * 100) < Math.round(minimum * 100) : failingRates.length > 0;
  if (!below) return [];
  const params = {
    amount,
    hours: check.duree.hours,
    hourlyAmount: hourlyAmount(amount, unitHours),
    minimumHourly: Math.max(...(failingRates.length > 0 ? failingRates : rateCents)) / 100,
    minimum,
  };
  return [ruleResult("GRATIFICATION_BELOW_MINIMUM", "error", params, RULE_FIELDS.gratificationMontant)];
}

// L124-6, D124-8: an amount per month (or per year, a twelfth of it each month) is paid for
// each month of presence; over the internship it must reach every hour's minimum at the rate
// of the year the hour is done, whether the host pays each month's hours or spreads them.
function checkPerMonth(hours: number, amount: number, unit: "MOIS" | "ANNEE", minimum: number, monthUnits: number): TRuleResult[] {
  const monthsPerUnit = unit === "ANNEE" ? 12 : 1;
  const amountCents = Math.round(amount * 100);
  const reached = amountCents * monthUnits >= Math.round(minimum * 100) * MONTH_UNITS * monthsPerUnit;
  if (reached) return [];
  // What the declared amount pays over the months of the internship, rounded down to the cent.
  const paid = Math.floor((amountCents * monthUnits) / (MONTH_UNITS * monthsPerUnit)) / 100;
  const params = { amount, hours, months: monthsOf(monthUnits), paid, minimum, minimumPerMonth: minimumPerMonth(minimum, monthUnits) };
  const code = unit === "MOIS" ? "GRATIFICATION_BELOW_MINIMUM_MONTHLY" : "GRATIFICATION_BELOW_MINIMUM_YEARLY";
  return [ruleResult(code, "error", params, RULE_FIELDS.gratificationMontant)];
}
