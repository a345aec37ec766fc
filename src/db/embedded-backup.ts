// Backups of the embedded database (PGlite): its whole data directory as one gzipped tar, and
// a fresh data directory loaded from such a file. PostgreSQL has pg_dump / pg_restore (README).
// The app must be stopped meanwhile: PGlite is one process's database.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

/** Why a restore was refused. */
export class BackupRefused extends Error {
  override name = "BackupRefused";
  constructor(
    readonly code: "target_not_empty" | "dump_unreadable" | "source_missing",
    detail: string,
  ) {
    super(detail);
  }
}

/** Writes the embedded database of `dataDir` to `file` (a gzipped tar); returns its size in bytes. */
export async function dumpEmbeddedDatabase(dataDir: string, file: string): Promise<number> {
  const source = resolve(dataDir);
  // PGlite would create an empty database there: a dump of nothing is no backup.
  if (!existsSync(source) || readdirSync(source).length === 0) throw new BackupRefused("source_missing", source);
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(source);
  try {
    const dump = await db.dumpDataDir("gzip");
    const bytes = Buffer.from(await dump.arrayBuffer());
    writeFileSync(file, bytes, { mode: 0o600 });
    return bytes.length;
  } finally {
    await db.close();
  }
}

/**
 * Creates the embedded database of `dataDir` from `file`. `dataDir` must be absent or empty:
 * a restore never overwrites a database (move the current one aside first).
 */
export async function restoreEmbeddedDatabase(file: string, dataDir: string): Promise<void> {
  const target = resolve(dataDir);
  if (existsSync(target) && readdirSync(target).length > 0) throw new BackupRefused("target_not_empty", target);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new BackupRefused("dump_unreadable", error instanceof Error ? error.message : String(error));
  }
  mkdirSync(target, { recursive: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const db = await PGlite.create(target, { loadDataDir: new Blob([bytes]) });
  try {
    // Reads something back: a file that is not a dump fails here rather than at the next start.
    await db.query('SELECT count(*) FROM "_prisma_migrations"');
  } finally {
    await db.close();
  }
}
