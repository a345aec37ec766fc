import { FORM_FIELD, type TFieldError } from "../domain/sections/index.ts";
import { fieldErrorMessage, fieldErrorText, fieldLabel } from "../i18n/field-error-message.ts";
import { hostFieldErrorMessage, hostFieldErrorText, hostFieldLabel } from "../i18n/host-field-label.ts";
import type { TLocale } from "../i18n/translate.ts";
import { fieldSpec } from "./section-form-fields.ts";

// Labels and error messages of form inputs: convention fields ("dateFin",
// "interruptions.0.dateFin") and the fields of the établissement / service / contact forms.

function isConventionField(field: string): boolean {
  return fieldSpec(field.split(".")[0] ?? "") !== undefined;
}

/** The label of an input id: "dateFin", "interruptions.0.dateFin", or a host form's "raisonSociale". */
export function inputLabel(locale: TLocale, field: string): string {
  return isConventionField(field) ? fieldLabel(locale, field) : hostFieldLabel(locale, field);
}

/** The localised message of a field error, naming the field as its input is labelled: for the top of a form. */
export function inputErrorMessage(locale: TLocale, error: TFieldError): string {
  // An error on the whole form names no field.
  if (error.field === FORM_FIELD) return inputErrorText(locale, error);
  return isConventionField(error.field) ? fieldErrorMessage(locale, error) : hostFieldErrorMessage(locale, error);
}

/** The localised message of a field error under its input, which already shows the label. */
export function inputErrorText(locale: TLocale, error: TFieldError): string {
  return isConventionField(error.field) ? fieldErrorText(locale, error) : hostFieldErrorText(locale, error);
}

/**
 * The input that shows an error: the field itself, or the first row of a period list for an
 * error on the whole list; null for errors on no input (the whole form).
 */
export function inputIdOfError(field: string): string | null {
  if (field === FORM_FIELD) return null;
  const spec = fieldSpec(field);
  if (spec?.kind === "periods") return `${field}.0.${spec.columns[0] ?? "dateDebut"}`;
  return field;
}

/** The messages of each field's errors as they read under its input, joined, keyed by field path. */
export function messagesByField(locale: TLocale, errors: readonly TFieldError[]): Map<string, string> {
  const messages = new Map<string, string>();
  for (const error of errors) {
    const message = inputErrorText(locale, error);
    const previous = messages.get(error.field);
    messages.set(error.field, previous === undefined ? message : `${previous} ${message}`);
  }
  return messages;
}
