import type { TFormationRow } from "./formations-import.ts";
import type { TDb, TImportCounts } from "./import-types.ts";

/** Upserts the formations of a checked file and their éléments pédagogiques; other éléments are kept. */
export async function applyFormations(db: TDb, rows: readonly TFormationRow[]): Promise<TImportCounts> {
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
