import express, { type Express, type RequestHandler } from "express";
import type { TDatabaseKind } from "../db/create-database.ts";
import type { TJobStatus } from "../jobs/index.ts";
import { errorAnswer, notFound, requestId, type THttpLogger } from "./http-errors.ts";

/**
 * Sent with every answer. The playground's page loads only its own scripts and styles (the
 * Adaptive Cards renderer styles through the DOM, which CSP allows) and data: images.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function securityHeaders(): RequestHandler {
  return (_request, response, next) => {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
    next();
  };
}

export interface THttpDependencies {
  databaseKind: TDatabaseKind;
  /** Resolves when the database answers; rejects otherwise. */
  pingDatabase(): Promise<void>;
  /** When each scheduled job last ran and runs next, shown by /healthz. */
  jobsStatus?: () => Promise<TJobStatus[]>;
  /** Mounts the channels' routes (Slack, Teams, the playground) after /healthz. */
  mount?: (app: Express) => void;
  /** Where failures are written, with their request id: answers never carry details. */
  logger: THttpLogger;
}

/**
 * The one HTTP application: health now; Slack (/slack/events), Teams (/api/messages), the
 * playground and PDF links mount here too. No global body parser: Bolt reads raw bodies.
 */
/** What /healthz says of a job: no error text, only when it ran, how it ended and when it runs next. */
function healthOfJob(status: TJobStatus) {
  return {
    id: status.jobId,
    schedule: `${status.cron} (${status.timeZone})`,
    lastRun: status.lastRun && { status: status.lastRun.status, startedAt: status.lastRun.startedAt, finishedAt: status.lastRun.finishedAt },
    nextRun: status.nextRunLocal,
  };
}

export function createHttpApp(deps: THttpDependencies): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(requestId());
  app.use(securityHeaders());

  app.get("/healthz", async (_request, response) => {
    try {
      await deps.pingDatabase();
      const jobs = deps.jobsStatus ? (await deps.jobsStatus()).map(healthOfJob) : undefined;
      response.json({ status: "ok", db: deps.databaseKind, ...(jobs ? { jobs } : {}) });
    } catch {
      response.status(503).json({ status: "unavailable", db: deps.databaseKind });
    }
  });

  deps.mount?.(app);
  app.use(notFound());
  app.use(errorAnswer(deps.logger));
  return app;
}
