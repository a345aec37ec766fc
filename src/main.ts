import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { loadConfig, ConfigError, type TConfig } from "./config.ts";
import { createDatabase, type TDatabase } from "./db/create-database.ts";
import { seedDemo } from "./db/seed/seed-demo.ts";
import { seedReferenceData } from "./db/seed/seed-reference-data.ts";
import { createHttpApp } from "./http/create-http-app.ts";

/** Demo data goes in on the first embedded start, or always/never when configured so. */
function wantsDemoData(config: TConfig, database: TDatabase): boolean {
  if (config.DEMO_DATA === "always") return true;
  if (config.DEMO_DATA === "never") return false;
  return database.kind === "pglite";
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });

  const database = await createDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  logger.info({ db: database.kind, applied: database.migrations.applied }, "database ready");

  await seedReferenceData(database.prisma);
  if (wantsDemoData(config, database)) {
    const { created } = await seedDemo(database.prisma);
    if (created) logger.info("demo university loaded");
  }

  const app = createHttpApp({
    databaseKind: database.kind,
    pingDatabase: async () => {
      await database.prisma.$queryRaw`SELECT 1`;
    },
  });
  const server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  logger.info({ port, url: `http://localhost:${port}` }, "Stagebot is listening");

  const shutdown = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.close();
    void database.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  // A configuration error is the user's to fix: say it plainly, without a stack.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
