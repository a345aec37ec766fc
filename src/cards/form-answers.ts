import { SECTIONS, type TSectionId } from "../domain/sections/index.ts";
import { fieldSpec, type TFieldSpec, type TPeriodColumn } from "./section-form-fields.ts";

// The inverse of the section form: a renderer sends every input as a string ("" when empty,
// "true"/"false" for toggles, the choice's value for lists). Values that do not read as their
// kind are passed on unchanged, so parseSectionDraft rejects them with a message naming the
// field instead of saving NaN or a silent null.

const DECIMAL = /^[+-]?\d+(?:[.,]\d+)?$/;
const INTEGER = /^\d+$/;

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

// French readers type "35,5"; Number("") would be 0 and Number("1e3") 1000, hence the pattern.
function numberAnswer(value: string): number | string {
  const trimmed = value.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed.replace(",", ".")) : value;
}

function booleanAnswer(value: string): boolean | string {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === "true") return true;
  if (trimmed === "false") return false;
  return value;
}

function scalarAnswer(spec: TFieldSpec, value: unknown): unknown {
  if (isBlank(value)) return null;
  // Typed values (a playground may send them) go to the schema as they are.
  if (typeof value !== "string") return value;
  switch (spec.kind) {
    case "number":
      return numberAnswer(value);
    case "id":
      return INTEGER.test(value.trim()) ? Number(value.trim()) : value;
    case "boolean":
      return booleanAnswer(value);
    default:
      return value;
  }
}

function rowIndexes(field: string, data: Record<string, unknown>): number[] {
  const pattern = new RegExp(`^${field}\\.(\\d+)\\.[A-Za-z]+$`);
  const indexes = new Set<number>();
  for (const key of Object.keys(data)) {
    const match = pattern.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return [...indexes].sort((a, b) => a - b);
}

// Rows whose cells are all empty are the spare rows of the form: dropped. A half-filled row is
// kept with its empty cells absent, so the schema reports them as required.
function periodAnswer(field: string, columns: readonly TPeriodColumn[], data: Record<string, unknown>): unknown {
  if (Object.hasOwn(data, field)) return isBlank(data[field]) ? null : data[field];
  const indexes = rowIndexes(field, data);
  if (indexes.length === 0) return undefined;
  const rows: Record<string, unknown>[] = [];
  for (const index of indexes) {
    const row: Record<string, unknown> = {};
    for (const column of columns) {
      const cell = data[`${field}.${index}.${column}`];
      if (cell === undefined || isBlank(cell)) continue;
      row[column] = column === "hoursPerDay" && typeof cell === "string" ? numberAnswer(cell) : cell;
    }
    if (Object.keys(row).length > 0) rows.push(row);
  }
  return rows.length > 0 ? rows : null;
}

/**
 * Reads a submitted section form (input id → value, plus the action's own data) into typed
 * answers for `parseSectionDraft(sectionId, …)`: only that section's fields, "" → null.
 */
export function formAnswers(sectionId: TSectionId, data: Record<string, unknown>): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of SECTIONS[sectionId].fields) {
    const spec = fieldSpec(field);
    if (spec === undefined || spec.kind === "derived") continue;
    if (spec.kind === "periods") {
      const rows = periodAnswer(field, spec.columns, data);
      if (rows !== undefined) answers[field] = rows;
    } else if (Object.hasOwn(data, field)) {
      answers[field] = scalarAnswer(spec, data[field]);
    }
  }
  return answers;
}
