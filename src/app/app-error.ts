import type { TAvenantFieldError } from "../domain/avenant.ts";
import type { TValidationStep } from "../domain/convention.ts";
import type { TRuleResult } from "../domain/rules/codes.ts";
import type { TFieldError } from "../domain/sections/field-error.ts";

/** Every error the application reports to a person, with its HTTP status for the adapters. */
export const APP_ERRORS = {
  NOT_FOUND: 404,
  STALE_VERSION: 409,
  FORBIDDEN: 403,
  INVALID_INPUT: 422,
  UNKNOWN_PERSON: 403,
  CONFLICT: 409,
  /** The database did not answer in time (busy or restarting): nothing was saved, try again. */
  BUSY: 503,
} as const;

export type TAppErrorCode = keyof typeof APP_ERRORS;

/** What a message interpolates: identifiers and codes, never text already formatted for one language. */
export type TAppErrorParams = Record<string, string | number>;

/** What an INVALID_INPUT names: a form's fields, an avenant request's fields, or the legal rules that block. */
export type TInvalidInput =
  | { kind: "fields"; errors: readonly TFieldError[] }
  | { kind: "avenant_fields"; errors: readonly TAvenantFieldError[] }
  | { kind: "rules"; results: readonly TRuleResult[] };

/** Who took a decision, when, and which one. */
export type TDecisionTaken<TDecision extends string> = {
  decider: { personId: number; name: string };
  decidedAt: Date;
  decision: TDecision;
};

/**
 * What a CONFLICT refused: something already done. `taken` says who did it and when; it is null
 * when the layer that refused cannot know (a store's unique constraint) or no record says.
 */
export type TConflict =
  | { kind: "step_decided"; conventionId: number; round: number; step: TValidationStep; taken: TDecisionTaken<"VALIDATED" | "REFUSED"> | null }
  | { kind: "avenant_decided"; avenantId: number; numero: number; taken: TDecisionTaken<"VALIDATED" | "REFUSED"> | null }
  | { kind: "proposal_decided"; proposalId: number; taken: TDecisionTaken<"APPLIED" | "REJECTED"> | null }
  /** Another établissement has the SIRET (the store's unique constraint). */
  | { kind: "siret_taken" }
  /** The avenant was cancelled when its convention was un-validated: it can no longer be decided. */
  | { kind: "avenant_cancelled"; avenantId: number; numero: number };

/** The data an error carries beyond its params: INVALID_INPUT's field errors or rules, CONFLICT's what/who/when. */
export type TAppErrorDetails = TInvalidInput | TConflict;

/**
 * The one error type of the application. Its code maps once to a localised message
 * (locales/<lang>/errors.json) and to an HTTP status; its stack is never shown to a user.
 * INVALID_INPUT may, and CONFLICT must, carry typed details: read them with fieldErrorsOf,
 * avenantErrorsOf, ruleResultsOf and conflictOf.
 */
export class AppError extends Error {
  override name = "AppError";
  readonly details: TAppErrorDetails | null;

  constructor(code: "INVALID_INPUT", params?: TAppErrorParams, details?: TInvalidInput);
  constructor(code: "CONFLICT", params: TAppErrorParams, details: TConflict);
  constructor(code: Exclude<TAppErrorCode, "INVALID_INPUT" | "CONFLICT">, params?: TAppErrorParams);
  constructor(
    readonly code: TAppErrorCode,
    readonly params: TAppErrorParams = {},
    details?: TAppErrorDetails,
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
    this.details = details ?? null;
  }

  get status(): number {
    return APP_ERRORS[this.code];
  }
}

function detailsOf(error: unknown): TAppErrorDetails | null {
  return error instanceof AppError ? error.details : null;
}

/** The field errors of an INVALID_INPUT on a form (a section, a host record, a reason); empty for any other error. */
export function fieldErrorsOf(error: unknown): readonly TFieldError[] {
  const details = detailsOf(error);
  return details?.kind === "fields" ? details.errors : [];
}

/** The field errors of an INVALID_INPUT on an avenant request or on its validation; empty for any other error. */
export function avenantErrorsOf(error: unknown): readonly TAvenantFieldError[] {
  const details = detailsOf(error);
  return details?.kind === "avenant_fields" ? details.errors : [];
}

/** The blocking rule results of an INVALID_INPUT on submission; empty for any other error. */
export function ruleResultsOf(error: unknown): readonly TRuleResult[] {
  const details = detailsOf(error);
  return details?.kind === "rules" ? details.results : [];
}

/** What a CONFLICT says was already done (and by whom, when); null for any other error. */
export function conflictOf(error: unknown): TConflict | null {
  const details = detailsOf(error);
  if (details === null) return null;
  switch (details.kind) {
    case "step_decided":
    case "avenant_decided":
    case "proposal_decided":
    case "siret_taken":
    case "avenant_cancelled":
      return details;
    default:
      return null;
  }
}
