import type { TCard } from "./card-contract.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import { avenantFieldLabel, avenantValueText } from "./avenant-format.ts";
import { cardAction, cardText, formatInstant, formatNumber, joinLabels, type TCardAction, type TFact, type TNotice } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TAvenantApprovalView, TAvenantFigure } from "./views.ts";
import { clipText, numeroText, ruleNotice } from "./workflow-format.ts";

// Slack allows 3000 characters per text.
const MAX_TEXT = 2000;

function facts(locale: TLocale, view: TAvenantApprovalView): TFact[] {
  const list: TFact[] = [
    { title: translate(locale, "domain:sections.etudiant"), value: view.studentName },
    { title: fieldLabel(locale, "etablissementId"), value: view.etablissementName ?? cardText(locale, "common.notSet") },
    { title: avenantFieldLabel(locale, "motifs"), value: joinLabels(locale, view.motifs) },
  ];
  if (view.motifAutre !== null) list.push({ title: avenantFieldLabel(locale, "motifAutre"), value: clipText(view.motifAutre, MAX_TEXT) });
  if (view.comment !== null) list.push({ title: avenantFieldLabel(locale, "comment"), value: clipText(view.comment, MAX_TEXT) });
  const requested = { name: view.requestedBy, ...formatInstant(locale, view.requestedAt) };
  list.push({ title: cardText(locale, "avenantApproval.requestedBy"), value: cardText(locale, "avenantApproval.requestedByValue", requested) });
  return list;
}

function figureText(locale: TLocale, figure: TAvenantFigure, value: number | null): string {
  if (value === null) return cardText(locale, figure.figure === "dureeEffective" ? "avenantFigures.noneHours" : "avenantFigures.none");
  return figure.figure === "dureeEffective"
    ? cardText(locale, "avenantFigures.hours", { hours: formatNumber(locale, value) })
    : cardText(locale, "avenantFigures.amount", { amount: formatNumber(locale, value, 2) });
}

/** "Durée effective du stage : 231 heures → 266 heures": what the changes do to the legal figures. */
function figureFacts(locale: TLocale, view: TAvenantApprovalView): TFact[] {
  return (view.figures ?? []).map((figure) => ({
    title: cardText(locale, `avenantFigures.${figure.figure}`),
    value: cardText(locale, "history.change", { before: figureText(locale, figure, figure.before), after: figureText(locale, figure, figure.after) }),
  }));
}

/** "Date de fin du stage : 26/02/2027 → 05/03/2027", one fact per change, then the legal figures they change. */
function changeFacts(locale: TLocale, view: TAvenantApprovalView): TFact[] {
  return [...valueChangeFacts(locale, view), ...figureFacts(locale, view)];
}

function valueChangeFacts(locale: TLocale, view: TAvenantApprovalView): TFact[] {
  return view.changes.map((change) => ({
    title: fieldLabel(locale, change.field),
    value: cardText(locale, "history.change", {
      before: avenantValueText(locale, change.field, change.before, change.beforeLabel, view.confidential),
      after: avenantValueText(locale, change.field, change.after, change.afterLabel, view.confidential),
    }),
  }));
}

// Shown right under the title once decided, for everyone who received the card.
function decisionNotice(locale: TLocale, decided: TAvenantApprovalView["decided"]): TNotice | null {
  if (decided === null) return null;
  const params = { name: decided.deciderName, ...formatInstant(locale, decided.decidedAt) };
  if (decided.decision === "VALIDATED") return { text: cardText(locale, "avenantApproval.decision.validated", params), color: "Good" };
  if (decided.reason === null || decided.reason.trim() === "")
    return { text: cardText(locale, "avenantApproval.decision.refused", params), color: "Attention" };
  return {
    text: cardText(locale, "avenantApproval.decision.refusedWithReason", { ...params, reason: clipText(decided.reason, MAX_TEXT) }),
    color: "Attention",
  };
}

function actions(locale: TLocale, view: TAvenantApprovalView): TCardAction[] {
  const recap = cardAction(cardText(locale, "approval.showRecap"), "show_recap", { conventionId: view.conventionId });
  if (view.decided !== null || !view.canDecide) return [recap];
  const data = { conventionId: view.conventionId, avenantId: view.avenantId };
  return [
    cardAction(cardText(locale, "approval.validate"), "validate_avenant", data, { style: "positive" }),
    cardAction(cardText(locale, "approval.refuse"), "open_refuse_avenant", data, { style: "destructive" }),
    recap,
  ];
}

/**
 * The approval card of an avenant: who and what, each change "before → after", the legal
 * warnings of the amended convention, then Valider / Refuser while it waits, or who decided,
 * when and why once decided.
 */
export function avenantApprovalCard(locale: TLocale, view: TAvenantApprovalView): TCard {
  const decision: TNotice | null =
    view.cancelled === true ? { text: translate(locale, "operations:avenantCancelled.card"), color: "Warning" } : decisionNotice(locale, view.decided);
  return renderTemplate("approval", {
    title: cardText(locale, "avenantApproval.title", { avenant: view.avenantNumero, numero: numeroText(view.numero) }),
    decision: decision?.text ?? "",
    decisionColor: decision?.color ?? "Default",
    facts: facts(locale, view),
    confidential: view.confidential ? cardText(locale, "avenantApproval.confidential") : "",
    sujetLabel: "",
    sujet: "",
    warningsTitle: cardText(locale, "approval.warningsTitle"),
    warnings: view.warnings.map((result) => ruleNotice(locale, result)),
    stepsTitle: cardText(locale, "avenantApproval.changesTitle"),
    steps: changeFacts(locale, view),
    note:
      view.decided === null && !view.canDecide && view.cancelled !== true
        ? cardText(locale, "avenantApproval.waiting")
        : view.changes.length === 0
          ? cardText(locale, "avenantApproval.noFieldChange")
          : "",
    actions: actions(locale, view),
  });
}
