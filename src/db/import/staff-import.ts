import { z } from "zod/v4";
import { ZBoolean, ZCodeList, ZEmail, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TDb, TImportContext, TImportCounts, TImportDefinition, TImportIssue, TParsedRow } from "./import-types.ts";
import { upsertPerson } from "./upsert-person.ts";

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

/** Upserts the staff of a checked file and sets each one's centres to exactly those of the file. */
async function applyStaff(db: TDb, rows: readonly TStaffRow[]): Promise<TImportCounts> {
  const staff = { created: 0, updated: 0 };
  const centres = await db.centreGestion.findMany({ select: { id: true, code: true } });
  const centreIds = new Map(centres.map((c) => [c.code, c.id]));
  for (const { centreCodes, isAdmin, ...person } of rows) {
    const personId = await upsertPerson(db, person);
    const existing = await db.staff.findUnique({ where: { personId }, select: { personId: true } });
    await db.staff.upsert({ where: { personId }, create: { personId, isAdmin }, update: { isAdmin } });
    await db.staffCentre.deleteMany({ where: { staffId: personId } });
    await db.staffCentre.createMany({
      data: centreCodes.map((code) => {
        const centreId = centreIds.get(code);
        if (centreId === undefined) throw new Error(`Centre ${code} vanished during the import`);
        return { staffId: personId, centreId };
      }),
    });
    staff[existing ? "updated" : "created"] += 1;
  }
  return { staff };
}

/** The staff import, keyed by e-mail; the file gives each person's complete list of centres. */
export const STAFF_IMPORT: TImportDefinition<TStaffRow> = {
  columns: Object.keys(ZStaffRow.shape),
  requiredColumns: ["email", "lastName", "firstName", "centreCodes"],
  schema: ZStaffRow,
  check: checkStaff,
  apply: applyStaff,
};
