import { z } from "zod/v4";
import { applyStaff } from "./apply-staff.ts";
import { ZBoolean, ZCodeList, ZEmail, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TImportContext, TImportDefinition, TImportIssue, TParsedRow } from "./import-types.ts";

/** One line of a staff (gestionnaires, administrators) file; centreCodes is `CODE1|CODE2`. */
export const ZStaffRow = z.object({
  email: ZEmail,
  lastName: ZRequiredText,
  firstName: ZRequiredText,
  centreCodes: ZCodeList,
  isAdmin: ZBoolean,
});
export type TStaffRow = z.infer<typeof ZStaffRow>;

/** Checks a staff file's centres against the database. */
export function checkStaff(rows: readonly TParsedRow<TStaffRow>[], context: TImportContext): TImportIssue[] {
  const issues = findDuplicates(rows, (r) => r.email, "email");
  for (const row of rows) {
    for (const code of row.data.centreCodes) {
      if (!context.centreCodes.has(code)) issues.push({ line: row.line, column: "centreCodes", code: "UNKNOWN_CENTRE", params: { code } });
    }
    // A gestionnaire of no centre would see nothing and receive nothing.
    if (row.data.centreCodes.length === 0 && !row.data.isAdmin) {
      issues.push({ line: row.line, column: "centreCodes", code: "STAFF_WITHOUT_CENTRE", params: {} });
    }
  }
  return issues;
}

/** The staff import, keyed by e-mail; the file gives each person's complete list of centres. */
export const STAFF_IMPORT: TImportDefinition<TStaffRow> = {
  columns: Object.keys(ZStaffRow.shape),
  requiredColumns: ["email", "lastName", "firstName", "centreCodes"],
  schema: ZStaffRow,
  check: checkStaff,
  apply: applyStaff,
};
