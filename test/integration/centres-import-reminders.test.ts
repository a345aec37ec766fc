import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "../../src/db/import/import-csv.ts";
import { createTestDatabase } from "../support/test-database.ts";

describe("the centres CSV sets each centre's reminders", () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const header = "code;name;steps;reminderCron;reminderTimezone;referentReminderDays;escalationDays;draftReminderDays;startingSoonDays";

  it("imports the schedule and delays, names each bad value, and leaves a centre unchanged when its columns are absent", async () => {
    const good = await importCsv(db.prisma, "centres", `${header}\nDROIT;Faculté de Droit;VALIDATION_ADMINISTRATIVE;30 7 * * 1-5;Europe/Paris;2;5;10;21\n`);
    expect(good.ok).toBe(true);
    expect(await db.prisma.centreGestion.findUniqueOrThrow({ where: { code: "DROIT" } })).toMatchObject({
      reminderCron: "30 7 * * 1-5",
      reminderTimezone: "Europe/Paris",
      referentReminderDays: 2,
      escalationDays: 5,
      draftReminderDays: 10,
      startingSoonDays: 21,
    });
    const bad = await importCsv(db.prisma, "centres", `${header}\nDROIT;Faculté de Droit;VALIDATION_ADMINISTRATIVE;chaque matin;Paris/Lune;-1;5;1.5;21\n`);
    expect((bad.ok ? [] : bad.issues.map(({ column, code }) => [column, code])).sort()).toEqual([
      ["draftReminderDays", "INVALID_DAYS"],
      ["referentReminderDays", "INVALID_DAYS"],
      ["reminderCron", "INVALID_CRON"],
      ["reminderTimezone", "INVALID_TIMEZONE"],
    ]);
    // Without the reminder columns, a second import keeps what the first set.
    expect((await importCsv(db.prisma, "centres", "code;name;steps\nDROIT;Faculté de Droit;VALIDATION_ADMINISTRATIVE\n")).ok).toBe(true);
    expect((await db.prisma.centreGestion.findUniqueOrThrow({ where: { code: "DROIT" } })).escalationDays).toBe(5);
  });
});
