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

/** The sentence of an error code, without the field ("ce champ est obligatoire."), naming the other field of a conflict. */
function errorSentence(locale: TLocale, code: string, params: Record<string, unknown>): string {
  const key = hasTranslation(locale, `domain:field.${code}`) ? `domain:field.${code}` : "domain:field.invalid";
  const shown: Record<string, unknown> = { ...params };
  const other = params["other"];
  if (typeof other === "string") shown["other"] = fieldLabel(locale, other);
  return translate(locale, key, shown);
}

function capitalized(locale: TLocale, text: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** An error code's message naming a field labelled `label`: "« Motif » : ce champ est obligatoire." */
export function namedFieldError(locale: TLocale, label: string, code: string, params: Record<string, unknown> = {}): string {
  return translate(locale, "domain:fieldNamed", { field: label, message: errorSentence(locale, code, params) });
}

/** An error code's message as it reads under its own input, which is labelled already: "Ce champ est obligatoire." */
export function bareFieldError(locale: TLocale, code: string, params: Record<string, unknown> = {}): string {
  return capitalized(locale, errorSentence(locale, code, params));
}

function legalRuleMessage(locale: TLocale, error: TFieldError): string | null {
  // A legal rule's message already says what is wrong and what the law expects.
  if (error.code !== "legal_rule" || typeof error.params?.["rule"] !== "string") return null;
  return translate(locale, `rules:${error.params["rule"]}`, withDisplayDates(error.params));
}

/** The localised message of a field error, naming the field (and the other field of a conflict): for a place away from the input. */
export function fieldErrorMessage(locale: TLocale, error: TFieldError): string {
  return legalRuleMessage(locale, error) ?? namedFieldError(locale, fieldLabel(locale, error.field), error.code, error.params ?? {});
}

/** The localised message of a field error as it reads under its input: the field is not named again. */
export function fieldErrorText(locale: TLocale, error: TFieldError): string {
  return legalRuleMessage(locale, error) ?? bareFieldError(locale, error.code, error.params ?? {});
}
