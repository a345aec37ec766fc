// The contract between the cards and the core: what a card is, the verbs its actions send, the
// datasets its typeaheads search, a choice. Defined here once; src/app re-exports it, and
// nothing in src/cards imports src/app.

/** An Adaptive Card 1.5 as JSON, ready for Teams and the playground; the Slack channel translates it. */
export type TCard = { type: "AdaptiveCard"; version: "1.5"; body: unknown[]; actions?: unknown[]; [key: string]: unknown };

/** Verbs of Action.Execute actions (buttons and form submissions) the core understands. */
export const VERBS = [
  "new_convention",
  "list_conventions",
  "help",
  "open_convention",
  "open_section",
  "save_section",
  "show_recap",
  "submit_convention",
  "delete_convention",
  "confirm_delete",
  "cancel",
  // A section form closed without saving (Escape, the modal's close, « Annuler »): its typed answers are kept.
  "form_closed",
  "discard_form_draft",
  "open_etablissement_create",
  "create_etablissement",
  "propose_etablissement_change",
  "open_service_create",
  "create_service",
  "open_contact_create",
  "create_contact",
  // Validation workflow
  "open_approval",
  "validate_step",
  "open_refuse",
  "refuse_step",
  "open_unvalidate",
  "unvalidate",
  "to_validate",
  "find_convention",
  "show_history",
  "preview_pdf",
  // PDF links
  "new_link",
  // Avenants
  "open_avenant_request",
  "request_avenant",
  "validate_avenant",
  "open_refuse_avenant",
  "refuse_avenant",
  // Operations (administrators)
  "requeue_notification",
  // Reminders (issue 13)
  "pause_reminders",
  "resume_reminders",
  "open_reminder_settings",
  "save_reminder_settings",
  // Moderation of établissement proposals (issue 16)
  "apply_etablissement_proposal",
  "open_refuse_etablissement_proposal",
  "refuse_etablissement_proposal",
] as const;

export type TVerb = (typeof VERBS)[number];

/** Datasets of typeahead searches (Adaptive Cards Data.Query; Slack external_select). */
export const DATASETS = ["etablissements", "services", "contacts", "enseignants", "cpam", "naf"] as const;

export type TDataset = (typeof DATASETS)[number];

/** One choice of a typeahead answer (Adaptive Cards Input.Choice; Slack option). */
export type TChoice = { title: string; value: string };
