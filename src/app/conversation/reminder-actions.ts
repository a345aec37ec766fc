// People keep control of their reminders: pause and resume them ("pause reminders",
// "reprendre les rappels", or the button on each reminder), and a centre's gestionnaires or an
// admin edit its schedule and delays in a settings form.
import { reminderSettingsCard } from "../../cards/reminder-settings-card.ts";
import type { TReminderSettingsView } from "../../cards/views.ts";
import { translate } from "../../i18n/translate.ts";
import { AppError } from "../app-error.ts";
import type { TReminderSettings } from "../ports/reminder-controls.ts";
import { parseReminderSettings, REMINDER_SETTING_FIELDS, type TReminderSettingField } from "../reminders/reminder-settings.ts";
import type { TTurn } from "./context.ts";
import { noticeEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";
import { recordIdOf } from "./inbound-values.ts";

/** Pauses the person's own reminders and digests. */
export async function pauseReminders(turn: TTurn, conventionId: number | null): Promise<TEffect[]> {
  const changed = await turn.deps.reminders.pause(turn.actor.personId, turn.deps.clock());
  return [
    noticeEffect(turn, conventionId, {
      tone: "good",
      titleKey: changed ? "reminders:pause.done" : "reminders:pause.already",
      textKey: "reminders:pause.text",
      actions: [{ titleKey: "reminders:buttons.resume", verb: "resume_reminders", data: {} }],
    }),
  ];
}

/** Resumes them. */
export async function resumeReminders(turn: TTurn, conventionId: number | null): Promise<TEffect[]> {
  const changed = await turn.deps.reminders.resume(turn.actor.personId);
  return [
    noticeEffect(turn, conventionId, {
      tone: "good",
      titleKey: changed ? "reminders:resume.done" : "reminders:resume.already",
      textKey: "reminders:resume.text",
    }),
  ];
}

// A centre's gestionnaires or an admin; checked before anything is read or written.
function assertMayConfigure(turn: TTurn, centreId: number): void {
  if (!turn.actor.isAdmin && !turn.actor.staffCentreIds.includes(centreId)) throw new AppError("FORBIDDEN", { reason: "reminder_settings" });
}

const asText = (settings: TReminderSettings): TReminderSettingsView["values"] => ({
  reminderCron: settings.reminderCron,
  reminderTimezone: settings.reminderTimezone,
  referentReminderDays: String(settings.referentReminderDays),
  escalationDays: String(settings.escalationDays),
  draftReminderDays: String(settings.draftReminderDays),
  startingSoonDays: String(settings.startingSoonDays),
});

/** "réglages des rappels [code]": the settings form of the named centre, or of the person's first centre. */
export async function openReminderSettings(turn: TTurn, code: string | null): Promise<TEffect[]> {
  const centreId = code !== null ? await turn.deps.reminders.centreIdOfCode(code) : (turn.actor.staffCentreIds[0] ?? null);
  if (centreId === null) return [noticeEffect(turn, null, { tone: "warning", titleKey: "reminders:settings.noCentre", params: { code: code ?? "" } })];
  assertMayConfigure(turn, centreId);
  const found = await turn.deps.reminders.settings(centreId);
  if (!found) throw new AppError("NOT_FOUND", {});
  return [
    {
      kind: "form",
      conventionId: null,
      card: reminderSettingsCard(turn.locale, { centreId, centreName: found.name, values: asText(found.settings), errors: {} }),
    },
  ];
}

/** Saves the form: every bad field is named and nothing is saved; the answers stay in the form. */
export async function saveReminderSettings(turn: TTurn, data: Record<string, unknown>): Promise<TEffect[]> {
  const centreId = recordIdOf(data.centreId);
  if (centreId === null) throw new AppError("NOT_FOUND", {});
  assertMayConfigure(turn, centreId);
  const found = await turn.deps.reminders.settings(centreId);
  if (!found) throw new AppError("NOT_FOUND", {});
  const raw = Object.fromEntries(
    REMINDER_SETTING_FIELDS.map((field) => [field, typeof data[field] === "string" || typeof data[field] === "number" ? String(data[field]) : ""]),
  ) as Record<TReminderSettingField, string>;
  const parsed = parseReminderSettings(raw);
  if (!parsed.ok) {
    const errors = Object.fromEntries(
      parsed.errors.map((error) => [
        error.field,
        translate(turn.locale, `reminders:settings.errors.${error.code}`, {
          ...error.params,
          field: translate(turn.locale, `reminders:settings.fields.${error.field}`),
        }),
      ]),
    );
    const card = reminderSettingsCard(turn.locale, { centreId, centreName: found.name, values: raw, errors });
    return [{ kind: "form", conventionId: null, card, errors }];
  }
  await turn.deps.reminders.saveSettings(centreId, parsed.settings);
  return [
    { kind: "close_form" },
    noticeEffect(turn, null, {
      tone: "good",
      titleKey: "reminders:settings.saved",
      params: { centre: found.name, cron: parsed.settings.reminderCron, timezone: parsed.settings.reminderTimezone },
    }),
  ];
}
