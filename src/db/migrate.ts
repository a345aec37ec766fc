import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The smallest SQL session the runner needs: one connection, simple and parameterised queries. */
export interface TSqlSession {
  query<Row extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  /** Runs a whole script as ONE simple query: multi-statement, one implicit transaction. */
  exec(script: string): Promise<void>;
}

export interface TMigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface TMigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

/** Prisma Migrate's own advisory lock id: our runner and `prisma migrate deploy` exclude each other. */
const PRISMA_MIGRATE_LOCK_ID = 72707369;

export const DEFAULT_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "migrations");

// Same DDL as Prisma Migrate, so `prisma migrate status` reads our records as its own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Reads prisma/migrations/<name>/migration.sql in name order, with Prisma's checksum (sha256 hex). */
export function readMigrations(dir: string = DEFAULT_MIGRATIONS_DIR): TMigrationFile[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Raised when the database holds a failed migration (Prisma's P3009) or a migration that was edited. */
export class MigrationError extends Error {
  override name = "MigrationError";
}

interface TAppliedRow extends Record<string, unknown> {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations, recorded in `_prisma_migrations` exactly as Prisma Migrate does,
 * under Prisma's advisory lock so that instances starting together apply each migration once.
 */
export async function applyMigrations(session: TSqlSession, migrations: TMigrationFile[] = readMigrations()): Promise<TMigrationReport> {
  await session.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  try {
    await session.exec(CREATE_MIGRATIONS_TABLE);
    const { rows } = await session.query<TAppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    assertNoFailedMigration(rows);
    const done = new Map(rows.filter((row) => row.finished_at !== null && row.rolled_back_at === null).map((row) => [row.migration_name, row]));
    const report: TMigrationReport = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new MigrationError(`Migration ${migration.name} was modified after it was applied (checksum differs).`);
        }
        report.alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(session, migration);
      report.applied.push(migration.name);
    }
    return report;
  } finally {
    await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_ID]);
  }
}

function assertNoFailedMigration(rows: TAppliedRow[]): void {
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and was not rolled back (Prisma P3009). ` +
        `Fix the database, then mark it with \`prisma migrate resolve\`.`,
    );
  }
}

async function applyOne(session: TSqlSession, migration: TMigrationFile): Promise<void> {
  const id = randomUUID();
  await session.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
    id,
    migration.checksum,
    migration.name,
  ]);
  try {
    await session.exec(migration.sql);
  } catch (error) {
    const logs = error instanceof Error ? error.message : String(error);
    await session.query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, logs]);
    throw new MigrationError(`Migration ${migration.name} failed: ${logs}`);
  }
  await session.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
}
