import type { TDb, TImportCounts } from "./import-types.ts";
import type { TTeacherRow } from "./teachers-import.ts";
import { upsertPerson } from "./upsert-person.ts";

/** Upserts the teachers of a checked file; a person already in the directory becomes a teacher too. */
export async function applyTeachers(db: TDb, rows: readonly TTeacherRow[]): Promise<TImportCounts> {
  const teachers = { created: 0, updated: 0 };
  for (const { department, ...person } of rows) {
    const personId = await upsertPerson(db, person);
    const existing = await db.teacher.findUnique({ where: { personId }, select: { personId: true } });
    await db.teacher.upsert({ where: { personId }, create: { personId, department }, update: { department } });
    teachers[existing ? "updated" : "created"] += 1;
  }
  return { teachers };
}
