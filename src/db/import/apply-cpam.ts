import type { TCpamRow } from "./cpam-import.ts";
import type { TDb, TImportCounts } from "./import-types.ts";

/** Upserts the CPAM of a checked file by code; an imported caisse is active. */
export async function applyCpam(db: TDb, rows: readonly TCpamRow[]): Promise<TImportCounts> {
  const existing = await db.cpam.findMany({ where: { code: { in: rows.map((r) => r.code) } }, select: { code: true } });
  for (const row of rows) {
    const data = { ...row, active: true };
    await db.cpam.upsert({ where: { code: row.code }, create: data, update: data });
  }
  return { cpam: { created: rows.length - existing.length, updated: existing.length } };
}
