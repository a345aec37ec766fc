import { ReferenceList } from "../../generated/prisma/client.ts";
import type { TDb, TImportContext } from "./import-types.ts";

// Keeps each `IN (...)` well under PostgreSQL's 65,535 bind parameters.
const CHUNK = 5_000;

function chunks<T>(items: readonly T[]): T[][] {
  const unique = [...new Set(items)];
  const result: T[][] = [];
  for (let i = 0; i < unique.length; i += CHUNK) result.push(unique.slice(i, i + CHUNK));
  return result;
}

/** Reads the codes a file may refer to, and the people behind its e-mails and student numbers. */
export async function loadImportContext(db: TDb, lookups: { emails: string[]; studentNumbers: string[] }): Promise<TImportContext> {
  const centres = await db.centreGestion.findMany({ select: { code: true } });
  const formations = await db.formation.findMany({ select: { code: true } });
  const types = await db.referenceItem.findMany({ where: { list: ReferenceList.TYPE_CONVENTION, active: true }, select: { code: true } });
  const personsByEmail = new Map<string, { personId: number; studentNumber: string | null }>();
  for (const emails of chunks(lookups.emails)) {
    const persons = await db.person.findMany({
      where: { email: { in: emails } },
      select: { id: true, email: true, student: { select: { studentNumber: true } } },
    });
    for (const p of persons) personsByEmail.set(p.email, { personId: p.id, studentNumber: p.student?.studentNumber ?? null });
  }
  const personIdByStudentNumber = new Map<string, number>();
  for (const numbers of chunks(lookups.studentNumbers)) {
    const students = await db.student.findMany({ where: { studentNumber: { in: numbers } }, select: { personId: true, studentNumber: true } });
    for (const s of students) personIdByStudentNumber.set(s.studentNumber, s.personId);
  }
  return {
    centreCodes: new Set(centres.map((c) => c.code)),
    formationCodes: new Set(formations.map((f) => f.code)),
    typeConventionCodes: new Set(types.map((t) => t.code)),
    personsByEmail,
    personIdByStudentNumber,
  };
}
