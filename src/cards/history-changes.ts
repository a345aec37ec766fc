import { isAnswered } from "../domain/sections/fields.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardText, formatNumber, type TFact } from "./card-format.ts";
import { displayValue } from "./display-value.ts";
import { fieldSpec } from "./section-form-fields.ts";
import type { THistoryEntry } from "./views.ts";
import { clipText } from "./workflow-format.ts";

// The audit trail keeps values as saved (ids, codes, ISO dates): they read as the recap shows
// them, without the labels of ids the history does not resolve. Long texts are shortened:
// the history says what changed, the recap and the PDF say what it says now.

/** Longest value shown on either side of "→". */
export const MAX_CHANGE_VALUE = 120;

/** Most changes listed per entry (a FactSet stays under Slack's 3000 characters per text). */
export const MAX_CHANGES_PER_ENTRY = 8;

function rawText(locale: TLocale, value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(locale, value);
  if (typeof value === "boolean") return cardText(locale, value ? "common.yes" : "common.no");
  return JSON.stringify(value) ?? String(value);
}

/** How one side of a change reads: "02/03/2026", "Oui", "(vide)", a text cut to 120 characters. */
export function changeValueText(locale: TLocale, field: string, value: unknown): string {
  if (!isAnswered(value)) return cardText(locale, "history.emptyValue");
  const spec = fieldSpec(field);
  const shown = spec === undefined ? rawText(locale, value) : (displayValue(locale, field, spec, value, { labels: {} }) ?? rawText(locale, value));
  // One line per change: a multi-line text reads as one.
  return clipText(shown.replace(/\s+/g, " ").trim(), MAX_CHANGE_VALUE);
}

/** "Libellé : avant → après" as facts, at most MAX_CHANGES_PER_ENTRY, then how many more. */
export function changeFacts(locale: TLocale, changes: THistoryEntry["changes"]): TFact[] {
  const shown = changes.slice(0, MAX_CHANGES_PER_ENTRY).map((change) => ({
    title: fieldLabel(locale, change.field),
    value: cardText(locale, "history.change", {
      before: changeValueText(locale, change.field, change.before),
      after: changeValueText(locale, change.field, change.after),
    }),
  }));
  const hidden = changes.length - shown.length;
  if (hidden > 0) shown.push({ title: "…", value: cardText(locale, "history.moreChanges", { count: hidden }) });
  return shown;
}
