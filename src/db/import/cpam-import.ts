import { z } from "zod/v4";
import { ZCpam } from "../reference-data.ts";
import { applyCpam } from "./apply-cpam.ts";
import { ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TImportDefinition } from "./import-types.ts";

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

/** The CPAM import, keyed by code. */
export const CPAM_IMPORT: TImportDefinition<TCpamRow> = {
  columns: Object.keys(ZCpamRow.shape),
  requiredColumns: Object.keys(ZCpamRow.shape),
  schema: ZCpamRow,
  check: (rows) => findDuplicates(rows, (r) => r.code, "code"),
  apply: applyCpam,
};
