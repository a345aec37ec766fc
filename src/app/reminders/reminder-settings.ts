// A centre's reminder settings as typed in its settings form or a centres CSV: each bad value is
// named with what is expected (a cron expression node-cron reads, an IANA time zone, whole days ≥ 0).
import { scheduleProblem } from "../../jobs/slots.ts";
import type { TReminderSettings } from "../ports/reminder-controls.ts";

/** The settings' fields, in the form's order. */
export const REMINDER_SETTING_FIELDS = [
  "reminderCron",
  "reminderTimezone",
  "referentReminderDays",
  "escalationDays",
  "draftReminderDays",
  "startingSoonDays",
] as const;

export type TReminderSettingField = (typeof REMINDER_SETTING_FIELDS)[number];

/** Why one field was refused: a translation key of reminders:settings.errors and its params. */
export type TSettingError = { field: TReminderSettingField; code: "cron" | "timezone" | "days" | "required"; params: Record<string, string | number> };

/** Days are capped: a reminder after more than a year means none. */
export const MAX_REMINDER_DAYS = 365;

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

function days(field: TReminderSettingField, raw: string, errors: TSettingError[]): number {
  const text = raw.trim();
  if (!/^\d+$/u.test(text) || Number(text) > MAX_REMINDER_DAYS) {
    errors.push({ field, code: text === "" ? "required" : "days", params: { value: text, max: MAX_REMINDER_DAYS } });
    return 0;
  }
  return Number(text);
}

/** The settings from raw answers, or every field's error. */
export function parseReminderSettings(
  raw: Record<TReminderSettingField, string>,
): { ok: true; settings: TReminderSettings } | { ok: false; errors: TSettingError[] } {
  const errors: TSettingError[] = [];
  const reminderCron = raw.reminderCron.trim().replace(/\s+/gu, " ");
  if (reminderCron === "") errors.push({ field: "reminderCron", code: "required", params: {} });
  else {
    const problem = scheduleProblem(reminderCron);
    if (problem !== null) errors.push({ field: "reminderCron", code: "cron", params: { value: reminderCron, problem } });
  }
  const reminderTimezone = raw.reminderTimezone.trim();
  if (!isTimeZone(reminderTimezone))
    errors.push({ field: "reminderTimezone", code: reminderTimezone === "" ? "required" : "timezone", params: { value: reminderTimezone } });
  const settings: TReminderSettings = {
    reminderCron,
    reminderTimezone,
    referentReminderDays: days("referentReminderDays", raw.referentReminderDays, errors),
    escalationDays: days("escalationDays", raw.escalationDays, errors),
    draftReminderDays: days("draftReminderDays", raw.draftReminderDays, errors),
    startingSoonDays: days("startingSoonDays", raw.startingSoonDays, errors),
  };
  return errors.length === 0 ? { ok: true, settings } : { ok: false, errors };
}
