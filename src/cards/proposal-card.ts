// The gestionnaires' moderation of students' proposed changes to a shared établissement (issue 16, item 3).
import type { TCard } from "./card-contract.ts";
import { hasTranslation, translate, type TLocale } from "../i18n/translate.ts";
import { cardAction, formatInstant } from "./card-format.ts";
import { blankItem, type TFormModel } from "./form-items.ts";
import { renderTemplate } from "./render-template.ts";

/** The id of the refusal form's only input. */
export const PROPOSAL_REASON_INPUT_ID = "reason";

/** One proposal as its card shows it, pending or already decided. */
export interface TProposalCardView {
  id: number;
  etablissementLabel: string;
  proposerName: string;
  changes: ReadonlyArray<{ field: string; before: string | null; after: string | null }>;
  /** Null on a decided card (the record keeps only the decision's date). */
  createdAt: Date | null;
  now: Date;
  /** Null while pending: the card then has « Appliquer » and « Refuser ». */
  decision: { status: "APPLIED" | "REJECTED"; deciderName: string; decidedAt: Date } | null;
}

const text = (locale: TLocale, key: string, params: Record<string, unknown> = {}) => translate(locale, `moderation:${key}`, params);

function fieldName(locale: TLocale, field: string): string {
  const key = `domain:hostFields.${field}`;
  return hasTranslation(locale, key) ? translate(locale, key) : field;
}

function shown(locale: TLocale, value: string | null): string {
  return value === null || value.trim() === "" ? text(locale, "proposalCard.empty") : text(locale, "proposalCard.quoted", { value });
}

/** "il y a 3 jours", "aujourd'hui": how long the proposal has waited. */
function age(locale: TLocale, createdAt: Date, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / 86_400_000));
  return days === 0 ? text(locale, "proposalCard.today") : text(locale, "proposalCard.daysAgo", { count: days });
}

/** A pending proposal with its buttons, or, once decided, what was decided, by whom and when. */
export function proposalCard(locale: TLocale, view: TProposalCardView): TCard {
  const proposed =
    view.createdAt === null
      ? text(locale, "proposalCard.proposedByOnly", { proposer: view.proposerName })
      : text(locale, "proposalCard.proposedBy", {
          proposer: view.proposerName,
          ...formatInstant(locale, view.createdAt),
          age: age(locale, view.createdAt, view.now),
        });
  const changes = view.changes.map((change) =>
    text(locale, "proposalCard.change", { field: fieldName(locale, change.field), before: shown(locale, change.before), after: shown(locale, change.after) }),
  );
  const decided = view.decision;
  const footnote =
    decided === null
      ? ""
      : text(locale, `proposalCard.${decided.status}`, { decider: decided.deciderName, ...prefixed(formatInstant(locale, decided.decidedAt)) });
  return renderTemplate("notice", {
    title: text(locale, "proposalCard.title", { id: view.id, etablissement: view.etablissementLabel }),
    color: decided === null ? "Default" : decided.status === "APPLIED" ? "Good" : "Warning",
    text: [proposed, ...changes].join("\n\n"),
    footnote,
    actions:
      decided === null
        ? [
            cardAction(text(locale, "proposalCard.apply"), "apply_etablissement_proposal", { proposalId: view.id }, { style: "positive" }),
            cardAction(text(locale, "proposalCard.refuse"), "open_refuse_etablissement_proposal", { proposalId: view.id }, { style: "destructive" }),
          ]
        : [],
    links: [],
  });
}

function prefixed(instant: { date: string; time: string }): { decidedDate: string; decidedTime: string } {
  return { decidedDate: instant.date, decidedTime: instant.time };
}

/** The list's heading: how many proposals wait, or that none does. */
export function proposalsHeadingCard(locale: TLocale, count: number): TCard {
  return renderTemplate("notice", {
    title: count === 0 ? text(locale, "proposalList.empty") : text(locale, "proposalList.title", { count }),
    color: "Default",
    text: count === 0 ? "" : text(locale, "proposalList.intro"),
    footnote: "",
    actions: [],
    links: [],
  });
}

/** The form asking why a proposal is refused: the reason is required, and sent to the student. */
export function proposalReasonFormCard(
  locale: TLocale,
  view: { id: number; etablissementLabel: string; reason: string; error: string; maxLength: number },
): TCard {
  const model: TFormModel = {
    title: text(locale, "proposalRefusal.title", { id: view.id }),
    subtitle: view.etablissementLabel,
    intro: text(locale, "proposalRefusal.intro"),
    notices: view.error === "" ? [] : [{ text: view.error, color: "Attention" }],
    duplicates: [],
    groups: [
      {
        title: "",
        hint: "",
        separator: false,
        items: [
          {
            ...blankItem(
              "text",
              PROPOSAL_REASON_INPUT_ID,
              text(locale, "proposalRefusal.label"),
              view.error,
              text(locale, "proposalRefusal.hint", { max: view.maxLength }),
            ),
            value: view.reason,
            required: true,
            errorMessage: text(locale, "proposalRefusal.required"),
            maxLength: view.maxLength,
            multiline: true,
          },
        ],
      },
    ],
    links: [],
    actions: [
      cardAction(
        text(locale, "proposalRefusal.submit"),
        "refuse_etablissement_proposal",
        { proposalId: view.id },
        { style: "destructive", submitsInputs: true },
      ),
      cardAction(text(locale, "proposalRefusal.cancel"), "cancel", {}),
    ],
  };
  return renderTemplate("form", model);
}
