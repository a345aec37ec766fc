import { z } from "zod/v4";

// Platform-neutral inbound events. Every channel (Slack, Teams, the playground) turns its
// payloads into one of these; the conversation core never sees a platform payload.

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
] as const;

export type TVerb = (typeof VERBS)[number];

/** Datasets of typeahead searches (Adaptive Cards Data.Query; Slack external_select). */
export const DATASETS = ["etablissements", "services", "contacts", "enseignants", "cpam"] as const;

export type TDataset = (typeof DATASETS)[number];

const ZData = z.record(z.string(), z.unknown());

/** One event from a person. `conventionId` is the convention whose thread the event came from, if any. */
export const ZInboundEvent = z.discriminatedUnion("kind", [
  /** Typed text ("nouvelle convention", "aide", ...). */
  z.object({ kind: z.literal("message"), text: z.string().max(4000), conventionId: z.number().int().positive().nullable() }),
  /** A button or a form submission: the action's verb, its data and the form's input values merged. */
  z.object({ kind: z.literal("action"), verb: z.enum(VERBS), data: ZData }),
]);

export type TInboundEvent = z.infer<typeof ZInboundEvent>;

/** A typeahead query: the dataset, what the person typed, and the card's data (e.g. the chosen établissement). */
export const ZSearchQuery = z.object({
  dataset: z.enum(DATASETS),
  text: z.string().max(200),
  data: ZData.default({}),
});

export type TSearchQuery = z.infer<typeof ZSearchQuery>;

/** One choice of a typeahead answer (Adaptive Cards Input.Choice; Slack option). */
export type TChoice = { title: string; value: string };

/** A platform people reach Stagebot from (the database's Platform enum; WEB is the playground), declared here once for the core and every channel. */
export type TPlatform = "SLACK" | "TEAMS" | "WEB";

/** Who sends events: the platform's account, matched to the directory by e-mail. */
export type TIdentity = {
  platform: TPlatform;
  email: string;
};
