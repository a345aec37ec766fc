import type { TConventionValues } from "../domain/convention.ts";
import { CONVENTION_FIELDS } from "../domain/sections/index.ts";
import type { TConventionChanges, TConventionRecord } from "./convention-repository.ts";

// Prisma gives Date for @db.Date and Decimal for @db.Decimal; the domain speaks "YYYY-MM-DD"
// and numbers. Dates are stored at UTC midnight so the day never shifts with the time zone.

const PERIOD_FIELDS = new Set(["interruptions", "irregularPeriods"]);

/** "YYYY-MM-DD" of a @db.Date value. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A @db.Date value from "YYYY-MM-DD". */
export function fromIsoDate(value: string): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

function isDecimal(value: unknown): value is { toNumber(): number } {
  return typeof value === "object" && value !== null && "toNumber" in value && typeof value.toNumber === "function";
}

function toDomainValue(value: unknown): unknown {
  if (value instanceof Date) return toIsoDate(value);
  if (isDecimal(value)) return value.toNumber();
  return value ?? null;
}

/** The domain's view of a stored convention: every fillable field, null when unanswered. */
export function toConventionValues(record: TConventionRecord): TConventionValues {
  const source = record as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const field of CONVENTION_FIELDS) {
    if (!PERIOD_FIELDS.has(field)) values[field] = toDomainValue(source[field]);
  }
  values.interruptions = record.interruptions.map((period) => ({
    dateDebut: toIsoDate(period.dateDebut),
    dateFin: toIsoDate(period.dateFin),
  }));
  values.irregularPeriods = record.irregularPeriods.map((period) => ({
    dateDebut: toIsoDate(period.dateDebut),
    dateFin: toIsoDate(period.dateFin),
    hoursPerDay: period.hoursPerDay.toNumber(),
  }));
  // Every key of TConventionValues was set above from CONVENTION_FIELDS, the list of its keys.
  return values as TConventionValues;
}

const DATE_FIELDS = new Set(["dateDebut", "dateFin"]);

// Yes/no flags stored NOT NULL: a cleared flag means "no".
const FLAG_FIELDS = new Set(["confidentiel", "teletravail", "travailNuit", "travailDimanche", "travailJoursFeries", "deplacements", "samedisTravailles"]);

/** The repository's changes for some domain values (dates to Date; periods as whole lists). */
export function toConventionChanges(values: Partial<TConventionValues>): TConventionChanges {
  const fields: Record<string, unknown> = {};
  const changes: TConventionChanges = { fields };
  for (const [field, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (field === "interruptions") {
      changes.interruptions = (values.interruptions ?? []).map((period) => ({
        dateDebut: fromIsoDate(period.dateDebut),
        dateFin: fromIsoDate(period.dateFin),
      }));
    } else if (field === "irregularPeriods") {
      changes.irregularPeriods = (values.irregularPeriods ?? []).map((period) => ({
        dateDebut: fromIsoDate(period.dateDebut),
        dateFin: fromIsoDate(period.dateFin),
        hoursPerDay: period.hoursPerDay,
      }));
    } else {
      if (FLAG_FIELDS.has(field) && value === null) fields[field] = false;
      else fields[field] = DATE_FIELDS.has(field) && typeof value === "string" ? fromIsoDate(value) : value;
    }
  }
  return changes;
}
