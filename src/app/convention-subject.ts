import { authorize, type TAction, type TActor, type TConventionSubject } from "../domain/permissions.ts";
import { AppError } from "./app-error.ts";
import type { TStoredConvention } from "./ports/conventions.ts";

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

/** Throws FORBIDDEN (with the matrix's reason) unless `actor` may do `action` on `convention`: checked before any write. */
export function assertAllowed(actor: TActor, action: TAction, convention: TStoredConvention): void {
  const permission = authorize(actor, action, conventionSubject(convention));
  if (!permission.allowed) throw new AppError("FORBIDDEN", { reason: permission.code });
}
