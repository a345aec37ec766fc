// Formations and their éléments pédagogiques, one line per élément: the lines of one formation
// repeat its label, composante and centre, which must agree. A line without an élément
// declares the formation alone.
import { z } from "zod/v4";
import { ZCode, ZEcts, ZOptionalCode, ZOptionalText, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TDb, TImportContext, TImportCounts, TImportDefinition, TImportIssue, TParsedRow } from "./import-types.ts";

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

/** Upserts the formations of a checked file and their éléments pédagogiques; other éléments are kept. */
async function applyFormations(db: TDb, rows: readonly TFormationRow[]): Promise<TImportCounts> {
  const formations = { created: 0, updated: 0 };
  const elements = { created: 0, updated: 0 };
  const centres = await db.centreGestion.findMany({ select: { id: true, code: true } });
  const centreIds = new Map(centres.map((c) => [c.code, c.id]));
  const formationIds = new Map<string, number>();
  for (const row of rows) {
    let formationId = formationIds.get(row.formationCode);
    if (formationId === undefined) {
      const centreId = centreIds.get(row.centreCode);
      if (centreId === undefined) throw new Error(`Centre ${row.centreCode} vanished during the import`);
      const existing = await db.formation.findUnique({ where: { code: row.formationCode }, select: { id: true } });
      const data = { label: row.label, composante: row.composante, centreId };
      const saved = await db.formation.upsert({ where: { code: row.formationCode }, create: { code: row.formationCode, ...data }, update: data });
      formationId = saved.id;
      formationIds.set(row.formationCode, formationId);
      formations[existing ? "updated" : "created"] += 1;
    }
    if (row.elementCode === undefined) continue;
    const key = { formationId_code: { formationId, code: row.elementCode } };
    const existing = await db.elementPedagogique.findUnique({ where: key, select: { id: true } });
    const data = { label: row.elementLabel ?? row.elementCode, ects: row.ects };
    await db.elementPedagogique.upsert({ where: key, create: { formationId, code: row.elementCode, ...data }, update: data });
    elements[existing ? "updated" : "created"] += 1;
  }
  return { formations, elements };
}

/** The formations import, keyed by formation code and élément code. */
export const FORMATIONS_IMPORT: TImportDefinition<TFormationRow> = {
  columns: ["formationCode", "label", "composante", "centreCode", "elementCode", "elementLabel", "ects"],
  requiredColumns: ["formationCode", "label", "centreCode"],
  schema: ZFormationRow,
  check: checkFormations,
  apply: applyFormations,
};
