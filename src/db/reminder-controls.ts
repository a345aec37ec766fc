// Pausing reminders and a centre's reminder settings, on PostgreSQL.
import type { TReminderControls } from "../app/ports/reminder-controls.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** A centre's reminder settings, as the settings card and the reminders job read them. */
export const reminderSettingsFields = {
  name: true,
  reminderCron: true,
  reminderTimezone: true,
  referentReminderDays: true,
  escalationDays: true,
  draftReminderDays: true,
  startingSoonDays: true,
} as const;

/** The reminder controls on `prisma`. */
export function createReminderControls(prisma: PrismaClient): TReminderControls {
  return {
    async pause(personId, now) {
      const { count } = await prisma.reminderPause.createMany({ data: [{ personId, pausedAt: now }], skipDuplicates: true });
      return count === 1;
    },
    async resume(personId) {
      const { count } = await prisma.reminderPause.deleteMany({ where: { personId } });
      return count === 1;
    },
    async settings(centreId) {
      const row = await prisma.centreGestion.findUnique({ where: { id: centreId }, select: reminderSettingsFields });
      if (!row) return null;
      const { name, ...settings } = row;
      return { name, settings };
    },
    async centreIdOfCode(code) {
      const row = await prisma.centreGestion.findFirst({ where: { code: { equals: code, mode: "insensitive" } }, select: { id: true } });
      return row?.id ?? null;
    },
    async saveSettings(centreId, settings) {
      await prisma.centreGestion.update({ where: { id: centreId }, data: settings });
    },
  };
}
