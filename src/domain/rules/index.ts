// The legal rules of conventions de stage: pure functions of the convention's data.
export type { TRuleCode, TRuleResult, TRuleSeverity } from "./codes.ts";
export { RULE_CODES, RULE_FIELDS, hasBlockingError } from "./codes.ts";
export type { TDateParts, TIsoDate } from "./dates.ts";
export {
  addDays,
  addMonths,
  ageOn,
  compareIsoDates,
  daysBetween,
  eachDay,
  fromDayNumber,
  isIsoDate,
  isoDate,
  isoWeekday,
  isWithin,
  mondayOf,
  parseIsoDate,
  toDayNumber,
  yearOf,
} from "./dates.ts";
export type { THolidayZone, TWorkplace } from "./holidays.ts";
export {
  HOLIDAY_ZONES,
  frenchPublicHolidays,
  frenchPublicHolidaysBetween,
  holidayZoneOf,
  isFrenchPublicHoliday,
  isPublicHoliday,
  publicHolidays,
} from "./holidays.ts";
export { MAX_STAGE_MONTHS, checkInterruptions, checkStageDates, latestEndDate, stagePeriodOf } from "./dates-consistency.ts";
export { checkSchedule, isValidWeeklyHours, scheduleOf, workdaysPerWeek } from "./schedule.ts";
export type { TDureeEffective, TWorkedDay, TYearHours } from "./duree-effective.ts";
export { DAYS_PER_MONTH, HOURS_PER_DAY, computeDureeEffective, pickDureeEffective, workedDays } from "./duree-effective.ts";
export type { TGratificationCheck } from "./gratification.ts";
export {
  DEFAULT_GRATIFICATION_RATES,
  GRATIFICATION_THRESHOLD_HOURS,
  checkGratification,
  gratificationRateFor,
  hourlyAmount,
  hoursPerUnit,
  isGratificationMandatory,
  isInFrance,
  hasOwnLabourLaw,
  checkTerritory,
  minimumGratification,
  minimumPerMonth,
} from "./gratification.ts";
export { MONTH_UNITS, monthsOf, paidMonthUnits } from "./paid-months.ts";
export { MAX_HOURS_PER_HOST_AND_YEAR, checkDurationCap, countsTowardHostHours, otherHoursWithHost } from "./duration-cap.ts";
export type { TWorkingTimeCheck, TWorkload } from "./working-time.ts";
export {
  ADULT_MAX_AVERAGE_WEEKLY_HOURS,
  ADULT_MAX_DAILY_HOURS,
  ADULT_MAX_WEEKLY_HOURS,
  MINOR_MAX_DAILY_HOURS,
  MINOR_MAX_WEEKLY_HOURS,
  checkWorkingTime,
  isMinorOn,
  weeksWithoutTwoRestDays,
  workloadOf,
} from "./working-time.ts";
export { MAX_CONVENTIONS_PER_TUTEUR, checkTutorQuota, countsTowardTutorQuota, peakConcurrentConventions } from "./tutor-quota.ts";
export { NATIONAL_MAX_CONVENTIONS_PER_REFERENT, checkReferentQuota, referentCeiling } from "./referent-quota.ts";
export type { THeadcountBand } from "./host-quota.ts";
export { HOST_QUOTA_HEADCOUNT, SMALL_HOST_QUOTA, checkHostQuota, hostQuota, peakInternsPerWeek } from "./host-quota.ts";
export { MIN_TRAINING_HOURS, checkTrainingHours } from "./training-hours.ts";
export type { TSiretProblem } from "./siret.ts";
export { LA_POSTE_SIREN, checkSiret, isValidSiren, isValidSiret, normalizeSiret, siretProblem } from "./siret.ts";
export { DEFAULT_RULES_CONTEXT, evaluateRules } from "./evaluate.ts";
export type {
  TConventionState,
  TEntityId,
  TGratificationBasis,
  TGratificationInput,
  TGratificationRates,
  TGratificationUnit,
  TPeriod,
  TRulesContext,
  TRulesInput,
  TSchedule,
  TSchedulePeriod,
  TStudentConvention,
  TTravailExceptionnel,
  TTutorConvention,
} from "./types.ts";
