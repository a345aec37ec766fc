import type { TChoice } from "./card-contract.ts";
import { isAnswered } from "../domain/sections/fields.ts";
import { hasTranslation, translate, type TLocale } from "../i18n/translate.ts";
import { cardText, formatDate, formatNumber } from "./card-format.ts";
import type { TFieldSpec } from "./section-form-fields.ts";

/** What a value's display may use: labels of codes and ids, and the field's choices. */
export type TDisplayContext = {
  labels: Readonly<Record<string, string | undefined>>;
  choices?: readonly TChoice[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function cellText(value: unknown): string {
  return typeof value === "string" ? formatDate(value) : "…";
}

function formatPeriods(locale: TLocale, value: unknown): string {
  if (!Array.isArray(value)) return String(value);
  return value
    .filter(isRecord)
    .map((row) => {
      const dates = { start: cellText(row["dateDebut"]), end: cellText(row["dateFin"]) };
      const hours = row["hoursPerDay"];
      if (hours === undefined || hours === null) return cardText(locale, "values.period", dates);
      const shown = typeof hours === "number" ? formatNumber(locale, hours) : typeof hours === "string" ? hours : "…";
      return cardText(locale, "values.periodHours", { ...dates, hours: shown });
    })
    .join(cardText(locale, "values.separator"));
}

/**
 * The label of a closed list's code when the core gave none: cards:options.<field>.<code>
 * ("M." read as "M"), else forms:<field>.<code> (langue), else the code itself.
 */
export function optionLabel(locale: TLocale, field: string, value: string): string {
  const code = value.replace(/[^A-Za-z0-9_]/g, "");
  for (const key of [`cards:options.${field}.${code}`, `forms:${field}.${code}`]) {
    if (hasTranslation(locale, key)) return translate(locale, key);
  }
  return value;
}

function optionText(locale: TLocale, field: string, value: string, choices: readonly TChoice[] | undefined): string {
  return choices?.find((choice) => choice.value === value)?.title ?? optionLabel(locale, field, value);
}

/** How a saved value reads in the recap and in read-only forms; null when it is not answered. */
export function displayValue(locale: TLocale, field: string, spec: TFieldSpec, value: unknown, context: TDisplayContext): string | null {
  if (!isAnswered(value)) return null;
  const label = context.labels[field];
  if (label !== undefined && (spec.kind === "id" || spec.kind === "code" || spec.kind === "derived")) return label;
  switch (spec.kind) {
    case "boolean":
      return typeof value === "boolean" ? cardText(locale, value ? "common.yes" : "common.no") : String(value);
    case "date":
      return formatDate(String(value));
    case "number":
      return typeof value === "number" ? formatNumber(locale, value, spec.money ? 2 : 0) : String(value);
    case "periods":
      return formatPeriods(locale, value);
    case "id":
    case "code":
      return optionText(locale, field, String(value), context.choices);
    default:
      return String(value);
  }
}
