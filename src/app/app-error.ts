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

/**
 * The one error type of the application. Its code maps once to a localised message
 * (locales/<lang>/errors.json) and to an HTTP status; its stack is never shown to a user.
 */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: TAppErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Field errors or rule results, for INVALID_INPUT. */
    readonly details: unknown[] = [],
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
  }

  get status(): number {
    return APP_ERRORS[this.code];
  }
}
