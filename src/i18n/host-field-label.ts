import type { TFieldError } from "../domain/sections/field-error.ts";
import { fieldLabel } from "./field-error-message.ts";
import { hasTranslation, translate, type TLocale } from "./translate.ts";

// The host forms (établissement, service, contact) have fields of their own, labelled under
// domain:hostFields; anything else ("_form") is labelled like a convention field.

/** The human label of a host form's field: "siret" → "Numéro SIRET". */
export function hostFieldLabel(locale: TLocale, field: string): string {
  const key = `domain:hostFields.${field}`;
  return hasTranslation(locale, key) ? translate(locale, key) : fieldLabel(locale, field);
}

/** The localised message of a host form's field error, naming the field. */
export function hostFieldErrorMessage(locale: TLocale, error: TFieldError): string {
  const key = hasTranslation(locale, `domain:field.${error.code}`) ? `domain:field.${error.code}` : "domain:field.invalid";
  return translate(locale, key, { ...error.params, field: hostFieldLabel(locale, error.field) });
}
