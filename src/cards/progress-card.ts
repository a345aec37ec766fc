import type { TCard } from "./card-contract.ts";
import { SECTION_IDS, type TSectionCompletion, type TSectionId } from "../domain/sections/index.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, conventionTitle, formatInstant, headerFacts, type TCardAction, type TNotice } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TProgressView } from "./views.ts";

type TSectionRow = {
  title: string;
  status: string;
  color: TNotice["color"];
  separator: boolean;
  hasAction: boolean;
  action: TCardAction | null;
};

function status(locale: TLocale, completion: TSectionCompletion): Pick<TSectionRow, "status" | "color"> {
  if (completion.state === "complete") return { status: cardText(locale, "progress.complete"), color: "Good" };
  if (completion.state === "invalid") return { status: cardText(locale, "progress.invalid"), color: "Attention" };
  return { status: cardText(locale, "progress.incomplete", { count: completion.missing.length }), color: "Warning" };
}

function sectionRow(locale: TLocale, view: TProgressView, sectionId: TSectionId, index: number): TSectionRow {
  const completion = view.completion.sections[sectionId];
  const title = cardText(locale, "progress.sectionTitle", { number: index + 1, section: translate(locale, `domain:sections.${sectionId}`) });
  const buttonKey = completion.state === "incomplete" ? "actions.fill" : "actions.edit";
  const action = view.rights.canEdit ? cardAction(cardText(locale, buttonKey), "open_section", { conventionId: view.conventionId, section: sectionId }) : null;
  return { title, ...status(locale, completion), separator: index > 0, hasAction: action !== null, action };
}

function actions(locale: TLocale, view: TProgressView): TCardAction[] {
  const data = { conventionId: view.conventionId };
  const list = [cardAction(cardText(locale, "actions.recap"), "show_recap", data), cardAction(cardText(locale, "actions.previewPdf"), "preview_pdf", data)];
  // A numbered convention (returned for correction) is no longer a draft: the button says what goes.
  const deleteKey = view.numero === null ? "actions.deleteDraft" : "actions.deleteConvention";
  if (view.rights.canDelete) list.push(cardAction(cardText(locale, deleteKey), "delete_convention", data, { style: "destructive" }));
  if (view.rights.canRequestAvenant === true) list.push(cardAction(cardText(locale, "actions.requestAvenant"), "open_avenant_request", data));
  if (view.rights.canViewHistory === true) list.push(cardAction(cardText(locale, "actions.history"), "show_history", data));
  if (view.rights.canUnvalidate === true) list.push(cardAction(cardText(locale, "actions.unvalidate"), "open_unvalidate", data, { style: "destructive" }));
  return list;
}

// Where the convention stands: what to do next while it may be submitted, else a status line
// (waiting for whom, validated, returned) rather than an invitation to validate.
function footer(locale: TLocale, view: TProgressView): string {
  if (view.rights.canSubmit) return view.completion.complete ? cardText(locale, "progress.allComplete") : "";
  switch (view.state) {
    case "SUBMITTED":
      return view.currentStep ? cardText(locale, `progress.status.waiting.${view.currentStep}`) : cardText(locale, "progress.status.SUBMITTED");
    case "VALIDATED":
    case "RETURNED":
    case "CANCELLED":
      return cardText(locale, `progress.status.${view.state}`);
    default:
      return "";
  }
}

/** The thread's parent message: the convention, each section's state with a button to fill it, then the recap. */
export function progressCard(locale: TLocale, view: TProgressView): TCard {
  return renderTemplate("progress", {
    title: conventionTitle(locale, view),
    facts: headerFacts(locale, view),
    note: view.numero === null ? cardText(locale, "progress.draftNote") : "",
    sections: SECTION_IDS.map((sectionId, index) => sectionRow(locale, view, sectionId, index)),
    footer: footer(locale, view),
    updated: cardText(locale, "header.updatedAt", formatInstant(locale, view.updatedAt)),
    actions: actions(locale, view),
  });
}
