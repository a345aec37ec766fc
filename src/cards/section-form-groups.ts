import type { TConventionValues } from "../domain/convention.ts";
import { MAX_PERIODS } from "../domain/sections/stage.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import { hasTranslation, type TLocale } from "../i18n/translate.ts";
import { cardText } from "./card-format.ts";
import { displayValue } from "./display-value.ts";
import { messagesByField } from "./field-messages.ts";
import { blankItem, factItem, inputItem, type TFormGroup, type TFormItem } from "./form-items.ts";
import { EXTRA_PERIOD_ROWS, FORM_FIELDS, SECTION_LAYOUT, type TFieldSpec } from "./section-form-fields.ts";
import type { TSectionFormView } from "./views.ts";

type TContext = {
  locale: TLocale;
  view: TSectionFormView;
  messages: Map<string, string>;
  /** Field paths whose error is shown next to an item. */
  placed: Set<string>;
};

type TField = keyof TConventionValues;

function optionalText(locale: TLocale, key: string): string {
  return hasTranslation(locale, `cards:${key}`) ? cardText(locale, key) : "";
}

// Takes the message of an item's field and records that it has a place on the card.
function errorOf(context: TContext, path: string): string {
  const message = context.messages.get(path);
  if (message === undefined) return "";
  context.placed.add(path);
  return message;
}

function valueOf(view: TSectionFormView, field: TField): unknown {
  const values: Readonly<Record<string, unknown>> = view.values;
  return values[field];
}

function shownValue(context: TContext, field: TField, spec: TFieldSpec): string | null {
  const { locale, view } = context;
  return displayValue(locale, field, spec, valueOf(view, field), { labels: view.labels, choices: view.choices[field] });
}

function rowCount(context: TContext, field: TField, value: unknown): number {
  const entered = Array.isArray(value) ? value.length : 0;
  let withErrors = 0;
  for (const path of context.messages.keys()) {
    const match = new RegExp(`^${field}\\.(\\d+)\\.`).exec(path);
    if (match) withErrors = Math.max(withErrors, Number(match[1]) + 1);
  }
  return Math.min(MAX_PERIODS, Math.max(entered, withErrors) + EXTRA_PERIOD_ROWS);
}

// A period list: its heading, then fixed rows of inputs "interruptions.0.dateDebut", ...
function periodItems(context: TContext, field: TField, spec: Extract<TFieldSpec, { kind: "periods" }>): TFormItem[] {
  const { locale } = context;
  const value = valueOf(context.view, field);
  const rows = Array.isArray(value) ? value : [];
  const heading = blankItem("subheading", field, fieldLabel(locale, field), errorOf(context, field), optionalText(locale, `hints.${field}`));
  const items = [heading];
  for (let index = 0; index < rowCount(context, field, value); index++) {
    const row: unknown = rows[index];
    const cells: Readonly<Record<string, unknown>> = typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {};
    for (const column of spec.columns) {
      const id = `${field}.${index}.${column}`;
      const cellSpec = column === "hoursPerDay" ? ({ kind: "number" } as const) : ({ kind: "date" } as const);
      const error = errorOf(context, id);
      const source = { id, label: fieldLabel(locale, id), field, spec: cellSpec, value: cells[column], error, hint: "" };
      items.push(inputItem(locale, { ...source, choices: undefined, valueLabel: undefined }));
    }
  }
  return items;
}

// The durée effective's hint says the hours computed from the answers, so the field never looks unknown.
function hintOf(context: TContext, field: TField): string {
  const hours = context.view.computedDureeEffective;
  if (field === "dureeEffectiveSaisie" && typeof hours === "number") return cardText(context.locale, "formStumbles.dureeEffectiveComputed", { hours });
  return optionalText(context.locale, `hints.${field}`);
}

function fieldItems(context: TContext, field: TField): TFormItem[] {
  const { locale, view } = context;
  const spec = FORM_FIELDS[field];
  const label = fieldLabel(locale, field);
  if (spec.kind === "derived" || view.readOnly) {
    const shown = shownValue(context, field, spec);
    if (shown !== null) return [factItem(field, label, shown)];
    // An unanswered derived or optional field says nothing worth a line.
    return "required" in spec && spec.required === true ? [factItem(field, label, cardText(locale, "common.notSet"))] : [];
  }
  if (spec.kind === "periods") return periodItems(context, field, spec);
  const source = {
    id: field,
    label,
    field,
    spec,
    value: valueOf(view, field),
    choices: view.choices[field],
    valueLabel: view.labels[field],
    error: errorOf(context, field),
    hint: hintOf(context, field),
    // A section is saved even incomplete: completion, not the form, says what is missing.
    blockIfEmpty: false,
  };
  return [inputItem(locale, source)];
}

/**
 * The groups of a section's form (AMUSTAGE headings), each field's error under its input;
 * `placed` lists the field paths whose errors found an input, the others go on top of the card.
 */
export function sectionFormGroups(locale: TLocale, view: TSectionFormView): { groups: TFormGroup[]; placed: Set<string> } {
  const context: TContext = { locale, view, messages: messagesByField(locale, view.errors), placed: new Set() };
  const groups = SECTION_LAYOUT[view.sectionId]
    .map((group, index) => ({
      title: group.key === null ? "" : cardText(locale, `groups.${group.key}.title`),
      // Hints say how to answer: a read-only form has nothing to answer.
      hint: group.key === null || view.readOnly ? "" : optionalText(locale, `groups.${group.key}.hint`),
      separator: index > 0,
      items: group.fields.flatMap((field) => fieldItems(context, field)),
    }))
    .filter((group) => group.items.length > 0);
  return { groups, placed: context.placed };
}
