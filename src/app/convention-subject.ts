import type { TConventionSubject } from "../domain/permissions.ts";
import type { TStoredConvention } from "./ports.ts";

/** The facts of a stored convention that the permission matrix reads. */
export function conventionSubject(convention: TStoredConvention): TConventionSubject {
  return {
    studentId: convention.studentId,
    enseignantId: convention.values.enseignantId,
    centreId: convention.centreId,
    state: convention.state,
    validatedStepsThisRound: convention.validatedStepsThisRound,
    currentStep: convention.currentStep,
    studentsMayRequestAvenant: convention.studentsMayRequestAvenant,
  };
}
