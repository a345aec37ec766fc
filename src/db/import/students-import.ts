// Students, one line per inscription: a student with two inscriptions has two lines, which
// must agree on everything about the student.
import { z } from "zod/v4";
import { ZAcademicYear, ZCode, ZDate, ZEmail, ZOptionalText, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TDb, TImportContext, TImportCounts, TImportDefinition, TImportIssue, TParsedRow } from "./import-types.ts";
import { upsertPerson } from "./upsert-person.ts";

/** The inscriptions' convention type when the file does not say. */
export const DEFAULT_TYPE_CONVENTION = "FORMATION_INITIALE";

/** One line of a students file. */
export const ZStudentRow = z.object({
  studentNumber: ZCode,
  lastName: ZRequiredText,
  firstName: ZRequiredText,
  email: ZEmail,
  birthDate: ZDate,
  phone: ZOptionalText,
  addressLine: ZOptionalText,
  postalCode: ZOptionalText,
  city: ZOptionalText,
  academicYear: ZAcademicYear,
  formationCode: ZCode,
  typeConvention: z
    .string()
    .optional()
    .transform((value) => value?.trim().toUpperCase() || DEFAULT_TYPE_CONVENTION),
});
export type TStudentRow = z.infer<typeof ZStudentRow>;

const STUDENT_FIELDS = ["email", "lastName", "firstName", "birthDate", "phone", "addressLine", "postalCode", "city"] as const;

function sameValue(a: TStudentRow[keyof TStudentRow], b: TStudentRow[keyof TStudentRow]): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}

function checkEmailOwner(row: TParsedRow<TStudentRow>, context: TImportContext, emailOwnerInFile: Map<string, string>): TImportIssue | null {
  const { email, studentNumber } = row.data;
  const inFile = emailOwnerInFile.get(email);
  if (inFile === undefined) emailOwnerInFile.set(email, studentNumber);
  const owner = context.personsByEmail.get(email);
  const otherStudent = inFile !== undefined && inFile !== studentNumber ? inFile : owner?.studentNumber;
  if (otherStudent && otherStudent !== studentNumber) {
    return { line: row.line, column: "email", code: "EMAIL_OF_OTHER_STUDENT", params: { studentNumber: otherStudent } };
  }
  // The student exists under another person: moving them to this e-mail would take someone else's.
  const studentPerson = context.personIdByStudentNumber.get(studentNumber);
  if (owner && studentPerson !== undefined && studentPerson !== owner.personId) {
    return { line: row.line, column: "email", code: "EMAIL_TAKEN", params: {} };
  }
  return null;
}

/** Checks across the lines of a students file and against the database's codes. */
export function checkStudents(rows: readonly TParsedRow<TStudentRow>[], context: TImportContext): TImportIssue[] {
  const issues = findDuplicates(rows, (r) => [r.studentNumber, r.academicYear, r.formationCode].join("\u0000"), "formationCode");
  const firstOfStudent = new Map<string, TParsedRow<TStudentRow>>();
  const emailOwnerInFile = new Map<string, string>();
  for (const row of rows) {
    const { formationCode, typeConvention, studentNumber } = row.data;
    if (!context.formationCodes.has(formationCode)) {
      issues.push({ line: row.line, column: "formationCode", code: "UNKNOWN_FORMATION", params: { code: formationCode } });
    }
    if (!context.typeConventionCodes.has(typeConvention)) {
      issues.push({ line: row.line, column: "typeConvention", code: "UNKNOWN_TYPE_CONVENTION", params: { code: typeConvention } });
    }
    const first = firstOfStudent.get(studentNumber);
    if (first === undefined) firstOfStudent.set(studentNumber, row);
    const differing = first && STUDENT_FIELDS.find((field) => !sameValue(first.data[field], row.data[field]));
    if (first && differing) {
      issues.push({ line: row.line, column: differing, code: "STUDENT_INCONSISTENT", params: { firstLine: first.line } });
      continue;
    }
    const emailIssue = checkEmailOwner(row, context, emailOwnerInFile);
    if (emailIssue) issues.push(emailIssue);
  }
  return issues;
}

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
async function applyStudents(db: TDb, rows: readonly TStudentRow[]): Promise<TImportCounts> {
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

/** The students import: columns, schema, checks and apply step. */
export const STUDENTS_IMPORT: TImportDefinition<TStudentRow> = {
  columns: Object.keys(ZStudentRow.shape),
  requiredColumns: ["studentNumber", "lastName", "firstName", "email", "birthDate", "academicYear", "formationCode"],
  schema: ZStudentRow,
  lookups: (rows) => ({ emails: rows.map((r) => r.email), studentNumbers: rows.map((r) => r.studentNumber) }),
  check: checkStudents,
  apply: applyStudents,
};
