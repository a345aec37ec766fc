import type { TChoice } from "./card-contract.ts";
import { isAnswered } from "../domain/sections/fields.ts";
import type { TLocale } from "../i18n/translate.ts";
import { cardText, type TCardAction, type TNotice } from "./card-format.ts";
import { optionLabel } from "./display-value.ts";
import { inputErrorText } from "./field-messages.ts";
import type { TFieldSpec } from "./section-form-fields.ts";

// The data of adaptive-cards/form.json, shared by the section, établissement and service /
// contact forms. Every property is always present: the template never meets an undefined.

/** Which element of the template shows an item. */
export type TFormItemKind = "text" | "date" | "number" | "numberEmpty" | "toggle" | "choice" | "search" | "fact" | "subheading";

/** One input (or a read-only fact, or a list heading) with its error and hint right under it. */
export type TFormItem = {
  kind: TFormItemKind;
  id: string;
  label: string;
  value: string | number;
  required: boolean;
  errorMessage: string;
  maxLength: number;
  multiline: boolean;
  textStyle: "text" | "email" | "tel" | "url";
  placeholder: string;
  choices: TChoice[];
  choiceStyle: "compact" | "expanded" | "filtered";
  dataset: string;
  error: string;
  hint: string;
};

/** A group of items under an optional heading. */
export type TFormGroup = { title: string; hint: string; separator: boolean; items: TFormItem[] };

/** Everything adaptive-cards/form.json shows. */
export type TFormModel = {
  title: string;
  subtitle: string;
  intro: string;
  notices: TNotice[];
  duplicates: Array<{ label: string; action: TCardAction }>;
  groups: TFormGroup[];
  /** Buttons under the form (create an établissement, a service...). */
  links: TCardAction[];
  /** The card's own buttons: submit and cancel. */
  actions: TCardAction[];
};

/** What an input item is built from. */
export type TItemSource = {
  id: string;
  label: string;
  /** Field name for option labels (cards:options.<field>.<code>). */
  field: string;
  spec: Exclude<TFieldSpec, { kind: "periods" } | { kind: "derived" }>;
  value: unknown;
  choices: readonly TChoice[] | undefined;
  /** Display text of the current value of an id or code field. */
  valueLabel: string | undefined;
  error: string;
  hint: string;
  /**
   * False where the form saves partial answers (section forms: "every answer is saved at
   * once"): a mandatory field is marked in its label but never blocks the submission.
   */
  blockIfEmpty?: boolean;
};

const MANY_CHOICES = 10;

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

/** An item with nothing but its id, label, error and hint. */
export function blankItem(kind: TFormItemKind, id: string, label: string, error = "", hint = ""): TFormItem {
  return {
    kind,
    id,
    label,
    value: "",
    required: false,
    errorMessage: "",
    maxLength: 0,
    multiline: false,
    textStyle: "text",
    placeholder: "",
    choices: [],
    choiceStyle: "compact",
    dataset: "",
    error,
    hint,
  };
}

/** A read-only line "label: value". */
export function factItem(id: string, label: string, value: string, hint = ""): TFormItem {
  return { ...blankItem("fact", id, label, "", hint), value };
}

// The current value stays selectable even when the static choices do not list it.
function withCurrent(choices: readonly TChoice[], value: unknown, valueLabel: string | undefined): TChoice[] {
  const list = [...choices];
  if (!isAnswered(value)) return list;
  const current = asText(value);
  if (!list.some((choice) => choice.value === current)) list.unshift({ title: valueLabel ?? current, value: current });
  return list;
}

function optionChoices(locale: TLocale, field: string, options: readonly string[]): TChoice[] {
  return options.map((option) => ({ value: option, title: optionLabel(locale, field, option) }));
}

function yesNoChoices(locale: TLocale): TChoice[] {
  return [
    { title: cardText(locale, "common.yes"), value: "true" },
    { title: cardText(locale, "common.no"), value: "false" },
  ];
}

function choiceItem(base: TFormItem, choices: TChoice[], value: unknown, expanded = false): TFormItem {
  const choiceStyle = expanded ? "expanded" : choices.length > MANY_CHOICES ? "filtered" : "compact";
  return { ...base, kind: "choice", choices, choiceStyle, value: typeof value === "boolean" ? String(value) : asText(value) };
}

function listItem(locale: TLocale, source: TItemSource, base: TFormItem): TFormItem {
  const { spec, value } = source;
  const given = source.choices && source.choices.length > 0 ? source.choices : undefined;
  const offered = given ?? (spec.kind === "code" && spec.options ? optionChoices(locale, source.field, spec.options) : undefined);
  if (offered) return { ...choiceItem(base, withCurrent(offered, value, source.valueLabel), value), placeholder: cardText(locale, "common.choose") };
  // A code list the core did not provide is typed; an id cannot be.
  if (spec.kind === "code") return { ...base, kind: "text", value: asText(value), maxLength: spec.maxLength ?? 40 };
  const shown = isAnswered(value) && source.valueLabel !== undefined ? source.valueLabel : cardText(locale, "common.noChoices");
  return { ...factItem(source.id, source.label, shown, source.hint), error: source.error };
}

/** The input item of one field, prefilled, marked required, with its error and hint. */
export function inputItem(locale: TLocale, source: TItemSource): TFormItem {
  const { spec, value } = source;
  const mandatory = spec.required === true;
  const required = mandatory && source.blockIfEmpty !== false;
  const label = mandatory && !required ? `${source.label} *` : source.label;
  const requiredMessage = inputErrorText(locale, { field: source.id, code: "required" });
  const base: TFormItem = {
    ...blankItem("text", source.id, label, source.error, source.hint),
    required,
    errorMessage: required ? requiredMessage : inputErrorText(locale, { field: source.id, code: "invalid" }),
  };
  switch (spec.kind) {
    case "text": {
      const tooLong = inputErrorText(locale, { field: source.id, code: "too_long", params: { max: spec.maxLength } });
      const textStyle = spec.style ?? "text";
      const errorMessage = required ? requiredMessage : tooLong;
      return { ...base, value: asText(value), maxLength: spec.maxLength, multiline: spec.multiline === true, textStyle, errorMessage };
    }
    case "date":
      return { ...base, kind: "date", value: asText(value) };
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? { ...base, kind: "number", value } : { ...base, kind: "numberEmpty" };
    case "boolean":
      if (spec.widget === "toggle") return { ...base, kind: "toggle", value: value === true ? "true" : "false" };
      return choiceItem(base, yesNoChoices(locale), value, true);
    case "id":
      if (spec.dataset === undefined) return listItem(locale, source, base);
      return {
        ...base,
        kind: "search",
        value: asText(value),
        choices: withCurrent(source.choices ?? [], value, source.valueLabel),
        dataset: spec.dataset,
        placeholder: cardText(locale, `form.search.${spec.dataset}`),
      };
    case "code":
      return listItem(locale, source, base);
  }
}
