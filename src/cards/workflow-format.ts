import type { TRuleResult } from "../domain/rules/index.ts";
import { withDisplayDates } from "../i18n/field-error-message.ts";
import { hasTranslation, translate, type TLocale } from "../i18n/translate.ts";
import { cardText, formatInstant, type TNotice } from "./card-format.ts";

// Words and formats shared by the cards of the validation workflow (approval, reason form,
// history, staff lists).

/** The convention's number as shown in titles; a dash in the (unexpected) case it has none yet. */
export function numeroText(numero: number | null | undefined): string {
  return numero === null || numero === undefined ? "—" : String(numero);
}

/** "Validation pédagogique"; an unknown step keeps its code. */
export function stepName(locale: TLocale, step: string): string {
  const key = `domain:steps.${step}`;
  return hasTranslation(locale, key) ? translate(locale, key) : step;
}

/** "28/11/2026 à 14:05", in Europe/Paris. */
export function instantText(locale: TLocale, instant: Date): string {
  return cardText(locale, "workflow.when", formatInstant(locale, instant));
}

/** A text cut to `max` characters, ending with "…" when it was longer. */
export function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A legal rule's message as the recap shows it (⚠️ À vérifier : …), its dates as the reader writes them. */
export function ruleNotice(locale: TLocale, result: TRuleResult): TNotice {
  const message = translate(locale, `rules:${result.code}`, withDisplayDates(result.params));
  const color = result.severity === "error" ? "Attention" : result.severity === "warning" ? "Warning" : "Default";
  return { text: cardText(locale, `recap.rule.${result.severity}`, { message }), color };
}
