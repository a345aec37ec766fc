import type { TFieldError } from "../domain/sections/index.ts";
import type { TLocale } from "../i18n/translate.ts";
import { inputErrorText, inputIdOfError } from "./field-messages.ts";

/**
 * Input id → localised message, for Slack's response_action "errors" (one message per input;
 * several errors on one input are joined), shown under the labelled input: the label is not repeated. Errors on no input are left to the card.
 */
export function fieldErrorsByInput(locale: TLocale, errors: readonly TFieldError[]): Record<string, string> {
  const byInput: Record<string, string> = {};
  for (const error of errors) {
    const inputId = inputIdOfError(error.field);
    if (inputId === null) continue;
    const message = inputErrorText(locale, error);
    const previous = byInput[inputId];
    byInput[inputId] = previous === undefined ? message : `${previous} ${message}`;
  }
  return byInput;
}
