import type { TFieldError } from "../domain/sections/field-error.ts";
import { hasTranslation, translate, type TLocale } from "./translate.ts";

// Lives here, not in domain/: the domain returns errors as data, the translator reads files.

/**
 * The human label of a field path: "dateFin" → "Date de fin du stage",
 * "interruptions.1.dateFin" → "Date de fin de l'interruption n° 2". Unknown fields keep their name.
 */
export function fieldLabel(locale: TLocale, field: string): string {
  const [root = "", index, child] = field.split(".");
  const rootKey = `domain:fields.${root}`;
  const rootLabel = hasTranslation(locale, rootKey) ? translate(locale, rootKey) : root;
  if (index === undefined || !/^\d+$/.test(index)) return index === undefined ? rootLabel : field;
  const itemKey = `domain:items.${root}.${child ?? ""}`;
  const label = child !== undefined && hasTranslation(locale, itemKey) ? translate(locale, itemKey) : rootLabel;
  return translate(locale, "domain:fieldItem", { label, index: Number(index) + 1 });
}

/** Rule parameters with their ISO dates ("2027-02-01") as the convention writes them ("01/02/2027"). */
export function withDisplayDates(params: Record<string, string | number>): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    const match = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
    shown[key] = match ? `${match[3]}/${match[2]}/${match[1]}` : value;
  }
  return shown;
}

/** The localised message of a field error, naming the field (and the other field of a conflict). */
export function fieldErrorMessage(locale: TLocale, error: TFieldError): string {
  // A legal rule's message already says what is wrong and what the law expects.
  if (error.code === "legal_rule" && typeof error.params?.["rule"] === "string") {
    return translate(locale, `rules:${error.params["rule"]}`, withDisplayDates(error.params));
  }
  const key = hasTranslation(locale, `domain:field.${error.code}`) ? `domain:field.${error.code}` : "domain:field.invalid";
  const params: Record<string, string | number> = { ...error.params, field: fieldLabel(locale, error.field) };
  const other = error.params?.["other"];
  if (typeof other === "string") params["other"] = fieldLabel(locale, other);
  return translate(locale, key, params);
}
