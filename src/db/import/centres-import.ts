import { z } from "zod/v4";
import { ZBoolean, ZCode, ZCron, ZDays, ZOptionalEmail, ZOptionalText, ZRequiredText, ZSteps, ZTimeZone } from "./csv-fields.ts";
import { findDuplicates } from "./find-duplicates.ts";
import type { TDb, TImportCounts, TImportDefinition } from "./import-types.ts";

/** One line of a centres de gestion file; steps is e.g. `PEDAGOGIQUE|VALIDATION_ADMINISTRATIVE`. */
export const ZCentreRow = z.object({
  code: ZCode,
  name: ZRequiredText,
  email: ZOptionalEmail,
  phone: ZOptionalText,
  address: ZOptionalText,
  steps: ZSteps,
  studentsMayRequestAvenant: ZBoolean,
  refuseTrainingHoursBelow200: ZBoolean,
  /** Who signs the centre's conventions for the university, by delegation (blank: the institution's signatory). */
  signatoryName: ZOptionalText,
  signatoryTitle: ZOptionalText,
  // Reminders (issue 13): optional columns; a missing one leaves the centre's value (or the default).
  reminderCron: ZCron,
  reminderTimezone: ZTimeZone,
  referentReminderDays: ZDays,
  escalationDays: ZDays,
  draftReminderDays: ZDays,
  startingSoonDays: ZDays,
});
export type TCentreRow = z.infer<typeof ZCentreRow>;

/** Upserts the centres de gestion of a checked file by code. */
async function applyCentres(db: TDb, rows: readonly TCentreRow[]): Promise<TImportCounts> {
  const existing = await db.centreGestion.findMany({ where: { code: { in: rows.map((r) => r.code) } }, select: { code: true } });
  const known = new Set(existing.map((c) => c.code));
  for (const row of rows) {
    await db.centreGestion.upsert({ where: { code: row.code }, create: row, update: row });
  }
  return { centres: { created: rows.length - known.size, updated: known.size } };
}

/** The centres de gestion import, keyed by code. */
export const CENTRES_IMPORT: TImportDefinition<TCentreRow> = {
  columns: Object.keys(ZCentreRow.shape),
  requiredColumns: ["code", "name", "steps"],
  schema: ZCentreRow,
  check: (rows) => findDuplicates(rows, (r) => r.code, "code"),
  apply: applyCentres,
};
