import { isAnswered } from "../domain/sections/fields.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardText, formatNumber, type TFact } from "./card-format.ts";
import { displayValue } from "./display-value.ts";
import { fieldSpec } from "./section-form-fields.ts";
import type { THistoryEntry } from "./views.ts";
import { clipText } from "./workflow-format.ts";

// The audit trail keeps values as saved (ids, codes, ISO dates): the core gives the labels of
// ids and codes (contacts, référent, formation, countries, lists) in the reader's language, and
// the rest reads as the recap shows it. Long texts are shortened: the history says what
// changed, the recap and the PDF say what it says now.

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

// One line per change: a multi-line text reads as one.
function fullValueText(locale: TLocale, field: string, value: unknown, label: string | undefined): string {
  if (!isAnswered(value)) return cardText(locale, "history.emptyValue");
  const spec = fieldSpec(field);
  const labels = { [field]: label };
  const shown = spec === undefined ? (label ?? rawText(locale, value)) : (displayValue(locale, field, spec, value, { labels }) ?? rawText(locale, value));
  return shown.replace(/\s+/g, " ").trim();
}

/** How one side of a change reads: "Jean Dupont — Directeur", "France", "02/03/2026", "Oui", "(vide)", a text cut to 120 characters. */
export function changeValueText(locale: TLocale, field: string, value: unknown, label?: string): string {
  return clipText(fullValueText(locale, field, value, label), MAX_CHANGE_VALUE);
}

/**
 * "Libellé : avant → après" as facts, at most MAX_CHANGES_PER_ENTRY, then how many more. A change
 * that reads the same on both sides (null saved as "", 35 as "35") changed nothing for the reader.
 */
export function changeFacts(locale: TLocale, changes: THistoryEntry["changes"]): TFact[] {
  const real = changes
    .map((change) => ({
      field: change.field,
      before: fullValueText(locale, change.field, change.before, change.beforeLabel),
      after: fullValueText(locale, change.field, change.after, change.afterLabel),
    }))
    .filter((change) => change.before !== change.after);
  const shown = real.slice(0, MAX_CHANGES_PER_ENTRY).map((change) => ({
    title: fieldLabel(locale, change.field),
    value: cardText(locale, "history.change", { before: clipText(change.before, MAX_CHANGE_VALUE), after: clipText(change.after, MAX_CHANGE_VALUE) }),
  }));
  const hidden = real.length - shown.length;
  if (hidden > 0) shown.push({ title: "…", value: cardText(locale, "history.moreChanges", { count: hidden }) });
  return shown;
}
