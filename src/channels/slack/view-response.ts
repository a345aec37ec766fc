import type { KnownBlock, View } from "@slack/types";
import type { TEffect } from "../../app/conversation/effects.ts";
import { SLACK_LIMITS, toSlackErrors, type TSlackModal } from "./block-kit/index.ts";
import { answeringFormIndex } from "../shared/apply-effects.ts";
import { formModal } from "./slack-port.ts";
import type { TSlackTarget } from "./slack-identity.ts";

// A view_submission is answered in its HTTP response, within 3 seconds: the answer closes the
// modal (no body), shows errors under its fields (response_action "errors"), or replaces it
// (response_action "update"). Whatever else the core said (the progress card, a notice) is
// done after the answer, by applyEffects.

/** What Slack accepts in a view_submission's response. */
export type TViewAnswer = { response_action: "errors"; errors: Record<string, string> } | { response_action: "update"; view: View };

/** The answer for the modal, and the effects left to apply once it is sent. */
export type TSubmissionOutcome = { answer: TViewAnswer | undefined; rest: TEffect[] };

// What a person can do in a view: its inputs and its buttons, in order.
function controlsOf(blocks: readonly unknown[]): string {
  return (blocks as KnownBlock[])
    .flatMap((block) => {
      if (block.type === "input") return [`input:${block.block_id ?? ""}`];
      const elements = block.type === "actions" ? block.elements : block.type === "section" && block.accessory ? [block.accessory] : [];
      return elements.map((element) => `button:${"action_id" in element ? (element.action_id ?? "") : ""}`);
    })
    .join("\n");
}

// "errors" keeps the submitted view as it is: right when the new form offers the same inputs
// and buttons (a general notice it adds is said by the errors themselves); when it offers more
// (duplicates found, with "Créer quand même"; a field that now applies), the view is replaced.
function sameControls(submitted: Pick<View, "blocks">, next: TSlackModal): boolean {
  return controlsOf(submitted.blocks) === controlsOf(next.blocks);
}

/** The modal with each error as a line under its field (Slack's own errors cannot come with an update). */
export function withInlineErrors(modal: TSlackModal, errors: Readonly<Record<string, string>>): TSlackModal {
  const byBlock = toSlackErrors(errors, modal);
  const blocks: KnownBlock[] = [];
  for (const block of modal.blocks) {
    blocks.push(block);
    const message = block.type === "input" && block.block_id !== undefined ? byBlock[block.block_id] : undefined;
    if (message !== undefined) blocks.push({ type: "context", elements: [{ type: "plain_text", text: `❗ ${message}`, emoji: true }] });
  }
  return blocks.length <= SLACK_LIMITS.viewBlocks ? { ...modal, blocks } : modal;
}

/** How to answer a submission, given the core's effects and the view that was submitted. */
export function viewSubmissionOutcome(effects: readonly TEffect[], submitted: Pick<View, "blocks">, target: Pick<TSlackTarget, "locale">): TSubmissionOutcome {
  const rest = effects.filter((effect) => effect.kind !== "form" && effect.kind !== "close_form");
  const form = effects[answeringFormIndex(effects)];
  if (form === undefined || form.kind !== "form") return { answer: undefined, rest };
  const modal = formModal(form.card, target);
  const errors = form.errors ?? {};
  if (Object.keys(errors).length === 0) return { answer: { response_action: "update", view: modal }, rest };
  const slackErrors = toSlackErrors(errors, modal);
  if (Object.keys(slackErrors).length > 0 && sameControls(submitted, modal)) return { answer: { response_action: "errors", errors: slackErrors }, rest };
  return { answer: { response_action: "update", view: withInlineErrors(modal, errors) }, rest };
}
