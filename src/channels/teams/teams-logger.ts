/** Where the Teams adapter logs (a pino logger fits; tests pass one that records). */
export interface TTeamsLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A logger that drops everything. */
export const SILENT_TEAMS_LOGGER: TTeamsLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
