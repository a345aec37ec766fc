// Students, one line per inscription: a student with two inscriptions has two lines, which
// must agree on everything about the student.
import { z } from "zod/v4";
import { applyStudents } from "./apply-students.ts";
import { ZAcademicYear, ZCode, ZDate, ZEmail, ZOptionalText, ZRequiredText } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TImportContext, TImportDefinition, TImportIssue, TParsedRow } from "./import-types.ts";

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

/** The students import: columns, schema, checks and apply step. */
export const STUDENTS_IMPORT: TImportDefinition<TStudentRow> = {
  columns: Object.keys(ZStudentRow.shape),
  requiredColumns: ["studentNumber", "lastName", "firstName", "email", "birthDate", "academicYear", "formationCode"],
  schema: ZStudentRow,
  lookups: (rows) => ({ emails: rows.map((r) => r.email), studentNumbers: rows.map((r) => r.studentNumber) }),
  check: checkStudents,
  apply: applyStudents,
};
