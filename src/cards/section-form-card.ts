import type { TCard } from "./card-contract.ts";
import { SECTION_IDS, type TSectionId } from "../domain/sections/index.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, conventionSubtitle, formatInstant, joinLabels, type TCardAction, type TNotice } from "./card-format.ts";
import { inputErrorMessage } from "./field-messages.ts";
import type { TFormModel } from "./form-items.ts";
import { renderTemplate } from "./render-template.ts";
import { sectionFormGroups } from "./section-form-groups.ts";
import type { TSectionFormView } from "./views.ts";
import { ruleNotice } from "./workflow-format.ts";

// Sections whose records belong to the chosen établissement: they can only be created under it.
const HOST_CHILD_SECTIONS: ReadonlySet<TSectionId> = new Set(["service", "tuteur", "signataire"]);

function etablissementIdOf(view: TSectionFormView): number | null {
  const id = view.values.etablissementId;
  return typeof id === "number" ? id : null;
}

function links(locale: TLocale, view: TSectionFormView): TCardAction[] {
  if (view.readOnly) return [];
  const conventionId = view.header.conventionId;
  const discard =
    view.resumedDraftAt === undefined
      ? []
      : [cardAction(cardText(locale, "formDrafts.discard"), "discard_form_draft", { conventionId, section: view.sectionId })];
  return [...discard, ...hostLinks(locale, view, conventionId)];
}

function hostLinks(locale: TLocale, view: TSectionFormView, conventionId: number): TCardAction[] {
  const etablissementId = etablissementIdOf(view);
  if (view.sectionId === "etablissement") {
    const create = cardAction(cardText(locale, "actions.createEtablissement"), "open_etablissement_create", { conventionId });
    if (etablissementId === null) return [create];
    const data = { conventionId, etablissementId };
    return [create, cardAction(cardText(locale, "actions.proposeCorrection"), "open_etablissement_create", data)];
  }
  if (!HOST_CHILD_SECTIONS.has(view.sectionId) || etablissementId === null) return [];
  const data = { conventionId, etablissementId, forSection: view.sectionId };
  if (view.sectionId === "service") return [cardAction(cardText(locale, "actions.createService"), "open_service_create", data)];
  return [cardAction(cardText(locale, "actions.createContact"), "open_contact_create", data)];
}

function notices(locale: TLocale, view: TSectionFormView, placed: Set<string>): TNotice[] {
  const list: TNotice[] = [];
  if (view.readOnly) list.push({ text: cardText(locale, "form.readOnly"), color: "Accent" });
  if (view.resumedDraftAt !== undefined && !view.readOnly) {
    list.push({ text: cardText(locale, "formDrafts.resumed", formatInstant(locale, view.resumedDraftAt)), color: "Warning" });
  }
  // One line says how many answers to correct; each error is said once, under its input.
  const wrongFields = new Set(view.errors.map((error) => error.field)).size;
  if (wrongFields > 0) list.push({ text: cardText(locale, "form.errors", { count: wrongFields }), color: "Attention" });
  for (const error of view.errors) {
    if (!placed.has(error.field)) list.push({ text: inputErrorMessage(locale, error), color: "Attention" });
  }
  if (!view.readOnly && view.missing.length > 0) {
    const fields = joinLabels(
      locale,
      view.missing.map((field) => fieldLabel(locale, field)),
    );
    list.push({ text: cardText(locale, "form.missing", { fields }), color: "Warning" });
  }
  if (!view.readOnly && HOST_CHILD_SECTIONS.has(view.sectionId) && etablissementIdOf(view) === null) {
    list.push({ text: cardText(locale, "form.needsEtablissement"), color: "Warning" });
  }
  for (const figure of view.figures ?? []) list.push(ruleNotice(locale, figure));
  return list;
}

function actions(locale: TLocale, view: TSectionFormView): TCardAction[] {
  const conventionId = view.header.conventionId;
  if (view.readOnly) return [cardAction(cardText(locale, "actions.close"), "cancel", { conventionId })];
  const data: Record<string, unknown> = { conventionId, version: view.header.version, section: view.sectionId };
  // The typeahead of services and contacts searches the chosen établissement only.
  const etablissementId = etablissementIdOf(view);
  if (HOST_CHILD_SECTIONS.has(view.sectionId) && etablissementId !== null) data["etablissementId"] = etablissementId;
  return [
    cardAction(cardText(locale, "actions.save"), "save_section", data, { style: "positive", submitsInputs: true }),
    // « Annuler » sends what was typed too: it is kept as a draft, never saved into the convention.
    cardAction(cardText(locale, "actions.cancel"), "form_closed", data, { submitsInputs: true }),
  ];
}

/** The form of one section, prefilled, each field's error under its input; read-only when it can no longer be changed. */
export function sectionFormCard(locale: TLocale, view: TSectionFormView): TCard {
  const { groups, placed } = sectionFormGroups(locale, view);
  const number = SECTION_IDS.indexOf(view.sectionId) + 1;
  const model: TFormModel = {
    title: cardText(locale, "form.title", { number, section: translate(locale, `domain:sections.${view.sectionId}`) }),
    subtitle: conventionSubtitle(locale, view.header),
    intro: "",
    notices: notices(locale, view, placed),
    duplicates: [],
    groups,
    links: links(locale, view),
    actions: actions(locale, view),
  };
  return renderTemplate("form", model);
}
