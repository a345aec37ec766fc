import { z } from "zod/v4";
import { AppError } from "../../../app/app-error.ts";
import { VERBS } from "../../../app/conversation/events.ts";
import type { TActionValue } from "./card-nodes.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

// A modal's private_metadata carries the submit action's {verb, data} (what the card's submit
// button would send besides the inputs) and the caller's own string (conversation, thread...).
// Slack hands it back untouched with view_submission and block_suggestion.

const ZMetadata = z.object({
  action: z.object({ verb: z.enum(VERBS), data: z.record(z.string(), z.unknown()) }).nullable(),
  caller: z.string(),
});

/** What a modal's private_metadata holds. */
export type TModalMetadata = { action: TActionValue | null; caller: string };

/** The private_metadata of a modal; over Slack's 3000 characters is a programming error naming the verb. */
export function encodeModalMetadata(metadata: TModalMetadata): string {
  const json = JSON.stringify(metadata);
  if (json.length > SLACK_LIMITS.privateMetadata) {
    const verb = metadata.action?.verb ?? "(no submit)";
    const size = `${json.length} characters (Slack allows ${SLACK_LIMITS.privateMetadata})`;
    throw new Error(`Block Kit: the private_metadata of the form submitted by "${verb}" is ${size}: keep action data and caller metadata small`);
  }
  return json;
}

/** Reads a modal's private_metadata back; anything else is invalid input. */
export function decodeModalMetadata(privateMetadata: string): TModalMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(privateMetadata);
  } catch {
    throw new AppError("INVALID_INPUT", { reason: "slack_private_metadata" });
  }
  const result = ZMetadata.safeParse(parsed);
  if (!result.success) throw new AppError("INVALID_INPUT", { reason: "slack_private_metadata" });
  return result.data;
}
