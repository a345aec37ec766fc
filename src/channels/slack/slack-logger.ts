import { LogLevel, type Logger } from "@slack/bolt";

// The Slack adapter logs like the rest of Stagebot (pino: details first, then the message);
// Bolt and the Web API client want @slack/logger's interface: this file bridges the two.

/** Where the Slack adapter logs (a pino logger fits; tests pass one that records). */
export interface TSlackLogger {
  debug(details: object, message: string): void;
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A logger that drops everything. */
export const SILENT_SLACK_LOGGER: TSlackLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const RANK: Readonly<Record<LogLevel, number>> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

function details(parts: readonly unknown[]): { details: object; message: string } {
  const errors = parts.filter((part): part is Error => part instanceof Error);
  const message = parts
    .filter((part) => !(part instanceof Error))
    .map((part) => (typeof part === "string" ? part : JSON.stringify(part)))
    .join(" ");
  return { details: errors[0] ? { err: errors[0] } : {}, message: message || (errors[0]?.message ?? "") };
}

/** Bolt's and the Web API client's logger, writing to ours (debug lines only when asked for). */
export function boltLogger(logger: TSlackLogger, initialLevel: LogLevel = LogLevel.INFO): Logger {
  let level = initialLevel;
  let name = "slack";
  const write = (at: LogLevel, parts: unknown[]): void => {
    if (RANK[at] < RANK[level]) return;
    const line = details(parts);
    logger[at]({ component: name, ...line.details }, line.message);
  };
  return {
    debug: (...parts: unknown[]) => write(LogLevel.DEBUG, parts),
    info: (...parts: unknown[]) => write(LogLevel.INFO, parts),
    warn: (...parts: unknown[]) => write(LogLevel.WARN, parts),
    error: (...parts: unknown[]) => write(LogLevel.ERROR, parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
