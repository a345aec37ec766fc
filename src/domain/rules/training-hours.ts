// The training's teaching hours, which must reach 200 a year for an internship to be part of it.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";

// D124-2: the training includes at least 200 hours of teaching per academic year.
/** Teaching hours a year below which the training cannot include an internship (D124-2). */
export const MIN_TRAINING_HOURS = 200;

/**
 * Warns when "Plus de 200 heures" is not ticked and the hours given are below 200; refuses
 * instead when the centre de gestion says so (CentreGestion.refuseTrainingHoursBelow200).
 */
export function checkTrainingHours(plus200: boolean | null, hours: number | null, refused = false): TRuleResult[] {
  if (plus200 !== false || hours === null || !Number.isFinite(hours) || hours >= MIN_TRAINING_HOURS) return [];
  const params = { hours, min: MIN_TRAINING_HOURS };
  if (refused) return [ruleResult("TRAINING_HOURS_BELOW_200_REFUSED", "error", params, RULE_FIELDS.heuresFormation)];
  return [ruleResult("TRAINING_HOURS_BELOW_200", "warning", params, RULE_FIELDS.heuresFormation)];
}
