import { z } from "zod/v4";
import { ZCpam } from "../reference-data.ts";
import { ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TDb, TImportCounts, TImportDefinition } from "./import-types.ts";

// The same rules as the shipped cpam.json (codes like CPAM-13, official région names).
const ZCpamField = <T>(rule: z.ZodType<T, string>) => ZRequiredText.pipe(rule);

/** One line of a CPAM file. */
export const ZCpamRow = z.object({
  code: ZCpamField(ZCpam.shape.code),
  departement: ZCpamField(ZCpam.shape.departement),
  departementLabel: ZRequiredText,
  region: ZCpamField(ZCpam.shape.region),
  label: ZRequiredText,
  address: z.string().trim().max(200, { error: "TOO_LONG" }),
  postalCode: ZCpamField(ZCpam.shape.postalCode),
  city: ZRequiredText,
});
export type TCpamRow = z.infer<typeof ZCpamRow>;

/** Upserts the CPAM of a checked file by code; an imported caisse is active. */
async function applyCpam(db: TDb, rows: readonly TCpamRow[]): Promise<TImportCounts> {
  const existing = await db.cpam.findMany({ where: { code: { in: rows.map((r) => r.code) } }, select: { code: true } });
  for (const row of rows) {
    const data = { ...row, active: true };
    await db.cpam.upsert({ where: { code: row.code }, create: data, update: data });
  }
  return { cpam: { created: rows.length - existing.length, updated: existing.length } };
}

/** The CPAM import, keyed by code. */
export const CPAM_IMPORT: TImportDefinition<TCpamRow> = {
  columns: Object.keys(ZCpamRow.shape),
  requiredColumns: Object.keys(ZCpamRow.shape),
  schema: ZCpamRow,
  check: (rows) => findDuplicates(rows, (r) => r.code, "code"),
  apply: applyCpam,
};
