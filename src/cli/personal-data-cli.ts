// `npm run personal-data -- export <email> [--out FILE.json] [--lang en]`: everything Stagebot
// holds about one person, as JSON (RGPD right of access), on stdout or in FILE; the export is
// recorded in the audit trail. Exit codes: 0 written, 1 nobody has that e-mail or failure, 2 usage.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { createDatabase } from "../db/create-database.ts";
import { exportPersonalData, recordPersonalDataExport } from "../db/personal-data.ts";
import { toLocale, translate, type TLocale } from "../i18n/translate.ts";

async function run(locale: TLocale, email: string, out: string | undefined): Promise<number> {
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const now = new Date();
    const exported = await exportPersonalData(database.prisma, email, now);
    if (exported === null) {
      console.error(translate(locale, "operations:cli.personalDataNotFound", { email }));
      return 1;
    }
    const text = `${JSON.stringify(exported, null, 2)}\n`;
    if (out === undefined) process.stdout.write(text);
    else writeFileSync(out, text, { mode: 0o600 });
    await recordPersonalDataExport(database.prisma, exported, now);
    if (out !== undefined) console.error(translate(locale, "operations:cli.personalDataWritten", { email: exported.email, file: out }));
    return 0;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { lang: { type: "string" }, out: { type: "string" } },
    allowPositionals: true,
    strict: false,
  });
  const locale = toLocale(typeof values.lang === "string" ? values.lang : undefined);
  const [command, email, ...extra] = positionals;
  if (command !== "export" || email === undefined || extra.length > 0 || !email.includes("@")) {
    console.error(translate(locale, "operations:cli.personalDataUsage"));
    return 2;
  }
  try {
    return await run(locale, email, typeof values.out === "string" ? values.out : undefined);
  } catch (error) {
    console.error(translate(locale, "operations:cli.failed", { detail: error instanceof Error ? error.message : String(error) }));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
