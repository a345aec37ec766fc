// `npm run import -- <kind> <file.csv> [--lang en]`: imports a directory file into the
// configured database. Exit codes: 0 imported, 1 nothing imported (bad lines or failure), 2 usage.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { createDatabase } from "../db/create-database.ts";
import { formatImportReport } from "../db/import/format-import-report.ts";
import { importCsv } from "../db/import/import-csv.ts";
import { IMPORT_KINDS, type TImportKind } from "../db/import/import-types.ts";
import { seedReferenceData } from "../db/seed/seed-reference-data.ts";
import { toLocale, translate, type TLocale } from "../i18n/translate.ts";

function isImportKind(value: string): value is TImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function run(locale: TLocale, kind: TImportKind, file: string): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    console.error(translate(locale, "import:fileUnreadable", { file, detail: message(error) }));
    return 1;
  }
  const config = loadConfig();
  const database = await createDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    // Students refer to the TYPE_CONVENTION list: make sure a fresh database has it.
    await seedReferenceData(database.prisma);
    const result = await importCsv(database.prisma, kind, text);
    const lines = formatImportReport(locale, file, result);
    (result.ok ? console.log : console.error)(lines.join("\n"));
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { lang: { type: "string" } }, allowPositionals: true, strict: false });
  const locale = toLocale(typeof values.lang === "string" ? values.lang : undefined);
  const kinds = IMPORT_KINDS.join(", ");
  const [kind, file, ...extra] = positionals;
  if (kind === undefined || file === undefined || extra.length > 0) {
    console.error(translate(locale, "import:usage", { kinds }));
    return 2;
  }
  if (!isImportKind(kind)) {
    console.error(translate(locale, "import:unknownKind", { kind, kinds }));
    return 2;
  }
  try {
    return await run(locale, kind, file);
  } catch (error) {
    console.error(translate(locale, "import:failed", { detail: message(error) }));
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
