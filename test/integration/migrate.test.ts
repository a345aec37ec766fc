import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { pgSession } from "../../src/db/create-database.ts";
import { applyMigrations, MigrationError, readMigrations } from "../../src/db/migrate.ts";
import { createEmptyDatabase, withClient } from "../support/test-database.ts";

const run = promisify(execFile);

async function migrationRows(url: string) {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
    );
    return rows;
  });
}

describe("migration runner on real PostgreSQL", () => {
  const databases: Array<{ drop(): Promise<void> }> = [];
  const migrations = readMigrations();

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it("applies every migration to an empty database, then nothing on a second start", async () => {
    const database = await createEmptyDatabase();
    databases.push(database);

    const first = await withClient(database.url, (client) => applyMigrations(pgSession(client)));
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));
    expect(first.alreadyApplied).toEqual([]);

    const second = await withClient(database.url, (client) => applyMigrations(pgSession(client)));
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(migrations.map((migration) => migration.name));

    const rows = await migrationRows(database.url);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    expect(rows.map((row) => row.checksum)).toEqual(migrations.map((migration) => migration.checksum));
    expect(rows.every((row) => row.applied_steps_count === 1)).toBe(true);
    const tables = await withClient(
      database.url,
      async (client) => (await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Convention'`)).rows[0],
    );
    expect(tables).toEqual({ n: 1 });
  });

  it("applies each migration once when several instances start at the same moment", async () => {
    const database = await createEmptyDatabase();
    databases.push(database);

    const reports = await Promise.all(Array.from({ length: 4 }, () => withClient(database.url, (client) => applyMigrations(pgSession(client)))));
    const appliedCounts = migrations.map((migration) => reports.filter((report) => report.applied.includes(migration.name)).length);
    expect(appliedCounts).toEqual(migrations.map(() => 1));
    expect(await migrationRows(database.url)).toHaveLength(migrations.length);
  });

  it("agrees with `prisma migrate status`", async () => {
    const database = await createEmptyDatabase();
    databases.push(database);
    await withClient(database.url, (client) => applyMigrations(pgSession(client)));

    // Offline, the Prisma CLI needs PRISMA_SCHEMA_ENGINE_BINARY (README.md, Development); .ci/run sets it.
    const { stdout } = await run("node_modules/.bin/prisma", ["migrate", "status"], {
      env: { ...process.env, DATABASE_URL: database.url },
    });
    expect(stdout).toContain("Database schema is up to date");
  }, 60_000);

  it("refuses to start over a migration that failed earlier (P3009) and applies nothing", async () => {
    const database = await createEmptyDatabase();
    databases.push(database);
    const broken = { name: "00000000000000_broken", sql: "CREATE TABLE ok_table (id int); SELECT no_such_column FROM ok_table;", checksum: "x" };

    await expect(withClient(database.url, (client) => applyMigrations(pgSession(client), [broken]))).rejects.toThrow(MigrationError);
    // The failed script ran in one implicit transaction: its first statement was rolled back too.
    const leftover = await withClient(database.url, async (client) => (await client.query(`SELECT to_regclass('ok_table') AS t`)).rows[0]);
    expect(leftover).toEqual({ t: null });
    await expect(withClient(database.url, (client) => applyMigrations(pgSession(client)))).rejects.toThrow(/P3009/);
  });

  it("refuses a migration edited after it was applied", async () => {
    const database = await createEmptyDatabase();
    databases.push(database);
    const original = { name: "00000000000001_one", sql: "CREATE TABLE one_table (id int);", checksum: "aaa" };
    await withClient(database.url, (client) => applyMigrations(pgSession(client), [original]));
    await expect(withClient(database.url, (client) => applyMigrations(pgSession(client), [{ ...original, checksum: "bbb" }]))).rejects.toThrow(/modified/);
  });
});
