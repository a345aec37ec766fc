import type { TDb, TImportCounts } from "./import-types.ts";
import type { TStaffRow } from "./staff-import.ts";
import { upsertPerson } from "./upsert-person.ts";

/** Upserts the staff of a checked file and sets each one's centres to exactly those of the file. */
export async function applyStaff(db: TDb, rows: readonly TStaffRow[]): Promise<TImportCounts> {
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
