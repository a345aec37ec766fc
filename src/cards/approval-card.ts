import type { TCard } from "./card-contract.ts";
import { fieldLabel } from "../i18n/field-error-message.ts";
import { hasTranslation, translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, cardText, formatInstant, formatNumber, formatPeriod, type TCardAction, type TFact, type TNotice } from "./card-format.ts";
import { renderTemplate } from "./render-template.ts";
import type { TApprovalView, TStepProgress } from "./views.ts";
import { clipText, numeroText, ruleNotice, stepName } from "./workflow-format.ts";

// Slack allows 3000 characters per text; the PDF, not the card, carries the full sujet.
const MAX_SUJET = 2000;
const MAX_REASON = 2000;

const STEP_MARKS: Readonly<Record<TStepProgress["state"], string>> = {
  validated: "✅",
  current: "⏳",
  pending: "…",
  refused: "❌",
};

function orNotSet(locale: TLocale, value: string | null): string {
  return value === null || value.trim() === "" ? cardText(locale, "common.notSet") : value;
}

function durationText(locale: TLocale, view: TApprovalView): string {
  if (view.hours === null) return cardText(locale, "common.notSet");
  const hours = formatNumber(locale, view.hours);
  if (view.days === null || view.months === null) return cardText(locale, "approval.durationHours", { hours });
  return cardText(locale, "approval.durationValue", { hours, days: formatNumber(locale, view.days), months: formatNumber(locale, view.months) });
}

// A code of a closed list as a word of the sentence ("net", "par heure"); an unknown code as it is.
function codeWord(locale: TLocale, list: "gratificationType" | "gratificationUnit", code: string | null): string {
  if (code === null || code.trim() === "") return "";
  const key = `cards:approval.${list}.${code}`;
  return hasTranslation(locale, key) ? translate(locale, key) : code;
}

/** "4,50 € net par heure", "Pas de gratification". */
function gratificationText(locale: TLocale, gratification: TApprovalView["gratification"]): string {
  if (gratification === null) return cardText(locale, "approval.gratificationNone");
  if (gratification.amount === null) return cardText(locale, "approval.gratificationNoAmount");
  const currency = gratification.currency === null || gratification.currency.toUpperCase() === "EUR" ? "€" : gratification.currency;
  const parts = [
    `${formatNumber(locale, gratification.amount, 2)} ${currency}`,
    codeWord(locale, "gratificationType", gratification.type),
    codeWord(locale, "gratificationUnit", gratification.unit),
  ];
  return parts.filter((part) => part !== "").join(" ");
}

function facts(locale: TLocale, view: TApprovalView): TFact[] {
  return [
    { title: translate(locale, "domain:sections.etudiant"), value: view.studentName },
    { title: fieldLabel(locale, "inscriptionId"), value: orNotSet(locale, view.formation) },
    { title: fieldLabel(locale, "elementPedagogiqueId"), value: orNotSet(locale, view.elementPedagogique) },
    { title: fieldLabel(locale, "etablissementId"), value: orNotSet(locale, view.etablissementName) },
    { title: fieldLabel(locale, "serviceId"), value: orNotSet(locale, view.serviceName) },
    { title: fieldLabel(locale, "tuteurId"), value: orNotSet(locale, view.tuteurName) },
    { title: fieldLabel(locale, "enseignantId"), value: orNotSet(locale, view.enseignantName) },
    { title: cardText(locale, "header.dates"), value: formatPeriod(locale, view.dateDebut, view.dateFin) },
    { title: cardText(locale, "approval.duration"), value: durationText(locale, view) },
    { title: cardText(locale, "approval.gratification"), value: gratificationText(locale, view.gratification) },
  ];
}

function stepFact(locale: TLocale, progress: TStepProgress): TFact {
  const title = `${STEP_MARKS[progress.state]} ${stepName(locale, progress.step)}`;
  const decided = progress.state === "validated" || progress.state === "refused";
  if (decided && progress.deciderName !== null && progress.decidedAt !== null) {
    const params = { name: progress.deciderName, ...formatInstant(locale, progress.decidedAt) };
    return { title, value: cardText(locale, `approval.step.${progress.state}By`, params) };
  }
  return { title, value: cardText(locale, `approval.step.${progress.state}`) };
}

// Shown right under the title once the step is decided, for everyone who received the card.
function decisionNotice(locale: TLocale, decided: TApprovalView["decided"]): TNotice | null {
  if (decided === null) return null;
  const params = { name: decided.deciderName, ...formatInstant(locale, decided.decidedAt) };
  if (decided.decision === "VALIDATED") return { text: cardText(locale, "approval.decision.validated", params), color: "Good" };
  if (decided.reason === null || decided.reason.trim() === "") {
    return { text: cardText(locale, "approval.decision.refused", params), color: "Attention" };
  }
  const reason = clipText(decided.reason, MAX_REASON);
  return { text: cardText(locale, "approval.decision.refusedWithReason", { ...params, reason }), color: "Attention" };
}

function actions(locale: TLocale, view: TApprovalView): TCardAction[] {
  const recap = cardAction(cardText(locale, "approval.showRecap"), "show_recap", { conventionId: view.conventionId });
  // The convention itself (its sections, editable by a gestionnaire until the administrative validation).
  const open = cardAction(cardText(locale, "actions.openConvention"), "open_convention", { conventionId: view.conventionId });
  if (view.decided !== null || !view.canDecide) return [recap, open];
  const data = { conventionId: view.conventionId, round: view.round, step: view.step };
  return [
    cardAction(cardText(locale, "approval.validate"), "validate_step", data, { style: "positive" }),
    cardAction(cardText(locale, "approval.refuse"), "open_refuse", data, { style: "destructive" }),
    recap,
    open,
  ];
}

/**
 * The approval card of a step: the convention at a glance, its legal warnings and validation
 * progress, then Valider / Refuser while it waits, or who decided and when once it is decided.
 */
export function approvalCard(locale: TLocale, view: TApprovalView): TCard {
  const decision = decisionNotice(locale, view.decided);
  const sujet = view.confidential || view.sujet === null ? "" : clipText(view.sujet, MAX_SUJET);
  return renderTemplate("approval", {
    title: cardText(locale, "approval.title", { numero: numeroText(view.numero), step: stepName(locale, view.step) }),
    decision: decision?.text ?? "",
    decisionColor: decision?.color ?? "Default",
    facts: facts(locale, view),
    confidential: view.confidential ? cardText(locale, "approval.confidential") : "",
    sujetLabel: fieldLabel(locale, "sujet"),
    sujet,
    warningsTitle: cardText(locale, "approval.warningsTitle"),
    warnings: view.warnings.map((result) => ruleNotice(locale, result)),
    stepsTitle: cardText(locale, "approval.stepsTitle"),
    steps: view.steps.map((progress) => stepFact(locale, progress)),
    note: view.decided === null && !view.canDecide ? cardText(locale, "approval.waiting") : "",
    actions: actions(locale, view),
  });
}
