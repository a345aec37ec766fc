// The settings form of a centre's reminders: schedule, time zone and delays, each error under its field.
import type { TCard } from "./card-contract.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction } from "./card-format.ts";
import { blankItem, type TFormItem, type TFormModel } from "./form-items.ts";
import { renderTemplate } from "./render-template.ts";
import type { TReminderSettingsView } from "./views.ts";

const t = (locale: TLocale, key: string, params: Record<string, unknown> = {}) => translate(locale, `reminders:${key}`, params);

const FIELDS = ["reminderCron", "reminderTimezone", "referentReminderDays", "escalationDays", "draftReminderDays", "startingSoonDays"] as const;

function item(locale: TLocale, view: TReminderSettingsView, field: (typeof FIELDS)[number]): TFormItem {
  const base = blankItem("text", field, t(locale, `settings.fields.${field}`), view.errors[field] ?? "", t(locale, `settings.hints.${field}`));
  return { ...base, value: view.values[field], required: true, errorMessage: t(locale, "settings.errors.required", { field: base.label }), maxLength: 100 };
}

/** The form; after a rejected submission, with the answers and each field's message. */
export function reminderSettingsCard(locale: TLocale, view: TReminderSettingsView): TCard {
  const model: TFormModel = {
    title: t(locale, "settings.title", { centre: view.centreName }),
    subtitle: "",
    intro: t(locale, "settings.intro"),
    notices: Object.keys(view.errors).length > 0 ? [{ text: t(locale, "settings.rejected"), color: "Attention" }] : [],
    duplicates: [],
    groups: [{ title: "", hint: "", separator: false, items: FIELDS.map((field) => item(locale, view, field)) }],
    links: [],
    actions: [
      cardAction(t(locale, "settings.save"), "save_reminder_settings", { centreId: view.centreId }, { style: "positive", submitsInputs: true }),
      cardAction(translate(locale, "cards:actions.cancel"), "cancel", {}),
    ],
  };
  return renderTemplate("form", model);
}
