import type { TChoice } from "./card-contract.ts";
import type { TAvenantFieldError } from "../domain/avenant.ts";
import { isAnswered } from "../domain/sections/fields.ts";
import { FORM_FIELD, type TFieldError } from "../domain/sections/index.ts";
import { fieldErrorMessage, fieldLabel, namedFieldError } from "../i18n/field-error-message.ts";
import { hasTranslation, type TLocale } from "../i18n/translate.ts";
import { cardText, formatDate, formatNumber } from "./card-format.ts";
import { displayValue } from "./display-value.ts";
import { inputErrorMessage } from "./field-messages.ts";
import { fieldSpec } from "./section-form-fields.ts";
import { clipText } from "./workflow-format.ts";

// Words shared by the avenant cards: the errors of a request and the values of a change.

/** Fields of the avenant itself (not of the convention), labelled in cards.json. */
export const AVENANT_OWN_FIELDS = ["motifs", "motifAutre", "comment"] as const;

/** Fields hidden on the cards of a confidential convention. */
const CONFIDENTIAL_FIELDS: ReadonlySet<string> = new Set(["sujet", "fonctionsTaches", "competences"]);

/** Longest value shown on either side of "→". */
const MAX_VALUE = 500;

/** The label of an avenant form input: the avenant's own fields, or a convention field's. */
export function avenantFieldLabel(locale: TLocale, field: string): string {
  return (AVENANT_OWN_FIELDS as readonly string[]).includes(field) ? cardText(locale, `avenantForm.labels.${field}`) : fieldLabel(locale, field);
}

// « Rupture anticipée du stage » ou « Modification des dates du stage »: any one of them allows the change.
function motifLabels(locale: TLocale, codes: string, motifChoices: readonly TChoice[]): string {
  const labels = codes.split(",").map((code) => motifChoices.find((choice) => choice.value === code)?.title ?? code);
  const quoted = labels.map((label) => cardText(locale, "avenantErrors.motifQuoted", { label }));
  return new Intl.ListFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "long", type: "disjunction" }).format(quoted);
}

/** "Le signataire ne peut pas être modifié par un avenant : une nouvelle convention est nécessaire." */
function newConventionMessage(locale: TLocale, field: string): string {
  const key = `avenantErrors.newConvention.${field}`;
  return hasTranslation(locale, `cards:${key}`)
    ? cardText(locale, key)
    : cardText(locale, "avenantErrors.newConvention.other", { field: fieldLabel(locale, field) });
}

/** The localised message of an avenant request's error, naming the field (and the motives that would allow it). */
export function avenantErrorMessage(locale: TLocale, error: TAvenantFieldError, motifChoices: readonly TChoice[] = []): string {
  const params = error.params ?? {};
  switch (error.code) {
    case "new_convention_needed":
      return newConventionMessage(locale, error.field);
    case "field_not_in_motives":
      return cardText(locale, "avenantErrors.fieldNotInMotives", {
        field: fieldLabel(locale, error.field),
        motifs: motifLabels(locale, String(params["motifs"] ?? ""), motifChoices),
      });
    case "rupture_not_earlier":
      return cardText(locale, "avenantErrors.ruptureNotEarlier", { end: formatDate(String(params["end"] ?? "")) });
    default:
      break;
  }
  if (error.code === "legal_rule") {
    // The rule's own message, its dates as the reader writes them.
    const shown = Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, typeof value === "string" && key !== "rule" ? formatDate(value) : value]),
    );
    return fieldErrorMessage(locale, { field: error.field, code: "legal_rule", params: shown });
  }
  if (error.field === FORM_FIELD && error.code === "no_change") return cardText(locale, "avenantErrors.noChange");
  if ((AVENANT_OWN_FIELDS as readonly string[]).includes(error.field)) {
    return namedFieldError(locale, avenantFieldLabel(locale, error.field), error.code, params);
  }
  // The remaining codes are the sections' field error codes.
  return inputErrorMessage(locale, error as TFieldError);
}

/** How one side of a change reads: "05/03/2027", a service's name, "(vide)", hidden on a confidential convention. */
export function avenantValueText(locale: TLocale, field: string, value: unknown, label: string | null, confidential: boolean): string {
  if (!isAnswered(value)) return cardText(locale, "history.emptyValue");
  if (confidential && CONFIDENTIAL_FIELDS.has(field)) return cardText(locale, "avenantApproval.hidden");
  if (label !== null) return label;
  const spec = fieldSpec(field);
  const shown = spec === undefined ? null : displayValue(locale, field, spec, value, { labels: {} });
  const text = shown ?? (typeof value === "number" ? formatNumber(locale, value) : typeof value === "string" ? value : JSON.stringify(value));
  return clipText(text.replace(/\s+/g, " ").trim(), MAX_VALUE);
}
