import type { TCentreRow } from "./centres-import.ts";
import type { TDb, TImportCounts } from "./import-types.ts";

/** Upserts the centres de gestion of a checked file by code. */
export async function applyCentres(db: TDb, rows: readonly TCentreRow[]): Promise<TImportCounts> {
  const existing = await db.centreGestion.findMany({ where: { code: { in: rows.map((r) => r.code) } }, select: { code: true } });
  const known = new Set(existing.map((c) => c.code));
  for (const row of rows) {
    await db.centreGestion.upsert({ where: { code: row.code }, create: row, update: row });
  }
  return { centres: { created: rows.length - known.size, updated: known.size } };
}
