// The vocabulary shared by every directory import: kinds, row issues and results. Issue codes
// are stable and each has a message in locales/<lang>/import.json ("import:reason.<CODE>").
import type { z } from "zod/v4";
import type { Prisma } from "../../generated/prisma/client.ts";

/** What a CSV file can describe. */
export const IMPORT_KINDS = ["students", "teachers", "staff", "centres", "formations", "cpam"] as const;
export type TImportKind = (typeof IMPORT_KINDS)[number];

/** Every reason a line can be refused for. */
export const ISSUE_CODES = [
  // The file itself
  "EMPTY_FILE",
  "CSV_SYNTAX",
  "MISSING_COLUMN",
  "UNKNOWN_COLUMN",
  "DUPLICATE_COLUMN",
  "COLUMN_COUNT",
  // One value
  "REQUIRED",
  "TOO_LONG",
  "INVALID",
  "INVALID_EMAIL",
  "INVALID_DATE",
  "INVALID_BOOLEAN",
  "INVALID_NUMBER",
  "INVALID_CODE",
  "INVALID_ACADEMIC_YEAR",
  "STEP_UNKNOWN",
  "STEP_REPEATED",
  "STEPS_MISSING_VALIDATION_ADMINISTRATIVE",
  "INVALID_CRON",
  "INVALID_TIMEZONE",
  "INVALID_DAYS",
  // Between lines, and against the database
  "DUPLICATE_ROW",
  "STUDENT_INCONSISTENT",
  "FORMATION_INCONSISTENT",
  "EMAIL_OF_OTHER_STUDENT",
  "EMAIL_TAKEN",
  "UNKNOWN_FORMATION",
  "UNKNOWN_CENTRE",
  "UNKNOWN_TYPE_CONVENTION",
  "STAFF_WITHOUT_CENTRE",
] as const;
export type TIssueCode = (typeof ISSUE_CODES)[number];

/** Why one line of a file cannot be imported. `line` is the physical line, the header being 1. */
export interface TImportIssue {
  line: number;
  /** The column at fault; null when the whole line or file is. */
  column: string | null;
  code: TIssueCode;
  params: Record<string, string | number>;
}

/** What the entities of a file became, per entity ("students", "inscriptions", ...). */
export type TImportCounts = Record<string, { created: number; updated: number }>;

/** A file either imports completely or not at all. */
export type TImportResult = { ok: true; rows: number; counts: TImportCounts } | { ok: false; issues: TImportIssue[] };

/** A CSV line that passed its schema, with where it came from. */
export interface TParsedRow<TRow> {
  line: number;
  data: TRow;
}

/** What the database already holds that a file's lines may refer to. */
export interface TImportContext {
  centreCodes: ReadonlySet<string>;
  formationCodes: ReadonlySet<string>;
  typeConventionCodes: ReadonlySet<string>;
  /** The people owning the file's e-mails, with their student number if they are students. */
  personsByEmail: ReadonlyMap<string, { personId: number; studentNumber: string | null }>;
  /** The person behind each of the file's student numbers that already exists. */
  personIdByStudentNumber: ReadonlyMap<string, number>;
}

/** A transaction, or the client itself: apply steps run inside the import's one transaction. */
export type TDb = Prisma.TransactionClient;

/** One kind of import: its columns, its row schema, its checks across lines, and how it applies. */
export interface TImportDefinition<TRow> {
  columns: readonly string[];
  requiredColumns: readonly string[];
  /** Validates one line; its messages are issue codes. */
  schema: z.ZodType<TRow>;
  /** The e-mails and student numbers the checks need to look up. */
  lookups?(rows: readonly TRow[]): { emails: string[]; studentNumbers: string[] };
  /** Checks across lines and against the database's codes; pure. */
  check(rows: readonly TParsedRow<TRow>[], context: TImportContext): TImportIssue[];
  apply(db: TDb, rows: readonly TRow[]): Promise<TImportCounts>;
}
