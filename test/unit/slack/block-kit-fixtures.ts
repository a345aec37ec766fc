import type { KnownBlock } from "@slack/types";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { avenantApprovalCard } from "../../../src/cards/avenant-approval-card.ts";
import { avenantRequestFormCard } from "../../../src/cards/avenant-request-form-card.ts";
import * as cards from "../../../src/cards/index.ts";
import type { TApprovalView, THistoryEntry, TReasonFormView, TStaffListItem, TStaffListView } from "../../../src/cards/index.ts";
import type { TViewStateValue } from "../../../src/channels/slack/block-kit/view-state.ts";
import { MOTIFS_AVENANT } from "../../../src/domain/avenant.ts";
import { VALIDATION_STEPS } from "../../../src/domain/convention.ts";
import { SECTION_IDS, type TSectionId } from "../../../src/domain/sections/index.ts";
import type { TLocale } from "../../../src/i18n/translate.ts";
import * as fx from "../cards/card-fixtures.ts";
import { completeConventionValues } from "../domain/fixtures.ts";

// Every card the app produces, on realistic views (those of test/unit/cards, and the workflow
// and avenant views built the same way), plus the large ones: long texts, many rows, many entries.

const DECIDED_AT = new Date("2026-11-28T13:05:00Z");

function approvalView(overrides: Partial<TApprovalView> = {}): TApprovalView {
  const pending = (step: (typeof VALIDATION_STEPS)[number]) => ({ step, state: "pending" as const, deciderName: null, decidedAt: null });
  return {
    conventionId: 12,
    numero: 51928,
    round: 1,
    step: "PEDAGOGIQUE",
    studentName: "Léa Martin",
    formation: "3M127C - Master Psychologie 1ère année (2026/2027)",
    elementPedagogique: "3427BS07 - Stage Psychologue : 6 crédits ECTS",
    etablissementName: "Calanques Numériques",
    serviceName: "Pôle développement",
    tuteurName: "Thomas Nguyen",
    enseignantName: "Sophie Lambert",
    dateDebut: "2027-03-01",
    dateFin: "2027-06-25",
    hours: 532,
    days: 76,
    months: 3.45,
    gratification: { amount: 4.5, unit: "HEURE", type: "NET", currency: "EUR" },
    sujet: "Développement d'un assistant conversationnel <pour> les conventions & avenants",
    confidential: false,
    warnings: [{ code: "TELEWORK_NOT_DESCRIBED", severity: "warning", field: "travailExceptionnelCommentaire", params: {} }],
    steps: [{ ...pending("PEDAGOGIQUE"), state: "current" }, pending("VERIFICATION_ADMINISTRATIVE"), pending("VALIDATION_ADMINISTRATIVE")],
    decided: null,
    canDecide: true,
    ...overrides,
  };
}

const REFUSED: Partial<TApprovalView> = {
  decided: { decision: "REFUSED", deciderName: "Sophie Lambert", decidedAt: DECIDED_AT, reason: "Le sujet ne correspond pas à la formation." },
  steps: [{ step: "PEDAGOGIQUE", state: "refused", deciderName: "Sophie Lambert", decidedAt: DECIDED_AT }],
};

function reasonView(purpose: TReasonFormView["purpose"]): TReasonFormView {
  const data = purpose === "refuse_step" ? { round: 1, step: "PEDAGOGIQUE" } : purpose === "refuse_avenant" ? { avenantId: 3 } : {};
  return { conventionId: 12, numero: 51928, studentName: "Léa Martin", purpose, data, reason: "Dates à revoir.", error: null, avenantNumero: 2 };
}

function entry(index: number): THistoryEntry {
  const changes = Array.from({ length: 12 }, (_, n) => ({
    field: n % 2 ? "sujet" : "details",
    before: "Avant. ".repeat(50),
    after: `Après ${n}. `.repeat(50),
  }));
  return {
    at: new Date(Date.UTC(2026, 10, 28, 12) - index * 3_600_000),
    actorName: "Léa Martin",
    action: "section.saved",
    section: "stage",
    step: null,
    reason: null,
    changes,
  };
}

function staffItem(index: number, step: TStaffListItem["step"]): TStaffListItem {
  return {
    conventionId: 100 + index,
    numero: 51900 + index,
    studentName: ["Léa Martin", "Hugo Bernard", "Inès Roux"][index % 3] ?? "Léa Martin",
    formation: "3M127C - Master Psychologie",
    etablissementName: index % 4 === 2 ? null : "Calanques Numériques",
    dateDebut: index % 5 === 0 ? null : "2027-03-01",
    step,
    state: "SUBMITTED",
    waitingDays: 30 - (index % 30),
  };
}

const MANY_ITEMS: TStaffListView = {
  kind: "to_validate",
  query: "",
  groups: VALIDATION_STEPS.map((step, s) => ({ step, items: Array.from({ length: [70, 25, 5][s] ?? 0 }, (_, index) => staffItem(index, step)) })),
};

function avenantApproval(locale: TLocale, decided: boolean): TCard {
  return avenantApprovalCard(locale, {
    conventionId: 12,
    numero: 51928,
    avenantId: 3,
    avenantNumero: 1,
    studentName: "Léa Martin",
    etablissementName: "Calanques Numériques",
    motifs: ["Modification des dates du stage"],
    motifAutre: null,
    comment: "Report demandé par l'entreprise.",
    requestedBy: "Marc Girard",
    requestedAt: DECIDED_AT,
    changes: [{ field: "dateFin", before: "2027-06-25", after: "2027-07-09", beforeLabel: null, afterLabel: null }],
    confidential: false,
    warnings: [],
    decided: decided ? { decision: "VALIDATED", deciderName: "Claire Arnaud", decidedAt: DECIDED_AT, reason: null } : null,
    canDecide: !decided,
  });
}

/** Interruptions of one day each week: 48 of them, close to the 50 allowed. */
export const MANY_INTERRUPTIONS = Array.from({ length: 48 }, (_, week) => {
  const day = new Date(Date.UTC(2026, 2, 6 + 7 * week)).toISOString().slice(0, 10);
  return { dateDebut: day, dateFin: day };
});

/** A convention whose long texts fill what the schemas allow (3000 characters of fonctions et tâches...). */
export const LONG_VALUES = completeConventionValues({
  sujet: "Conception d'un assistant. ".repeat(18).trim(),
  fonctionsTaches: "Analyser les besoins des gestionnaires & des étudiants.\n\n".repeat(52).slice(0, 3000),
  competences: "TypeScript <strict>, tests, accessibilité. ".repeat(70).slice(0, 3000),
  details: "Équipe de six personnes. ".repeat(80).slice(0, 2000),
  interruptions: MANY_INTERRUPTIONS,
});

/** A form and the section whose answers it carries (formAnswers reads them back). */
export type TCase = { name: string; build: (locale: TLocale) => TCard; form?: boolean; section?: TSectionId };

const sectionForm =
  (sectionId: TSectionId, overrides: Parameters<typeof fx.sectionFormView>[1] = {}) =>
  (locale: TLocale) =>
    cards.sectionFormCard(locale, fx.sectionFormView(sectionId, overrides));

/** Every card the app produces. */
export const CASES: TCase[] = [
  { name: "progress", build: (locale) => cards.progressCard(locale, fx.progressView()) },
  {
    name: "progress, read-only",
    build: (locale) => cards.progressCard(locale, fx.progressView({ rights: { canEdit: false, canDelete: false, canSubmit: false } })),
  },
  ...SECTION_IDS.map((sectionId) => ({ name: `form ${sectionId}`, build: sectionForm(sectionId), form: true, section: sectionId })),
  { name: "form stage, 48 interruptions and long texts", build: sectionForm("stage", { values: LONG_VALUES }), form: true, section: "stage" },
  {
    name: "form stage with errors",
    build: sectionForm("stage", {
      errors: [
        { field: "interruptions.0.dateFin", code: "outside_internship" },
        { field: "sujet", code: "too_long", params: { max: 500 } },
      ],
    }),
    form: true,
    section: "stage",
  },
  { name: "form stage, read-only", build: sectionForm("stage", { readOnly: true }) },
  { name: "recap", build: (locale) => cards.recapCard(locale, fx.recapView()) },
  { name: "recap of a long convention", build: (locale) => cards.recapCard(locale, fx.recapView({ values: LONG_VALUES })) },
  { name: "list", build: (locale) => cards.conventionListCard(locale, fx.LIST_VIEW) },
  { name: "list, empty", build: (locale) => cards.conventionListCard(locale, { items: [], canCreate: true }) },
  {
    name: "notice",
    build: (locale) =>
      cards.noticeCard(locale, {
        tone: "attention",
        titleKey: "errors:STALE_VERSION",
        actions: [{ titleKey: "cards:actions.open", verb: "open_convention", data: { conventionId: 42 }, style: "positive" }],
      }),
  },
  {
    name: "notice with PDF links",
    build: (locale) =>
      cards.noticeCard(locale, {
        tone: "good",
        titleKey: "conversation:links.renewed",
        params: { minutes: 15 },
        footnoteKey: "conversation:links.validity",
        links: [
          { titleKey: "workflow:downloadAvenant", url: "https://stages.univ-demo.fr/documents/djE6MTI6MzQ6MTc5OTk5OTk5OTk5OQ.c2lnbmF0dXJl" },
          { titleKey: "workflow:downloadPdf", url: "https://stages.univ-demo.fr/documents/djE6MTM6MzQ6MTc5OTk5OTk5OTk5OQ.c2lnbmF0dXJl" },
        ],
        actions: [{ titleKey: "conversation:links.newLink", verb: "new_link", data: { conventionId: 42, documentIds: [12, 13] } }],
      }),
  },
  { name: "help", build: (locale) => cards.helpCard(locale) },
  { name: "confirm delete", build: (locale) => cards.confirmDeleteCard(locale, fx.HEADER) },
  { name: "établissement form with duplicates", build: (locale) => cards.etablissementFormCard(locale, fx.ETABLISSEMENT_FORM_VIEW), form: true },
  {
    name: "établissement change form",
    build: (locale) => cards.etablissementFormCard(locale, { ...fx.ETABLISSEMENT_FORM_VIEW, etablissementId: 100, duplicates: [], errors: [] }),
    form: true,
  },
  { name: "contact form", build: (locale) => cards.hostChildFormCard(locale, fx.CONTACT_FORM_VIEW), form: true },
  { name: "service form", build: (locale) => cards.hostChildFormCard(locale, fx.SERVICE_FORM_VIEW), form: true },
  { name: "approval, undecided", build: (locale) => cards.approvalCard(locale, approvalView()) },
  { name: "approval, refused", build: (locale) => cards.approvalCard(locale, approvalView(REFUSED)) },
  {
    name: "approval, validated, confidential",
    build: (locale) =>
      cards.approvalCard(
        locale,
        approvalView({
          confidential: true,
          sujet: null,
          decided: { decision: "VALIDATED", deciderName: "Sophie Lambert", decidedAt: DECIDED_AT, reason: null },
        }),
      ),
  },
  ...(["refuse_step", "unvalidate", "refuse_avenant"] as const).map((purpose) => ({
    name: `reason form ${purpose}`,
    build: (locale: TLocale) => cards.reasonFormCard(locale, reasonView(purpose)),
    form: true,
  })),
  {
    name: "history of 200 entries",
    build: (locale) =>
      cards.historyCard(locale, { header: { ...fx.HEADER, numero: 51928 }, entries: Array.from({ length: 200 }, (_, index) => entry(index)), omitted: 40 }),
  },
  { name: "staff list of 100 items", build: (locale) => cards.staffListCard(locale, MANY_ITEMS) },
  {
    name: "search results",
    build: (locale) => cards.staffListCard(locale, { kind: "search", query: "Martin", groups: [{ step: null, items: [staffItem(0, null)] }] }),
  },
  { name: "avenant approval, undecided", build: (locale) => avenantApproval(locale, false) },
  { name: "avenant approval, decided", build: (locale) => avenantApproval(locale, true) },
  {
    name: "avenant request form",
    build: (locale) =>
      avenantRequestFormCard(locale, {
        header: { ...fx.HEADER, numero: 51928, state: "VALIDATED" },
        motifChoices: MOTIFS_AVENANT.map((motif) => ({ title: `Motif ${motif}`, value: motif })),
        motifs: ["DATES", "INTERRUPTION"],
        motifAutre: "",
        comment: "",
        values: { ...LONG_VALUES },
        labels: fx.LABELS,
        choices: fx.choicesFor(LONG_VALUES),
        errors: [],
      }),
    form: true,
  },
];

/** The buttons of a message or view that send the core an action: actions blocks' elements and sections' accessories. */
export function buttonsOf(blocks: readonly KnownBlock[]): Array<{ action_id: string; value: string }> {
  return blocks.flatMap((block) => {
    const elements = block.type === "actions" ? block.elements : block.type === "section" && block.accessory ? [block.accessory] : [];
    // Link buttons (a url, no value) open in the browser: they send the core nothing.
    return elements.flatMap((element) =>
      element.type === "button" && element.url === undefined ? [{ action_id: element.action_id ?? "", value: element.value ?? "" }] : [],
    );
  });
}

const valueOf = (option: { value?: string }): { value: string } => ({ value: option.value ?? "" });

/** What Slack reports in view.state.values for a modal submitted as it opened. */
export function unchangedState(view: { blocks: readonly KnownBlock[] }): Record<string, Record<string, TViewStateValue>> {
  const values: Record<string, Record<string, TViewStateValue>> = {};
  for (const block of view.blocks) {
    if (block.type !== "input" || block.block_id === undefined) continue;
    const element = block.element;
    const actionId = element.action_id ?? "";
    let state: TViewStateValue;
    if (element.type === "plain_text_input") state = { type: element.type, value: element.initial_value ?? null };
    else if (element.type === "datepicker") state = { type: element.type, selected_date: element.initial_date ?? null };
    else if (element.type === "static_select" || element.type === "external_select" || element.type === "radio_buttons") {
      state = { type: element.type, selected_option: element.initial_option ? valueOf(element.initial_option) : null };
    } else if (element.type === "checkboxes" || element.type === "multi_static_select" || element.type === "multi_external_select") {
      state = { type: element.type, selected_options: (element.initial_options ?? []).map(valueOf) };
    } else throw new Error(`unexpected element ${element.type}`);
    values[block.block_id] = { [actionId]: state };
  }
  return values;
}
