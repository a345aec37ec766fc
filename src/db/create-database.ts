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
  /** Told when the database did not answer in time (the caller gets AppError BUSY). */
  onBusy?: (error: unknown) => void;
  /** Bounded waits, in ms (tests shorten them). */
  limits?: Partial<TDatabaseLimits>;
}

/** How long anything may wait on the database, in ms. */
export interface TDatabaseLimits {
  /** A statement running longer is cancelled (PostgreSQL statement_timeout). */
  statementMs: number;
  /** Waiting longer for a row or table lock fails (lock_timeout). */
  lockMs: number;
  /** Waiting longer for a connection of the pool fails. */
  connectionMs: number;
  /** A transaction that cannot start within this fails. */
  transactionStartMs: number;
  /** A transaction running longer is rolled back. */
  transactionMs: number;
}

// Nothing a person is waiting for may hang: every wait fails after a few seconds with BUSY, and
// the person is asked to try again.
export const DATABASE_LIMITS: TDatabaseLimits = { statementMs: 15_000, lockMs: 5_000, connectionMs: 5_000, transactionStartMs: 5_000, transactionMs: 15_000 };

/** A Prisma client whose outer queries refuse to run inside a transaction, with bounded waits. */
function guardedClient(connection: { connectionString: string; max: number }, options: TDatabaseOptions): PrismaClient {
  const limits = { ...DATABASE_LIMITS, ...options.limits };
  const pool = {
    ...connection,
    statement_timeout: limits.statementMs,
    lock_timeout: limits.lockMs,
    idle_in_transaction_session_timeout: Math.max(60_000, limits.transactionMs * 2),
    connectionTimeoutMillis: limits.connectionMs,
  };
  const adapter = guardAdapterFactory(new PrismaPg(pool), options.onBusy);
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: limits.transactionStartMs, timeout: limits.transactionMs } });
  return guardTransactions(prisma, options.onBusy);
}

/** Opens the database, applies pending migrations, and returns a ready Prisma client. */
export async function createDatabase(options: TDatabaseOptions): Promise<TDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  return openPglite(resolve(options.dataDir ?? "data"), options);
}

async function openPostgres(databaseUrl: string, options: TDatabaseOptions): Promise<TDatabase> {
  // Migrations hold a session-level advisory lock: they need one dedicated connection.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let migrations: TMigrationReport;
  try {
    migrations = await applyMigrations(pgSession(client));
  } finally {
    await client.end();
  }
  const prisma = guardedClient({ connectionString: databaseUrl, max: options.poolSize ?? 10 }, options);
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

async function openPglite(dataDir: string, options: TDatabaseOptions): Promise<TDatabase> {
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
  const prisma = guardedClient({ connectionString, max: 1 }, options);
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
