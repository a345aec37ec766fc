import type { TImportIssue, TParsedRow } from "./import-types.ts";

/** An issue on every line whose natural key already appeared on an earlier line of the file. */
export function findDuplicates<TRow>(rows: readonly TParsedRow<TRow>[], key: (row: TRow) => string, column: string): TImportIssue[] {
  const firstLine = new Map<string, number>();
  const issues: TImportIssue[] = [];
  for (const row of rows) {
    const value = key(row.data);
    const first = firstLine.get(value);
    if (first === undefined) firstLine.set(value, row.line);
    else issues.push({ line: row.line, column, code: "DUPLICATE_ROW", params: { firstLine: first } });
  }
  return issues;
}
