import { z } from "zod/v4";
import { applyCentres } from "./apply-centres.ts";
import { ZBoolean, ZCode, ZOptionalEmail, ZOptionalText, ZRequiredText, ZSteps } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TImportDefinition } from "./import-types.ts";

/** One line of a centres de gestion file; steps is e.g. `PEDAGOGIQUE|VALIDATION_ADMINISTRATIVE`. */
export const ZCentreRow = z.object({
  code: ZCode,
  name: ZRequiredText,
  email: ZOptionalEmail,
  phone: ZOptionalText,
  address: ZOptionalText,
  steps: ZSteps,
  studentsMayRequestAvenant: ZBoolean,
});
export type TCentreRow = z.infer<typeof ZCentreRow>;

/** The centres de gestion import, keyed by code. */
export const CENTRES_IMPORT: TImportDefinition<TCentreRow> = {
  columns: Object.keys(ZCentreRow.shape),
  requiredColumns: ["code", "name", "steps"],
  schema: ZCentreRow,
  check: (rows) => findDuplicates(rows, (r) => r.code, "code"),
  apply: applyCentres,
};
