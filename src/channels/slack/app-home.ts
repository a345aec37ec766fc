import type { KnownBlock, View } from "@slack/types";
import type { TConversation } from "../../app/ports/conversation.ts";
import { cardToMessage, SLACK_LIMITS } from "./block-kit/index.ts";
import type { TSlackTarget } from "./slack-identity.ts";
import { checkLimits, type TSlackSendDeps } from "./slack-send.ts";

// The App Home tab: what the core says a person's home is (their conventions with their state,
// "Nouvelle convention" for a student, then what waits for their decision), as home blocks: the
// same cards as in the DM, at most 100 blocks.

/** What the home needs: the core and Slack. */
export type THomeDeps = TSlackSendDeps & { conversation: TConversation };

const BUTTON_ID = /^(ac:[^:]+:)(\d+)((?::inputs)?)$/;

/** Renumbers the buttons of blocks translated on their own, so that action_ids stay unique in one view. */
export function renumberButtons(blocks: readonly KnownBlock[], offset: number): { blocks: KnownBlock[]; count: number } {
  let count = 0;
  const renumber = <T extends { type: string }>(element: T): T => {
    const actionId = "action_id" in element && typeof element.action_id === "string" ? element.action_id : undefined;
    const match = actionId === undefined ? null : BUTTON_ID.exec(actionId);
    if (match === null) return element;
    count++;
    return { ...element, action_id: `${match[1]}${Number(match[2]) + offset}${match[3]}` };
  };
  const renumbered = blocks.map((block): KnownBlock => {
    if (block.type === "actions") return { ...block, elements: block.elements.map(renumber) };
    if (block.type === "section" && block.accessory !== undefined) return { ...block, accessory: renumber(block.accessory) };
    return block;
  });
  return { blocks: renumbered, count };
}

/** The home view of a person, built from the core's answers. */
export async function homeView(deps: THomeDeps, target: TSlackTarget): Promise<View> {
  const cards = await deps.conversation.home({ platform: "SLACK", email: target.email });
  let blocks: KnownBlock[] = [];
  let buttons = 0;
  for (const card of cards) {
    const translated = renumberButtons(cardToMessage(card, { locale: target.locale }).blocks, buttons);
    buttons += translated.count;
    const divider: KnownBlock[] = blocks.length > 0 ? [{ type: "divider" }] : [];
    blocks = [...blocks, ...divider, ...translated.blocks];
  }
  // Two cards of 50 blocks each, and the divider between them: the divider gives way first.
  if (blocks.length > SLACK_LIMITS.viewBlocks) blocks = blocks.filter((block) => block.type !== "divider").slice(0, SLACK_LIMITS.viewBlocks);
  return { type: "home", blocks };
}

/** Publishes (views.publish) the person's App Home. */
export async function publishHome(deps: THomeDeps, target: TSlackTarget): Promise<void> {
  const view = await homeView(deps, target);
  checkLimits(deps, "home", view);
  await deps.client.views.publish({ user_id: target.userId, view });
}
