import { z } from "zod/v4";
import { ZEmail, ZOptionalText, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TDb, TImportCounts, TImportDefinition } from "./import-types.ts";
import { upsertPerson } from "./upsert-person.ts";

/** One line of a teachers (enseignants référents) file. */
export const ZTeacherRow = z.object({
  email: ZEmail,
  lastName: ZRequiredText,
  firstName: ZRequiredText,
  department: ZOptionalText,
});
export type TTeacherRow = z.infer<typeof ZTeacherRow>;

/** Upserts the teachers of a checked file; a person already in the directory becomes a teacher too. */
async function applyTeachers(db: TDb, rows: readonly TTeacherRow[]): Promise<TImportCounts> {
  const teachers = { created: 0, updated: 0 };
  for (const { department, ...person } of rows) {
    const personId = await upsertPerson(db, person);
    const existing = await db.teacher.findUnique({ where: { personId }, select: { personId: true } });
    await db.teacher.upsert({ where: { personId }, create: { personId, department }, update: { department } });
    teachers[existing ? "updated" : "created"] += 1;
  }
  return { teachers };
}

/** The teachers import, keyed by e-mail. */
export const TEACHERS_IMPORT: TImportDefinition<TTeacherRow> = {
  columns: Object.keys(ZTeacherRow.shape),
  requiredColumns: ["email", "lastName", "firstName"],
  schema: ZTeacherRow,
  check: (rows) => findDuplicates(rows, (r) => r.email, "email"),
  apply: applyTeachers,
};
