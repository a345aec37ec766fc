import { z } from "zod/v4";
import { DATASETS, VERBS } from "../../cards/card-contract.ts";

// Platform-neutral inbound events. Every channel (Slack, Teams, the playground) turns its
// payloads into one of these; the conversation core never sees a platform payload.

// The card contract (verbs, datasets, choices) is shared with src/cards/: defined there once.
export { DATASETS, VERBS, type TChoice, type TDataset, type TVerb } from "../../cards/card-contract.ts";

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

/** A platform people reach Stagebot from (the database's Platform enum; WEB is the playground), declared here once for the core and every channel. */
export type TPlatform = "SLACK" | "TEAMS" | "WEB";

/** Who sends events: the platform's account, matched to the directory by e-mail. */
export type TIdentity = {
  platform: TPlatform;
  email: string;
};
