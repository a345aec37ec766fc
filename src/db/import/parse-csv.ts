// Reads a directory CSV as exported by spreadsheets and the student information system:
// UTF-8 with or without a BOM, a header row, `;` (French Excel) or `,` between fields.
import { CsvError, parse } from "csv-parse/sync";
import type { TImportIssue } from "./import-types.ts";

/** One data line: its physical line number and its values by column name. */
export interface TCsvRow {
  line: number;
  /** Only the columns present in the header; values are as written (trimmed by the schemas). */
  values: Record<string, string>;
}

/** The lines of a file, or why its structure cannot be read. */
export interface TCsvParse {
  rows: TCsvRow[];
  issues: TImportIssue[];
}

/** The header's delimiter: whichever of `;` and `,` it holds more of (`,` when neither). */
export function detectDelimiter(text: string): ";" | "," {
  const header = text.slice(0, text.indexOf("\n") === -1 ? text.length : text.indexOf("\n"));
  const count = (char: string): number => header.split(char).length - 1;
  return count(";") > count(",") ? ";" : ",";
}

/** Splits a CSV file into rows keyed by the expected column names, reporting structural faults. */
export function parseCsv(input: string, columns: readonly string[], requiredColumns: readonly string[]): TCsvParse {
  // csv-parse counts a CRLF inside a quoted field as two lines: normalise so line numbers stay physical.
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let records: { fields: string[]; line: number }[];
  try {
    const lines: number[] = [];
    const fieldsOfRecords = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      // `lines` is where the record ends; a quoted field may span several lines.
      on_record: (fields, context) => {
        lines.push(context.lines - newlinesIn(fields));
        return fields;
      },
    });
    records = fieldsOfRecords.map((fields, i) => ({ fields, line: lines[i] ?? 1 }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === "number" ? error.lines : 1;
    return { rows: [], issues: [{ line, column: null, code: "CSV_SYNTAX", params: { detail: error.message } }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], issues: [{ line: 1, column: null, code: "EMPTY_FILE", params: {} }] };
  const headerIssues = checkHeader(header.fields, header.line, columns, requiredColumns);
  if (headerIssues.length > 0) return { rows: [], issues: headerIssues };
  const names = header.fields.map((field) => canonicalColumn(field, columns) ?? field);
  const rows: TCsvRow[] = [];
  const issues: TImportIssue[] = [];
  for (const record of data) {
    if (record.fields.length !== names.length) {
      const params = { expected: names.length, found: record.fields.length };
      issues.push({ line: record.line, column: null, code: "COLUMN_COUNT", params });
      continue;
    }
    rows.push({ line: record.line, values: Object.fromEntries(names.map((name, i) => [name, record.fields[i] ?? ""])) });
  }
  return { rows, issues };
}

function newlinesIn(fields: readonly string[]): number {
  return fields.reduce((sum, field) => sum + field.split("\n").length - 1, 0);
}

// Headers are matched without regard to case or surrounding spaces: "StudentNumber " is studentNumber.
function canonicalColumn(header: string, columns: readonly string[]): string | undefined {
  const wanted = header.trim().toLowerCase();
  return columns.find((column) => column.toLowerCase() === wanted);
}

function checkHeader(fields: readonly string[], line: number, columns: readonly string[], required: readonly string[]): TImportIssue[] {
  const issues: TImportIssue[] = [];
  const seen = new Set<string>();
  for (const field of fields) {
    const column = canonicalColumn(field, columns);
    if (column === undefined) issues.push({ line, column: field, code: "UNKNOWN_COLUMN", params: { expected: columns.join(", ") } });
    else if (seen.has(column)) issues.push({ line, column, code: "DUPLICATE_COLUMN", params: {} });
    else seen.add(column);
  }
  for (const column of required) {
    if (!seen.has(column)) issues.push({ line, column, code: "MISSING_COLUMN", params: {} });
  }
  return issues;
}
