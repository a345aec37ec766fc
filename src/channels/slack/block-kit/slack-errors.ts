import type { View } from "@slack/types";
import { clip } from "./mrkdwn.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

function inputBlockIds(view: View): string[] {
  return view.blocks.flatMap((block) => (block.type === "input" && block.block_id !== undefined ? [block.block_id] : []));
}

// "interruptions.3.dateFin" may be shown by the list's one text box ("interruptions"), and an
// error on a whole list ("interruptions") by its first row; anything else by the first input.
function blockFor(inputId: string, blockIds: readonly string[]): string | undefined {
  if (blockIds.includes(inputId)) return inputId;
  const parts = inputId.split(".");
  for (let length = parts.length - 1; length > 0; length--) {
    const ancestor = parts.slice(0, length).join(".");
    if (blockIds.includes(ancestor)) return ancestor;
  }
  return blockIds.find((id) => id.startsWith(`${inputId}.`)) ?? blockIds[0];
}

/**
 * The `errors` of a view_submission's response_action "errors": input id → message (at most
 * 2000 characters). With the view, each error goes to the input block that shows its input
 * (Slack refuses a block_id the view does not have); several on one block are joined.
 */
export function toSlackErrors(errors: Readonly<Record<string, string>>, view?: View): Record<string, string> {
  const blockIds = view === undefined ? undefined : inputBlockIds(view);
  const byBlock: Record<string, string> = {};
  for (const [inputId, message] of Object.entries(errors)) {
    const blockId = blockIds === undefined ? inputId : blockFor(inputId, blockIds);
    if (blockId === undefined) continue;
    const previous = byBlock[blockId];
    byBlock[blockId] = previous === undefined ? message : `${previous} ${message}`;
  }
  return Object.fromEntries(Object.entries(byBlock).map(([blockId, message]) => [blockId, clip(message, SLACK_LIMITS.inputHint)]));
}
