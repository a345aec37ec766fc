import type { TCard } from "./card-contract.ts";
import { AVENANT_FIELDS, AVENANT_TEXT_MAX, MOTIFS_AVENANT, type TMotifAvenant } from "../domain/avenant.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { MAX_PERIODS } from "../domain/sections/stage.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import type { TLocale } from "../i18n/translate.ts";
import { AVENANT_OWN_FIELDS, avenantErrorMessage, avenantFieldLabel } from "./avenant-format.ts";
import { inputIdOfError } from "./field-messages.ts";
import { cardAction, cardText, conventionSubtitle, joinLabels, type TNotice } from "./card-format.ts";
import { blankItem, inputItem, type TFormGroup, type TFormItem, type TFormModel } from "./form-items.ts";
import { renderTemplate } from "./render-template.ts";
import { EXTRA_PERIOD_ROWS, FORM_FIELDS } from "./section-form-fields.ts";
import type { TAvenantRequestFormView } from "./views.ts";

type TField = keyof TConventionValues;

/** The changeable fields, grouped as the form shows them (every field of AVENANT_FIELDS appears once). */
export const AVENANT_FORM_LAYOUT: ReadonlyArray<{ key: string; fields: readonly TField[] }> = [
  { key: "dates", fields: ["dateDebut", "dateFin"] },
  { key: "interruptions", fields: ["interruptions"] },
  { key: "encadrement", fields: ["serviceId", "tuteurId", "enseignantId"] },
  { key: "sujet", fields: ["sujet", "fonctionsTaches", "competences"] },
  { key: "gratification", fields: ["gratification", "gratificationMontant", "gratificationType", "gratificationUnite", "deviseCode", "modeVersementCode"] },
];

type TContext = { locale: TLocale; view: TAvenantRequestFormView; messages: Map<string, string>; placed: Set<string> };

function errorOf(context: TContext, path: string): string {
  const message = context.messages.get(path);
  if (message === undefined) return "";
  context.placed.add(path);
  return message;
}

function messagesByField(view: TAvenantRequestFormView, locale: TLocale): Map<string, string> {
  const messages = new Map<string, string>();
  for (const error of view.errors) {
    const message = avenantErrorMessage(locale, error, view.motifChoices);
    const previous = messages.get(error.field);
    messages.set(error.field, previous === undefined ? message : `${previous} ${message}`);
  }
  return messages;
}

function motifItems(context: TContext): TFormItem[] {
  const { locale, view } = context;
  const motifs: TFormItem = {
    ...blankItem("choice", "motifs", avenantFieldLabel(locale, "motifs"), errorOf(context, "motifs"), cardText(locale, "avenantForm.hints.motifs")),
    choices: view.motifChoices,
    choiceStyle: "expanded",
    value: view.motifs.join(","),
    required: true,
    errorMessage: avenantErrorMessage(locale, { field: "motifs", code: "required" }),
  };
  const text = (id: "motifAutre" | "comment", value: string): TFormItem => ({
    ...blankItem("text", id, avenantFieldLabel(locale, id), errorOf(context, id), cardText(locale, `avenantForm.hints.${id}`)),
    value,
    maxLength: AVENANT_TEXT_MAX,
    multiline: true,
    errorMessage: avenantErrorMessage(locale, { field: id, code: "too_long", params: { max: AVENANT_TEXT_MAX } }),
  });
  return [motifs, text("motifAutre", view.motifAutre), text("comment", view.comment)];
}

// Rows "interruptions.0.dateDebut"..., as the section form names them: the current periods, then spare rows.
function periodItems(context: TContext, field: "interruptions"): TFormItem[] {
  const { locale, view } = context;
  const value = view.values[field];
  const rows: unknown[] = Array.isArray(value) ? value : [];
  let withErrors = 0;
  for (const path of context.messages.keys()) {
    const match = new RegExp(`^${field}\\.(\\d+)\\.`).exec(path);
    if (match) withErrors = Math.max(withErrors, Number(match[1]) + 1);
  }
  const count = Math.min(MAX_PERIODS, Math.max(rows.length, withErrors) + EXTRA_PERIOD_ROWS);
  const items = [blankItem("subheading", field, fieldLabel(locale, field), errorOf(context, field))];
  for (let index = 0; index < count; index++) {
    const row = rows[index];
    const cells: Readonly<Record<string, unknown>> = typeof row === "object" && row !== null ? (row as Record<string, unknown>) : {};
    for (const column of ["dateDebut", "dateFin"] as const) {
      const id = `${field}.${index}.${column}`;
      const source = { id, label: fieldLabel(locale, id), field, spec: { kind: "date" } as const, value: cells[column], error: errorOf(context, id), hint: "" };
      items.push(inputItem(locale, { ...source, choices: undefined, valueLabel: undefined }));
    }
  }
  return items;
}

function fieldItems(context: TContext, field: TField): TFormItem[] {
  const { locale, view } = context;
  const spec = FORM_FIELDS[field];
  if (spec.kind === "periods") return field === "interruptions" ? periodItems(context, field) : [];
  if (spec.kind === "derived") return [];
  const source = {
    id: field,
    label: fieldLabel(locale, field),
    field,
    spec,
    value: view.values[field],
    choices: view.choices[field],
    valueLabel: view.labels[field],
    error: errorOf(context, field),
    hint: "",
    // The current values are prefilled: emptying one is refused by the core with its reason.
    blockIfEmpty: false,
  };
  return [inputItem(locale, source)];
}

function groupHint(context: TContext, fields: readonly TField[]): string {
  const motifs = MOTIFS_AVENANT.filter((motif: TMotifAvenant) => fields.some((field) => AVENANT_FIELDS[motif].includes(field)));
  const labels = motifs.map((motif) => context.view.motifChoices.find((choice) => choice.value === motif)?.title ?? motif);
  return cardText(context.locale, "avenantForm.groupHint", { motifs: joinLabels(context.locale, labels) });
}

function notices(context: TContext): TNotice[] {
  const { locale, view } = context;
  const list: TNotice[] = [];
  if (view.errors.length > 0) list.push({ text: cardText(locale, "form.errors", { count: view.errors.length }), color: "Attention" });
  for (const [field, message] of context.messages) {
    if (!context.placed.has(field)) list.push({ text: message, color: "Attention" });
  }
  return list;
}

/**
 * The form requesting an avenant: the motives (several may be ticked), the other motive and a
 * comment, then the fields an avenant may change, prefilled with the current values; each
 * field's error under it, the others (a field no avenant may change, a legal rule) on top.
 */
export function avenantRequestFormCard(locale: TLocale, view: TAvenantRequestFormView): TCard {
  const context: TContext = { locale, view, messages: messagesByField(view, locale), placed: new Set() };
  const groups: TFormGroup[] = [
    { title: cardText(locale, "avenantForm.groups.motifs"), hint: "", separator: false, items: motifItems(context) },
    ...AVENANT_FORM_LAYOUT.map((group) => ({
      title: cardText(locale, `avenantForm.groups.${group.key}`),
      hint: groupHint(context, group.fields),
      separator: true,
      items: group.fields.flatMap((field) => fieldItems(context, field)),
    })),
  ];
  const conventionId = view.header.conventionId;
  const model: TFormModel = {
    title: cardText(locale, "avenantForm.title", { numero: view.header.numero ?? "—" }),
    subtitle: conventionSubtitle(locale, view.header),
    intro: cardText(locale, "avenantForm.intro"),
    // After the groups were built: only then is it known which errors found their input.
    notices: notices(context),
    duplicates: [],
    groups,
    links: [],
    actions: [
      cardAction(
        cardText(locale, "avenantForm.submit"),
        "request_avenant",
        { conventionId, version: view.header.version },
        { style: "positive", submitsInputs: true },
      ),
      cardAction(cardText(locale, "actions.cancel"), "cancel", { conventionId }),
    ],
  };
  return withMultiSelect(renderTemplate("form", model), "motifs");
}

// The shared form template has single choices only: the motives' list is made a multi-select here.
function withMultiSelect(card: TCard, inputId: string): TCard {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== "object" || node === null) return node;
    const record = node as Record<string, unknown>;
    const copy = Object.fromEntries(Object.entries(record).map(([key, value]) => [key, visit(value)]));
    return record["type"] === "Input.ChoiceSet" && record["id"] === inputId ? { ...copy, isMultiSelect: true } : copy;
  };
  return { ...card, body: card.body.map(visit) };
}

/** Input id → message for the errors that have an input on the avenant form (Slack's response_action "errors"). */
export function avenantFormErrorsByInput(locale: TLocale, view: Pick<TAvenantRequestFormView, "errors" | "motifChoices">): Record<string, string> {
  const onForm = new Set<string>([...AVENANT_OWN_FIELDS, ...AVENANT_FORM_LAYOUT.flatMap((group) => group.fields)]);
  const byInput: Record<string, string> = {};
  for (const error of view.errors) {
    const inputId = onForm.has(error.field.split(".")[0] ?? "") ? inputIdOfError(error.field) : null;
    if (inputId === null) continue;
    const message = avenantErrorMessage(locale, error, view.motifChoices);
    const previous = byInput[inputId];
    byInput[inputId] = previous === undefined ? message : `${previous} ${message}`;
  }
  return byInput;
}
