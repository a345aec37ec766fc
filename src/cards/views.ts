import type { TCard, TChoice } from "./card-contract.ts";
import type { TAvenantFieldError } from "../domain/avenant.ts";
import type { TConventionState, TConventionValues, TValidationStep } from "../domain/convention.ts";
import type { TRuleResult } from "../domain/rules/index.ts";
import type { TConventionCompletion, TFieldError, TSectionId } from "../domain/sections/index.ts";
import type { TLocale } from "../i18n/translate.ts";

// What the core gives the card builders: data, already authorised and resolved; the builders
// add the words (locales/) and the layout (adaptive-cards/). No builder reads the database.

/** Rights of the viewer on this convention, decided by the core (src/domain/permissions.ts). */
export type TConventionRights = {
  canEdit: boolean;
  canDelete: boolean;
  canSubmit: boolean;
  /** "Demander un avenant" on a validated convention (the gestionnaire; the student when the centre allows it). */
  canRequestAvenant?: boolean;
  /** Staff: the audit trail ("Historique"). */
  canViewHistory?: boolean;
  /** Gestionnaire: withdraw the validation of a validated convention. */
  canUnvalidate?: boolean;
};

/** Who and what a convention is about, for titles. */
export type TConventionHeader = {
  conventionId: number;
  numero: number | null;
  version: number;
  state: TConventionState;
  studentName: string;
  /** Raison sociale of the host, once chosen. */
  etablissementName: string | null;
  dateDebut: string | null;
  dateFin: string | null;
  updatedAt: Date;
};

/** The thread's parent message: every section with its state and a button to fill or edit it. */
export type TProgressView = TConventionHeader & {
  completion: TConventionCompletion;
  rights: TConventionRights;
  /** While SUBMITTED: the step waiting for a decision, for the status line. */
  currentStep?: TValidationStep | null;
};

/**
 * Display text of values that are codes or ids (e.g. etablissementId → "AP-HM — Marseille —
 * SIRET 261 300 081 00013", thematiqueCode → "Psychologie"), keyed by field name.
 */
export type TValueLabels = Partial<Record<keyof TConventionValues, string>>;

/** A section's form, prefilled, possibly answering a submission with errors. */
export type TSectionFormView = {
  header: TConventionHeader;
  sectionId: TSectionId;
  /** Saved values, overlaid with the rejected submission's values when `errors` is not empty. */
  values: Partial<TConventionValues>;
  labels: TValueLabels;
  /** Static choices of choice fields (CPAM, pays, thématiques, inscriptions, services, contacts...), by field name. */
  choices: Partial<Record<keyof TConventionValues, TChoice[]>>;
  /** Field errors to show next to their fields. */
  errors: TFieldError[];
  /** Missing mandatory fields (shown as a hint, not an error). */
  missing: string[];
  readOnly: boolean;
  /** The legal figures this section's answers decide (the minimum gratification, in total and per month). */
  figures?: readonly TRuleResult[];
  /** The durée effective in hours computed from the dates and hours shown (null: not enough answers yet). */
  computedDureeEffective?: number | null;
  /** When the values shown include answers typed and closed without saving: when they were kept. */
  resumedDraftAt?: Date;
};

/** Everything at a glance with the legal rules' results, then "Valider". */
export type TRecapView = {
  header: TConventionHeader;
  values: TConventionValues;
  labels: TValueLabels;
  completion: TConventionCompletion;
  rules: TRuleResult[];
  rights: TConventionRights;
};

/** A person's conventions, most recently changed first. */
export type TConventionListView = {
  items: Array<TConventionHeader & { completeSections: number; totalSections: number }>;
  /** Only students can start a convention. */
  canCreate: boolean;
};

/** The form to create an établissement (or propose a change to one). */
export type TEtablissementFormView = {
  conventionId: number;
  /** Set when proposing a change to an existing établissement. */
  etablissementId: number | null;
  values: Record<string, string | number | boolean | null>;
  choices: Record<string, TChoice[]>;
  errors: TFieldError[];
  /** Duplicates found by SIRET or normalised name, shown as a warning. */
  duplicates: Array<{ id: number; label: string }>;
  /**
   * The convention's version: with it, choosing a duplicate saves section 2 at once
   * (save_section checks it); without it, the button opens section 2 instead.
   */
  version?: number;
};

/** The form to create a service or a contact (tuteur / signataire) of the chosen établissement. */
export type THostChildFormView = {
  conventionId: number;
  etablissementId: number;
  kind: "service" | "contact";
  /** For a contact: which section asked (tuteur or signataire), so it is selected there once created. */
  forSection: "service" | "tuteur" | "signataire";
  values: Record<string, string | number | boolean | null>;
  choices: Record<string, TChoice[]>;
  errors: TFieldError[];
};

/** A short message: a confirmation, an error, a help text. Keys are locale keys (namespace:key). */
export type TNoticeView = {
  tone: "default" | "good" | "warning" | "attention";
  titleKey: string;
  textKey?: string;
  params?: Record<string, string | number>;
  /** Buttons under the message. */
  actions?: Array<{ titleKey: string; verb: string; data: Record<string, unknown>; style?: "positive" | "destructive" }>;
  /** Links under the message (Action.OpenUrl), e.g. a signed download link of the convention's PDF. */
  links?: Array<{ titleKey: string; url: string }>;
  /** A small line under the text, e.g. how long those links last. */
  footnoteKey?: string;
};

/** The card builders' signature: a view and the reader's language. */
export type TCardBuilder<V> = (locale: TLocale, view: V) => TCard;

// ---------------------------------------------------------------------------------------
// Validation workflow (issue "Validation workflow")
// ---------------------------------------------------------------------------------------

/** A step's state in the validation progress of the current round. */
export type TStepProgress = {
  step: TValidationStep;
  state: "validated" | "current" | "pending" | "refused";
  /** Who decided and when, for validated or refused steps. */
  deciderName: string | null;
  decidedAt: Date | null;
};

/** A decision already taken on the card's step. */
export type TDecisionFacts = {
  decision: "VALIDATED" | "REFUSED";
  deciderName: string;
  decidedAt: Date;
  reason: string | null;
};

/** The approval card sent to the person(s) of a step, and updated for all of them after the decision. */
export type TApprovalView = {
  conventionId: number;
  numero: number | null;
  round: number;
  step: TValidationStep;
  studentName: string;
  /** "3M127C - Master Psychologie 1ère année (2026/2027)". */
  formation: string | null;
  elementPedagogique: string | null;
  etablissementName: string | null;
  serviceName: string | null;
  tuteurName: string | null;
  enseignantName: string | null;
  dateDebut: string | null;
  dateFin: string | null;
  /** Durée effective in hours (override included), with its days / months equivalents. */
  hours: number | null;
  days: number | null;
  months: number | null;
  /** Null when no gratification; amount per unit as typed. */
  gratification: { amount: number | null; unit: string | null; type: string | null; currency: string | null } | null;
  /** Null when the convention is confidential: the card then says so instead. */
  sujet: string | null;
  confidential: boolean;
  /** Warnings of the legal rules (errors cannot exist on a submitted convention). */
  warnings: TRuleResult[];
  steps: TStepProgress[];
  /** Set once the step is decided: the card then shows who, when and why, and no buttons. */
  decided: TDecisionFacts | null;
  /** Whether this reader may decide now (buttons Valider / Refuser). */
  canDecide: boolean;
};

/** The form asking the reason of a refusal, an un-validation or an avenant refusal (required, at most 2000 characters). */
export type TReasonFormView = {
  conventionId: number;
  numero: number | null;
  studentName: string;
  /** What the reason is for: the verb the form submits, with its data (round, step, avenantId...). */
  purpose: "refuse_step" | "unvalidate" | "refuse_avenant";
  data: Record<string, unknown>;
  /** For "refuse_avenant": the avenant's number (1, 2...) within the convention, for the title. */
  avenantNumero?: number | null;
  /** The reason typed so far, and its error when it was refused (empty, too long). */
  reason: string;
  error: TFieldError | null;
};

/** One line of the audit trail, with the values before and after. */
export type THistoryEntry = {
  at: Date;
  actorName: string | null;
  /** "convention.created", "section.saved", "convention.submitted", "step.validated", "step.refused", "convention.unvalidated", "avenant.*"... */
  action: string;
  /** For section saves: the section. For decisions: the step and the reason. */
  section: string | null;
  step: string | null;
  reason: string | null;
  /** For "avenant.*" entries: the avenant's number (1, 2...) within the convention. */
  avenantNumero?: number | null;
  changes: THistoryChange[];
};

/** One field's change, with the labels of ids and codes as the reader reads them (resolved by the core). */
export type THistoryChange = { field: string; before: unknown; after: unknown; beforeLabel?: string; afterLabel?: string };

/** The "Historique" card: every change and decision of a convention, newest first. */
export type THistoryView = {
  header: TConventionHeader;
  entries: THistoryEntry[];
  /** How many older entries were left out (cards have size limits). */
  omitted: number;
};

/** A convention waiting for the reader, in the staff lists. */
export type TStaffListItem = {
  conventionId: number;
  numero: number | null;
  studentName: string;
  formation: string | null;
  etablissementName: string | null;
  dateDebut: string | null;
  step: TValidationStep | null;
  state: TConventionState;
  /** Days since submission (waiting time). */
  waitingDays: number;
};

/** "À valider" (grouped by step, oldest first) or the results of a search by number or name. */
export type TStaffListView = {
  kind: "to_validate" | "search";
  /** The search text, for "search". */
  query: string;
  groups: Array<{ step: TValidationStep | null; items: TStaffListItem[] }>;
};

// ---------------------------------------------------------------------------------------
// Avenants
// ---------------------------------------------------------------------------------------

/** An error of an avenant form: a convention field's, or one of "motifs", "motifAutre", "comment", "_form". */
export type TAvenantFormError = TAvenantFieldError;

/** The form requesting an avenant: the motives, then the fields an avenant may change, prefilled with the current values. */
export type TAvenantRequestFormView = {
  header: TConventionHeader;
  /** The motives of MOTIF_AVENANT, labelled in the reader's language. */
  motifChoices: TChoice[];
  /** The motives ticked (after a rejected submission). */
  motifs: string[];
  motifAutre: string;
  comment: string;
  /** The convention's current values, overlaid with a rejected submission's. */
  values: Readonly<Record<string, unknown>>;
  labels: TValueLabels;
  /** Static choices of the changeable fields (services, contacts, gratification lists...). */
  choices: Partial<Record<keyof TConventionValues, TChoice[]>>;
  errors: TAvenantFormError[];
};

/** One change of an avenant: the field, its value before and after, with display labels of ids and codes. */
export type TAvenantChange = {
  field: string;
  before: unknown;
  after: unknown;
  beforeLabel: string | null;
  afterLabel: string | null;
};

/** The approval card of an avenant, sent to the centre's gestionnaires and updated for all of them once decided. */
/** A legal figure of the convention before and after an avenant (hours of presence, or euros); null when it does not apply. */
export type TAvenantFigure = { figure: "dureeEffective" | "minimumGratification"; before: number | null; after: number | null };

export type TAvenantApprovalView = {
  conventionId: number;
  numero: number | null;
  avenantId: number;
  avenantNumero: number;
  studentName: string;
  etablissementName: string | null;
  /** The motives' labels. */
  motifs: string[];
  motifAutre: string | null;
  comment: string | null;
  requestedBy: string;
  requestedAt: Date;
  changes: TAvenantChange[];
  /** The legal figures the avenant changes (durée effective, minimum gratification), before and after; only those that differ. */
  figures?: TAvenantFigure[];
  /** Confidential convention: texts of the sujet are not shown. */
  confidential: boolean;
  /** Warnings of the legal rules on the amended convention. */
  warnings: TRuleResult[];
  decided: TDecisionFacts | null;
  /** Cancelled when its convention was un-validated (no decision, no buttons); absent: not cancelled. */
  cancelled?: boolean;
  /** Whether this reader may decide now (buttons Valider / Refuser). */
  canDecide: boolean;
};

// ---------------------------------------------------------------------------------------
// Reminders (issue 13): the digest's view is the outbox payload (src/app/notifications/notification.ts)
// read structurally, so the card needs nothing from src/app.
// ---------------------------------------------------------------------------------------

/** One convention in a digest. */
export type TDigestItemView = {
  conventionId: number;
  numero: number | null;
  studentName: string;
  waitingDays: number;
  dateDebut: string | null;
  step: TValidationStep | null;
  urgent: boolean;
};

/** A gestionnaire's digest of one centre. */
export type TDigestPayload = {
  centreName: string;
  localDate: string;
  previousAt: string | null;
  startingSoonDays: number;
  urgent: { total: number; items: TDigestItemView[] };
  steps: Array<{ step: TValidationStep; total: number; items: TDigestItemView[] }>;
  avenants: {
    total: number;
    items: Array<{ conventionId: number; avenantId: number; numero: number | null; avenantNumero: number; studentName: string; waitingDays: number }>;
  };
  proposals: { total: number; items: Array<{ proposalId: number; etablissementName: string; waitingDays: number }> };
};

/** The settings of a centre's reminders, as its settings form shows them. */
export type TReminderSettingsView = {
  centreId: number;
  centreName: string;
  values: {
    reminderCron: string;
    reminderTimezone: string;
    referentReminderDays: string;
    escalationDays: string;
    draftReminderDays: string;
    startingSoonDays: string;
  };
  /** Input id → localised message, after a rejected submission. */
  errors: Record<string, string>;
};
