// A directory import is all or nothing: every line is checked first, and only a file without
// a single bad line is written, in one transaction.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { CENTRES_IMPORT } from "./centres-import.ts";
import { CPAM_IMPORT } from "./cpam-import.ts";
import { FORMATIONS_IMPORT } from "./formations-import.ts";
import type { TImportDefinition, TImportIssue, TImportKind, TImportResult } from "./import-types.ts";
import { loadImportContext } from "./load-import-context.ts";
import { parseCsv } from "./parse-csv.ts";
import { STAFF_IMPORT } from "./staff-import.ts";
import { STUDENTS_IMPORT } from "./students-import.ts";
import { TEACHERS_IMPORT } from "./teachers-import.ts";
import { validateRows } from "./validate-rows.ts";

// A whole year's students in one transaction takes longer than Prisma's default 5 s.
const TRANSACTION_OPTIONS = { timeout: 15 * 60_000, maxWait: 30_000 };

function byLine(a: TImportIssue, b: TImportIssue): number {
  return a.line - b.line || (a.column ?? "").localeCompare(b.column ?? "");
}

/** Checks every line of `text`; without issues, applies the file and counts what it did. */
export async function runImport<TRow>(prisma: PrismaClient, definition: TImportDefinition<TRow>, text: string): Promise<TImportResult> {
  const csv = parseCsv(text, definition.columns, definition.requiredColumns);
  const { valid, issues } = validateRows(csv.rows, definition.schema);
  issues.push(...csv.issues);
  const rows = valid.map((row) => row.data);
  const context = await loadImportContext(prisma, definition.lookups?.(rows) ?? { emails: [], studentNumbers: [] });
  issues.push(...definition.check(valid, context));
  if (issues.length === 0 && csv.rows.length === 0) issues.push({ line: 1, column: null, code: "EMPTY_FILE", params: {} });
  if (issues.length > 0) return { ok: false, issues: issues.sort(byLine) };
  const counts = await prisma.$transaction((tx) => definition.apply(tx, rows), TRANSACTION_OPTIONS);
  return { ok: true, rows: rows.length, counts };
}

/** Imports a CSV file of the given kind: everything or, when any line is bad, nothing. */
export async function importCsv(prisma: PrismaClient, kind: TImportKind, text: string): Promise<TImportResult> {
  switch (kind) {
    case "students":
      return runImport(prisma, STUDENTS_IMPORT, text);
    case "teachers":
      return runImport(prisma, TEACHERS_IMPORT, text);
    case "staff":
      return runImport(prisma, STAFF_IMPORT, text);
    case "centres":
      return runImport(prisma, CENTRES_IMPORT, text);
    case "formations":
      return runImport(prisma, FORMATIONS_IMPORT, text);
    case "cpam":
      return runImport(prisma, CPAM_IMPORT, text);
  }
}
