import type { TChoice } from "./card-contract.ts";
import { TEXT_MAX } from "../domain/sections/fields.ts";
import type { TFieldError } from "../domain/sections/index.ts";
import { hasTranslation, type TLocale } from "../i18n/translate.ts";
import { cardText, type TNotice } from "./card-format.ts";
import { inputErrorMessage, inputLabel, messagesByField } from "./field-messages.ts";
import { inputItem, type TFormGroup, type TItemSource } from "./form-items.ts";

// The fields of the shared host records a student may create: an établissement (or a proposed
// correction to one), a service, a contact. Required ones follow the schemas of src/app/hosts/.

/** A host record field and how its form asks for it. */
export type THostField = readonly [name: string, spec: TItemSource["spec"]];

/** Which host record a form creates. */
export type THostFormKind = "etablissement" | "service" | "contact";

const text = (maxLength: number, required = false, style?: "email" | "tel" | "url"): TItemSource["spec"] =>
  style === undefined ? { kind: "text", maxLength, required } : { kind: "text", maxLength, required, style };
const code = (required = false): TItemSource["spec"] => ({ kind: "code", required });
const country: TItemSource["spec"] = { kind: "code", maxLength: 2 };

/** The établissement form, required fields as ZEtablissementInput (a NAF code or else an activité). */
export const ETABLISSEMENT_FORM_FIELDS: readonly THostField[] = [
  ["raisonSociale", text(200, true)],
  ["siret", text(TEXT_MAX.shortCode)],
  ["typeStructureCode", code(true)],
  ["statutJuridiqueCode", code(true)],
  ["effectifCode", code(true)],
  // 732 sous-classes: searched by code or words, never listed whole.
  ["nafCode", { kind: "id", dataset: "naf" }],
  ["activite", text(TEXT_MAX.address)],
  ["addressLine", text(TEXT_MAX.address, true)],
  ["postalCode", text(TEXT_MAX.postalCode, true)],
  ["city", text(TEXT_MAX.name, true)],
  ["countryIso2", country],
  ["phone", text(TEXT_MAX.phone, false, "tel")],
  ["email", text(TEXT_MAX.email, false, "email")],
  ["website", text(TEXT_MAX.address, false, "url")],
];

/** The service form: only its name is needed, an empty address is the établissement's. */
export const SERVICE_FORM_FIELDS: readonly THostField[] = [
  ["name", text(TEXT_MAX.address, true)],
  ["addressLine", text(TEXT_MAX.address)],
  ["postalCode", text(TEXT_MAX.postalCode)],
  ["city", text(TEXT_MAX.name)],
  ["countryIso2", country],
  ["phone", text(TEXT_MAX.phone, false, "tel")],
];

/** The contact form (tuteur or signataire), required fields as ZContactInput. */
export const CONTACT_FORM_FIELDS: readonly THostField[] = [
  ["civilite", { kind: "code", options: ["Mme", "M."] }],
  ["lastName", text(TEXT_MAX.name, true)],
  ["firstName", text(TEXT_MAX.name, true)],
  ["fonction", text(TEXT_MAX.name)],
  ["phone", text(TEXT_MAX.phone, false, "tel")],
  ["email", text(TEXT_MAX.email, false, "email")],
  ["serviceId", { kind: "id" }],
];

/** What a host form shows: values, static choices and errors, by field name. */
export type THostFormSource = {
  values: Readonly<Record<string, string | number | boolean | null>>;
  choices: Readonly<Record<string, TChoice[]>>;
  errors: readonly TFieldError[];
};

function hintOf(locale: TLocale, kind: THostFormKind, field: string): string {
  const key = `hostHints.${kind}.${field}`;
  return hasTranslation(locale, `cards:${key}`) ? cardText(locale, key) : "";
}

/** The inputs of a host form in one group, and the notices of errors that have no input. */
export function hostFormContent(
  locale: TLocale,
  kind: THostFormKind,
  fields: readonly THostField[],
  source: THostFormSource,
): { groups: TFormGroup[]; notices: TNotice[] } {
  const messages = messagesByField(locale, source.errors);
  const items = fields.map(([field, spec]) => {
    const value = source.values[field] ?? null;
    const choices = source.choices[field];
    const valueLabel = choices?.find((choice) => choice.value === String(value))?.title;
    const hint = hintOf(locale, kind, field);
    const error = messages.get(field) ?? "";
    return inputItem(locale, { id: field, label: inputLabel(locale, field), field, spec, value, choices, valueLabel, error, hint });
  });
  const names = new Set(fields.map(([field]) => field));
  const notices: TNotice[] = [];
  const wrongFields = new Set(source.errors.map((error) => error.field)).size;
  if (wrongFields > 0) notices.push({ text: cardText(locale, "form.errors", { count: wrongFields }), color: "Attention" });
  for (const error of source.errors) {
    if (!names.has(error.field)) notices.push({ text: inputErrorMessage(locale, error), color: "Attention" });
  }
  return { groups: [{ title: "", hint: "", separator: false, items }], notices };
}
