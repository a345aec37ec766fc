import type { TChoice } from "../app/conversation/events.ts";
import type { TConventionState, TConventionValues } from "../domain/convention.ts";
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
};

/** The card builders' signature: a view and the reader's language. */
export type TCardBuilder<V> = (locale: TLocale, view: V) => import("../app/conversation/effects.ts").TCard;
