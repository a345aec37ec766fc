import type { KnownBlock } from "@slack/types";
import { textSection } from "./body-blocks.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

// When a card's translation has more blocks than Slack takes, the layout gives way first: the
// dividers go, then neighbouring texts share a section. Content is never dropped here.

// The mrkdwn of a block made of text only (a plain section or a one-element context), else null.
function plainTextOf(block: KnownBlock): string | null {
  if (block.type === "section") {
    const plain = block.text?.type === "mrkdwn" && block.fields === undefined && block.accessory === undefined && block.block_id === undefined;
    return plain && block.text !== undefined ? block.text.text : null;
  }
  if (block.type === "context" && block.elements.length === 1) {
    const element = block.elements[0];
    return element?.type === "mrkdwn" ? element.text : null;
  }
  return null;
}

function withoutDividers(blocks: readonly KnownBlock[], excess: number): KnownBlock[] {
  let toDrop = excess;
  return blocks.filter((block) => {
    if (toDrop <= 0 || block.type !== "divider") return true;
    toDrop--;
    return false;
  });
}

function mergeTexts(blocks: readonly KnownBlock[], excess: number): KnownBlock[] {
  const merged: KnownBlock[] = [];
  let toSave = excess;
  for (const block of blocks) {
    const previous = merged.at(-1);
    const before = previous === undefined ? null : plainTextOf(previous);
    const text = plainTextOf(block);
    if (toSave > 0 && before !== null && text !== null && before.length + 1 + text.length <= SLACK_LIMITS.sectionText) {
      merged[merged.length - 1] = textSection(`${before}\n${text}`);
      toSave--;
    } else {
      merged.push(block);
    }
  }
  return merged;
}

/** The blocks made to fit `max` as far as layout allows (dividers dropped, texts merged); may still exceed it. */
export function compactBlocks(blocks: readonly KnownBlock[], max: number): KnownBlock[] {
  if (blocks.length <= max) return [...blocks];
  const lean = withoutDividers(blocks, blocks.length - max);
  if (lean.length <= max) return lean;
  return mergeTexts(lean, lean.length - max);
}
