import express, { type Express } from "express";
import type { TDatabaseKind } from "../db/create-database.ts";

export interface THttpDependencies {
  databaseKind: TDatabaseKind;
  /** Resolves when the database answers; rejects otherwise. */
  pingDatabase(): Promise<void>;
  /** Mounts the channels' routes (Slack, Teams, the playground) after /healthz. */
  mount?: (app: Express) => void;
}

/**
 * The one HTTP application: health now; Slack (/slack/events), Teams (/api/messages), the
 * playground and PDF links mount here too. No global body parser: Bolt reads raw bodies.
 */
export function createHttpApp(deps: THttpDependencies): Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", async (_request, response) => {
    try {
      await deps.pingDatabase();
      response.json({ status: "ok", db: deps.databaseKind });
    } catch {
      response.status(503).json({ status: "unavailable", db: deps.databaseKind });
    }
  });

  deps.mount?.(app);
  return app;
}
