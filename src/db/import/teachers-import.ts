import { z } from "zod/v4";
import { applyTeachers } from "./apply-teachers.ts";
import { ZEmail, ZOptionalText, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TImportDefinition } from "./import-types.ts";

/** One line of a teachers (enseignants référents) file. */
export const ZTeacherRow = z.object({
  email: ZEmail,
  lastName: ZRequiredText,
  firstName: ZRequiredText,
  department: ZOptionalText,
});
export type TTeacherRow = z.infer<typeof ZTeacherRow>;

/** The teachers import, keyed by e-mail. */
export const TEACHERS_IMPORT: TImportDefinition<TTeacherRow> = {
  columns: Object.keys(ZTeacherRow.shape),
  requiredColumns: ["email", "lastName", "firstName"],
  schema: ZTeacherRow,
  check: (rows) => findDuplicates(rows, (r) => r.email, "email"),
  apply: applyTeachers,
};
