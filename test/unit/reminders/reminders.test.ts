import { describe, expect, it } from "vitest";
import { parseTextCommand } from "../../../src/app/conversation/text-commands.ts";
import { parseReminderSettings } from "../../../src/app/reminders/reminder-settings.ts";
import { digestCard } from "../../../src/cards/digest-card.ts";
import type { TDigestPayload } from "../../../src/cards/views.ts";

const valid = {
  reminderCron: "0 8 * * 1-5",
  reminderTimezone: "Europe/Paris",
  referentReminderDays: "3",
  escalationDays: "7",
  draftReminderDays: "7",
  startingSoonDays: "14",
};

describe("reminder commands", () => {
  it.each([
    ["pause rappels", { kind: "pause_reminders" }],
    ["Mettre en pause les rappels", { kind: "pause_reminders" }],
    ["pause reminders", { kind: "pause_reminders" }],
    ["reprendre les rappels", { kind: "resume_reminders" }],
    ["Réactiver mes rappels", { kind: "resume_reminders" }],
    ["resume reminders", { kind: "resume_reminders" }],
    ["réglages des rappels", { kind: "reminder_settings", code: null }],
    ["reminder settings demo-sci", { kind: "reminder_settings", code: "DEMO-SCI" }],
    // Still a convention, not the reminders.
    ["reprendre 12", { kind: "resume", numero: 12 }],
    ["reprendre", { kind: "resume", numero: null }],
  ])("%s", (text, command) => {
    expect(parseTextCommand(text)).toEqual(command);
  });
});

describe("reminder settings", () => {
  it("accepts a schedule, a zone and whole days", () => {
    expect(parseReminderSettings(valid)).toEqual({
      ok: true,
      settings: { ...valid, referentReminderDays: 3, escalationDays: 7, draftReminderDays: 7, startingSoonDays: 14 },
    });
  });

  it("names every bad field and what it expects", () => {
    const result = parseReminderSettings({
      ...valid,
      reminderCron: "tous les matins",
      reminderTimezone: "Paris/Lune",
      escalationDays: "-2",
      startingSoonDays: "",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => [error.field, error.code])).toEqual([
      ["reminderCron", "cron"],
      ["reminderTimezone", "timezone"],
      ["escalationDays", "days"],
      ["startingSoonDays", "required"],
    ]);
  });

  it.each(["1.5", "366", "3 jours"])("refuses %s days", (days) => {
    expect(parseReminderSettings({ ...valid, draftReminderDays: days }).ok).toBe(false);
  });
});

describe("the digest card", () => {
  const item = { numero: 51_001, studentName: "Léa Martin", dateDebut: "2027-01-09", step: "PEDAGOGIQUE" as const, urgent: true };
  const digest: TDigestPayload = {
    centreName: "Psychologie",
    localDate: "2027-01-04",
    previousAt: "2026-12-31T07:00:00.000Z",
    startingSoonDays: 14,
    urgent: { total: 1, items: [{ ...item, conventionId: 1, waitingDays: 0 }] },
    steps: [
      { step: "VERIFICATION_ADMINISTRATIVE", total: 0, items: [] },
      {
        step: "VALIDATION_ADMINISTRATIVE",
        total: 12,
        items: [{ ...item, conventionId: 2, waitingDays: 6, urgent: false, dateDebut: null, step: "VALIDATION_ADMINISTRATIVE" }],
      },
    ],
    avenants: { total: 0, items: [] },
    proposals: { total: 0, items: [] },
  };

  it("shows urgent internships first, ages, how many more, when the previous one went, and each line opens its convention", () => {
    const text = JSON.stringify(digestCard("fr", digest));
    expect(text.indexOf("URGENT")).toBeLessThan(text.indexOf("Validation administrative"));
    expect(text).toContain("en attente depuis 6 jours");
    expect(text).toContain("… et 11 autres");
    expect(text).toContain("Récapitulatif précédent envoyé le 31/12/2026");
    expect(text).toContain('"verb":"open_approval","data":{"conventionId":2}');
    expect(text).toContain('"verb":"pause_reminders"');
    expect(text).not.toContain("Vérification administrative");
    expect(JSON.stringify(digestCard("en", digest))).toContain("waiting for 6 days");
  });
});
