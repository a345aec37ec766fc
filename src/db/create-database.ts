import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyMigrations, type TMigrationReport, type TSqlSession } from "./migrate.ts";
import { guardAdapterFactory, guardTransactions } from "./transaction-guard.ts";

export type TDatabaseKind = "postgres" | "pglite";

/** The application's database: a Prisma client plus what it runs on. */
export interface TDatabase {
  prisma: PrismaClient;
  kind: TDatabaseKind;
  migrations: TMigrationReport;
  close(): Promise<void>;
}

export interface TDatabaseOptions {
  /** PostgreSQL URL; when absent, an embedded PGlite database under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** Connection pool size on PostgreSQL. */
  poolSize?: number;
  /** Told when a transaction could not start or finish in time (the caller gets AppError BUSY). */
  onBusy?: (error: unknown) => void;
}

// Bounded waits: nothing a person is waiting for may hang. A statement or a lock that takes
// longer fails; a connection not obtained in time fails; a transaction that cannot start within
// TRANSACTION_MAX_WAIT_MS, or runs longer than TRANSACTION_TIMEOUT_MS, is rolled back.
export const STATEMENT_TIMEOUT_MS = 15_000;
export const LOCK_TIMEOUT_MS = 5_000;
export const CONNECTION_TIMEOUT_MS = 5_000;
export const TRANSACTION_MAX_WAIT_MS = 5_000;
export const TRANSACTION_TIMEOUT_MS = 15_000;

const POOL_LIMITS = {
  statement_timeout: STATEMENT_TIMEOUT_MS,
  lock_timeout: LOCK_TIMEOUT_MS,
  idle_in_transaction_session_timeout: 60_000,
  connectionTimeoutMillis: CONNECTION_TIMEOUT_MS,
} as const;

/** A Prisma client whose outer queries refuse to run inside a transaction, with bounded waits. */
function guardedClient(pool: ConstructorParameters<typeof PrismaPg>[0], onBusy: TDatabaseOptions["onBusy"]): PrismaClient {
  const adapter = guardAdapterFactory(new PrismaPg(pool));
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS } });
  return guardTransactions(prisma, onBusy);
}

/** Opens the database, applies pending migrations, and returns a ready Prisma client. */
export async function createDatabase(options: TDatabaseOptions): Promise<TDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10, options.onBusy);
  return openPglite(resolve(options.dataDir ?? "data"), options.onBusy);
}

async function openPostgres(databaseUrl: string, poolSize: number, onBusy: TDatabaseOptions["onBusy"]): Promise<TDatabase> {
  // Migrations hold a session-level advisory lock: they need one dedicated connection.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let migrations: TMigrationReport;
  try {
    migrations = await applyMigrations(pgSession(client));
  } finally {
    await client.end();
  }
  const prisma = guardedClient({ connectionString: databaseUrl, max: poolSize, ...POOL_LIMITS }, onBusy);
  return { prisma, kind: "postgres", migrations, close: () => prisma.$disconnect() };
}

/** A `pg` client seen as a migration session. */
export function pgSession(client: pg.Client | pg.PoolClient): TSqlSession {
  return {
    query: async <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) => {
      const result = await client.query<Row>(sql, params);
      return { rows: result.rows };
    },
    // Without parameters pg sends a simple query: multi-statement, one implicit transaction.
    exec: async (script: string) => {
      await client.query(script);
    },
  };
}

async function openPglite(dataDir: string, onBusy: TDatabaseOptions["onBusy"]): Promise<TDatabase> {
  // Loaded only in embedded mode: PGlite's WebAssembly is large.
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const migrations = await applyMigrations({
    query: async <Row extends Record<string, unknown>>(sql: string, params?: unknown[]) => ({
      rows: (await db.query<Row>(sql, params)).rows,
    }),
    exec: async (script: string) => {
      await db.exec(script);
    },
  });
  // PGlite is a single session: one socket connection and a pool of one.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 1 });
  await server.start();
  const connectionString = `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  const prisma = guardedClient({ connectionString, max: 1, ...POOL_LIMITS }, onBusy);
  return {
    prisma,
    kind: "pglite",
    migrations,
    close: async () => {
      await prisma.$disconnect();
      await server.stop();
      await db.close();
    },
  };
}
