// `npm run backup -- dump <file.tar.gz>` / `npm run backup -- restore <file.tar.gz> [--lang en]`:
// the embedded database (DATA_DIR) written to one file, or a fresh DATA_DIR created from one.
// Stop the app first. With DATABASE_URL, use pg_dump / pg_restore (README, "Backups").
// Exit codes: 0 done, 1 refused or failed, 2 usage.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { BackupRefused, dumpEmbeddedDatabase, restoreEmbeddedDatabase } from "../db/embedded-backup.ts";
import { toLocale, translate, type TLocale } from "../i18n/translate.ts";

async function run(locale: TLocale, command: "dump" | "restore", file: string): Promise<number> {
  const config = loadConfig();
  if (config.DATABASE_URL !== undefined) {
    console.error(translate(locale, "operations:cli.backupPostgres"));
    return 1;
  }
  try {
    if (command === "dump") {
      const size = await dumpEmbeddedDatabase(config.DATA_DIR, file);
      console.log(translate(locale, "operations:cli.backupWritten", { dataDir: config.DATA_DIR, file, size }));
    } else {
      await restoreEmbeddedDatabase(file, config.DATA_DIR);
      console.log(translate(locale, "operations:cli.backupRestored", { dataDir: config.DATA_DIR, file }));
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupRefused) {
      console.error(translate(locale, `operations:cli.backup_${error.code}`, { dataDir: config.DATA_DIR, file, detail: error.message }));
      return 1;
    }
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { lang: { type: "string" } }, allowPositionals: true, strict: false });
  const locale = toLocale(typeof values.lang === "string" ? values.lang : undefined);
  const [command, file, ...extra] = positionals;
  if ((command !== "dump" && command !== "restore") || file === undefined || extra.length > 0) {
    console.error(translate(locale, "operations:cli.backupUsage"));
    return 2;
  }
  try {
    return await run(locale, command, file);
  } catch (error) {
    console.error(translate(locale, "operations:cli.failed", { detail: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
