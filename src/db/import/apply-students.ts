import type { TDb, TImportCounts } from "./import-types.ts";
import type { TStudentRow } from "./students-import.ts";
import { upsertPerson } from "./upsert-person.ts";

// Keyed by student number: a student who changed e-mail is updated, not duplicated.
async function upsertStudent(db: TDb, row: TStudentRow): Promise<{ personId: number; created: boolean }> {
  const person = { email: row.email, lastName: row.lastName, firstName: row.firstName, phone: row.phone };
  const student = { birthDate: row.birthDate, addressLine: row.addressLine, postalCode: row.postalCode, city: row.city };
  const existing = await db.student.findUnique({ where: { studentNumber: row.studentNumber }, select: { personId: true } });
  if (existing) {
    await db.person.update({ where: { id: existing.personId }, data: person });
    await db.student.update({ where: { personId: existing.personId }, data: student });
    return { personId: existing.personId, created: false };
  }
  // The e-mail may already be in the directory (a teacher who is also a student).
  const personId = await upsertPerson(db, person);
  await db.student.create({ data: { personId, studentNumber: row.studentNumber, ...student } });
  return { personId, created: true };
}

function groupByStudent(rows: readonly TStudentRow[]): TStudentRow[][] {
  const groups = new Map<string, TStudentRow[]>();
  for (const row of rows) {
    const group = groups.get(row.studentNumber);
    if (group) group.push(row);
    else groups.set(row.studentNumber, [row]);
  }
  return [...groups.values()];
}

/** Upserts the students of a checked file and their inscriptions; existing inscriptions are kept. */
export async function applyStudents(db: TDb, rows: readonly TStudentRow[]): Promise<TImportCounts> {
  const students = { created: 0, updated: 0 };
  const inscriptions = { created: 0, updated: 0 };
  const formations = await db.formation.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.formationCode))] } },
    select: { id: true, code: true },
  });
  const formationIds = new Map(formations.map((f) => [f.code, f.id]));
  for (const lines of groupByStudent(rows)) {
    const [first] = lines;
    if (!first) continue;
    const { personId, created } = await upsertStudent(db, first);
    students[created ? "created" : "updated"] += 1;
    const existing = await db.inscription.findMany({ where: { studentId: personId }, select: { id: true, academicYear: true, formationId: true } });
    for (const line of lines) {
      const formationId = formationIds.get(line.formationCode);
      if (formationId === undefined) throw new Error(`Formation ${line.formationCode} vanished during the import`);
      const match = existing.find((i) => i.academicYear === line.academicYear && i.formationId === formationId);
      if (match) await db.inscription.update({ where: { id: match.id }, data: { typeConvention: line.typeConvention } });
      else await db.inscription.create({ data: { studentId: personId, academicYear: line.academicYear, formationId, typeConvention: line.typeConvention } });
      inscriptions[match ? "updated" : "created"] += 1;
    }
  }
  return { students, inscriptions };
}
