import type { TFieldError } from "../domain/sections/field-error.ts";
import { bareFieldError, fieldLabel, namedFieldError } from "./field-error-message.ts";
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
  return namedFieldError(locale, hostFieldLabel(locale, error.field), error.code, error.params ?? {});
}

/** The message of a host form's field error under its input, the field not named again. */
export function hostFieldErrorText(locale: TLocale, error: TFieldError): string {
  return bareFieldError(locale, error.code, error.params ?? {});
}
