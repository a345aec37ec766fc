import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { applyMigrations, type TMigrationReport, type TSqlSession } from "./migrate.ts";

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
}

/** Opens the database, applies pending migrations, and returns a ready Prisma client. */
export async function createDatabase(options: TDatabaseOptions): Promise<TDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(resolve(options.dataDir ?? "data"));
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<TDatabase> {
  // Migrations hold a session-level advisory lock: they need one dedicated connection.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let migrations: TMigrationReport;
  try {
    migrations = await applyMigrations(pgSession(client));
  } finally {
    await client.end();
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
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

async function openPglite(dataDir: string): Promise<TDatabase> {
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
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 1 }) });
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
