// Formations and their éléments pédagogiques, one line per élément: the lines of one formation
// repeat its label, composante and centre, which must agree. A line without an élément
// declares the formation alone.
import { z } from "zod/v4";
import { applyFormations } from "./apply-formations.ts";
import { ZCode, ZEcts, ZOptionalCode, ZOptionalText, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TImportContext, TImportDefinition, TImportIssue, TParsedRow } from "./import-types.ts";

/** One line of a formations file. */
export const ZFormationRow = z
  .object({
    formationCode: ZCode,
    label: ZRequiredText,
    composante: ZOptionalText,
    centreCode: ZCode,
    elementCode: ZOptionalCode,
    elementLabel: ZOptionalText,
    ects: ZEcts,
  })
  .superRefine((row, ctx) => {
    if (row.elementCode !== undefined && !row.elementLabel) ctx.addIssue({ code: "custom", message: "REQUIRED", path: ["elementLabel"], input: row });
  });
export type TFormationRow = z.infer<typeof ZFormationRow>;

const FORMATION_FIELDS = ["label", "composante", "centreCode"] as const;

/** Checks a formations file: duplicates, consistency between lines, and the centres. */
export function checkFormations(rows: readonly TParsedRow<TFormationRow>[], context: TImportContext): TImportIssue[] {
  const issues = findDuplicates(rows, (r) => `${r.formationCode}\u0000${r.elementCode ?? ""}`, "elementCode");
  const firstOfFormation = new Map<string, TParsedRow<TFormationRow>>();
  for (const row of rows) {
    const { formationCode, centreCode } = row.data;
    if (!context.centreCodes.has(centreCode)) issues.push({ line: row.line, column: "centreCode", code: "UNKNOWN_CENTRE", params: { code: centreCode } });
    const first = firstOfFormation.get(formationCode);
    if (first === undefined) {
      firstOfFormation.set(formationCode, row);
      continue;
    }
    const differing = FORMATION_FIELDS.find((field) => (first.data[field] ?? null) !== (row.data[field] ?? null));
    if (differing) issues.push({ line: row.line, column: differing, code: "FORMATION_INCONSISTENT", params: { firstLine: first.line } });
  }
  return issues;
}

/** The formations import, keyed by formation code and élément code. */
export const FORMATIONS_IMPORT: TImportDefinition<TFormationRow> = {
  columns: ["formationCode", "label", "composante", "centreCode", "elementCode", "elementLabel", "ects"],
  requiredColumns: ["formationCode", "label", "centreCode"],
  schema: ZFormationRow,
  check: checkFormations,
  apply: applyFormations,
};
