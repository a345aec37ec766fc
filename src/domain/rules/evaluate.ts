// Runs every legal rule the convention's data allows, for the live checks and the recap.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";
import { isIsoDate } from "./dates.ts";
import { checkInterruptions, checkStageDates, stagePeriodOf } from "./dates-consistency.ts";
import { checkDurationCap, otherHoursWithHost } from "./duration-cap.ts";
import type { TDureeEffective } from "./duree-effective.ts";
import { computeDureeEffective, pickDureeEffective, toCentiHours, workedDays } from "./duree-effective.ts";
import { DEFAULT_GRATIFICATION_RATES, checkGratification, checkTerritory } from "./gratification.ts";
import { checkHostQuota } from "./host-quota.ts";
import { checkReferentQuota } from "./referent-quota.ts";
import { checkSchedule, isValidWeeklyHours, scheduleOf, workdaysPerWeek } from "./schedule.ts";
import { checkSiret } from "./siret.ts";
import { checkTrainingHours } from "./training-hours.ts";
import { checkTutorQuota } from "./tutor-quota.ts";
import type { TPeriod, TRulesContext, TRulesInput } from "./types.ts";
import { checkWorkingTime, workloadOf } from "./working-time.ts";

/** The context with the default yearly rates, for callers without a configured table. */
export const DEFAULT_RULES_CONTEXT: TRulesContext = { gratificationRates: DEFAULT_GRATIFICATION_RATES };

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Evaluates the legal rules on a convention: blocking errors first, then warnings, then the
 * computed values (info) the recap shows. Rules whose data is missing are skipped.
 */
export function evaluateRules(input: TRulesInput, context: TRulesContext = DEFAULT_RULES_CONTEXT): TRuleResult[] {
  const stage = stagePeriodOf(input.startDate, input.endDate);
  const results: TRuleResult[] = [...checkStageDates(input), ...checkInterruptions(input.interruptions, stage), ...checkSchedule(input, stage)];
  const duree = stage ? dureeEffectiveOf(input, stage) : null;
  if (stage && duree) {
    results.push(...dureeResults(duree.computed, duree.effective));
    const otherHours = otherHoursWithHost(input.studentConventions, input.hostId, input.academicYear);
    results.push(
      ...checkGratification({
        duree: duree.effective,
        cumulatedHours: (toCentiHours(duree.effective.hours) + toCentiHours(otherHours)) / 100,
        countryCode: input.countryCode,
        gratification: input.gratification,
        weeklyHours: isValidWeeklyHours(input.weeklyHours) ? input.weeklyHours : null,
        rates: context.gratificationRates,
        stage,
        interruptions: input.interruptions,
      }),
      ...checkDurationCap(duree.effective.hours, otherHours),
    );
  }
  if (input.birthDate !== null && !isIsoDate(input.birthDate)) {
    results.push(ruleResult("DATE_INVALID", "error", { value: input.birthDate }, RULE_FIELDS.dateNaissance));
  }
  results.push(...workingTimeResults(input, stage));
  if (stage) results.push(...checkTutorQuota(stage, input.tutorConventions));
  if (stage) results.push(...checkReferentQuota(stage, input.referentConventions, input.referentMaxConventions));
  if (stage) results.push(...checkHostQuota(stage, input.hostConventions, input.hostHeadcount, input.hostExactHeadcount));
  results.push(...checkTerritory(input.countryCode));
  results.push(...checkTrainingHours(input.trainingHoursPlus200, input.trainingHours, input.trainingHoursBelow200Refused));
  results.push(...checkSiret(input.siret));
  // Array.prototype.sort is stable: within a severity the rules keep their order.
  return results.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

// The durée effective is known once the schedule is, or once the student typed it in.
function dureeEffectiveOf(input: TRulesInput, stage: TPeriod): { computed: TDureeEffective | null; effective: TDureeEffective } | null {
  const schedule = scheduleOf(input);
  const override = input.dureeEffectiveOverrideHours;
  const hasOverride = override !== null && Number.isFinite(override) && override >= 0;
  if (schedule === null && !hasOverride) return null;
  const computed = computeDureeEffective(stage, schedule, input.interruptions);
  return { computed: schedule === null ? null : computed, effective: pickDureeEffective(computed, override) };
}

function dureeResults(computed: TDureeEffective | null, effective: TDureeEffective): TRuleResult[] {
  const { hours, days, months } = effective;
  const results = [ruleResult("DUREE_EFFECTIVE", "info", { hours, days, months }, RULE_FIELDS.dureeEffective)];
  if (computed && effective.source === "OVERRIDE" && toCentiHours(computed.hours) !== toCentiHours(hours)) {
    const params = { hours, computedHours: computed.hours };
    results.push(ruleResult("DUREE_EFFECTIVE_OVERRIDDEN", "warning", params, RULE_FIELDS.dureeEffective));
  }
  return results;
}

function workingTimeResults(input: TRulesInput, stage: TPeriod | null): TRuleResult[] {
  const schedule = scheduleOf(input);
  const days = stage && schedule ? workedDays(stage, schedule, input.interruptions) : [];
  const weeklyHours = isValidWeeklyHours(input.weeklyHours) ? input.weeklyHours : null;
  return checkWorkingTime({
    workload: workloadOf(days, weeklyHours, workdaysPerWeek(input), input.holidayZone),
    birthDate: input.birthDate,
    startDate: stage?.start ?? null,
    travailExceptionnel: input.travailExceptionnel,
  });
}
