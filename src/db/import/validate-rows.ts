// Runs a kind's row schema over every line and turns zod's issues into line/column issues.
import type { z } from "zod/v4";
import type { TCsvRow } from "./parse-csv.ts";
import { ISSUE_CODES, type TImportIssue, type TIssueCode, type TParsedRow } from "./import-types.ts";

const KNOWN_CODES = new Set<string>(ISSUE_CODES);
const MAX_SHOWN_VALUE = 60;

/** Every line through `schema`: the lines that pass, and one issue per faulty column of the others. */
export function validateRows<TRow>(rows: readonly TCsvRow[], schema: z.ZodType<TRow>): { valid: TParsedRow<TRow>[]; issues: TImportIssue[] } {
  const valid: TParsedRow<TRow>[] = [];
  const issues: TImportIssue[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.values);
    if (parsed.success) {
      valid.push({ line: row.line, data: parsed.data });
      continue;
    }
    const seenColumns = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = issue.path.length > 0 ? String(issue.path[0]) : null;
      if (column !== null && seenColumns.has(column)) continue;
      if (column !== null) seenColumns.add(column);
      issues.push(toImportIssue(row, column, issue));
    }
  }
  return { valid, issues };
}

function toImportIssue(row: TCsvRow, column: string | null, issue: z.core.$ZodIssue): TImportIssue {
  const known = KNOWN_CODES.has(issue.message);
  const code = (known ? issue.message : "INVALID") as TIssueCode;
  const params: Record<string, string | number> = {};
  if (issue.code === "custom" && issue.params) {
    for (const [key, value] of Object.entries(issue.params)) if (typeof value === "string" || typeof value === "number") params[key] = value;
  }
  // Rules that come from shared schemas (reference-data.ts) speak zod's words: keep them as detail.
  if (!known) params.detail = issue.message;
  const raw = column === null ? undefined : row.values[column];
  if (raw !== undefined) params.value = raw.length > MAX_SHOWN_VALUE ? `${raw.slice(0, MAX_SHOWN_VALUE)}…` : raw;
  return { line: row.line, column, code, params };
}
