import type { KnownBlock, ModalView } from "@slack/types";
import type { TCard } from "../../../app/conversation/effects.ts";
import { unescapeCardTexts } from "../../../cards/card-markdown.ts";
import { translate, type TLocale } from "../../../i18n/translate.ts";
import { newTranslation, pushButtons, translateElements } from "./body-blocks.ts";
import { cardActions, cardTitle, inputsOf, isNode, textAt, typeOf, type TExecute } from "./card-nodes.ts";
import { compactBlocks } from "./fit-blocks.ts";
import { plainText } from "./mrkdwn.ts";
import { periodListsOf, type TPeriodList } from "./period-lists.ts";
import { encodeModalMetadata } from "./private-metadata.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

/** A modal view whose blocks are all of the kinds Block Kit documents. */
export type TSlackModal = ModalView & { blocks: KnownBlock[] };

/** What a modal translation needs besides the card. */
export type TModalContext = {
  locale: TLocale;
  /** The view's callback_id, naming the modal in view_submission. */
  callbackId: string;
  /** The caller's own data, handed back with the submission (see viewSubmissionToData). */
  privateMetadata: string;
};

// The card's title becomes the modal's; when Slack's 24 characters cut it, it stays on top too.
function bodyNodes(card: TCard): unknown[] {
  const [first, ...rest] = card.body;
  const isTitle = isNode(first) && typeOf(first) === "TextBlock" && textAt(first, "text") === cardTitle(card);
  return isTitle && cardTitle(card).length <= SLACK_LIMITS.modalTitle ? rest : card.body;
}

function modalBlocks(card: TCard, locale: TLocale, buttons: readonly TExecute[], periods: Map<string, TPeriodList>): KnownBlock[] {
  const translation = newTranslation(locale, "modal", periods);
  translateElements(translation, bodyNodes(card).filter(isNode));
  pushButtons(translation, buttons);
  return translation.blocks;
}

// Fifty period rows would not fit: then each period list becomes one text box.
function fittedBlocks(card: TCard, locale: TLocale, buttons: readonly TExecute[]): KnownBlock[] {
  const max = SLACK_LIMITS.viewBlocks;
  const natural = modalBlocks(card, locale, buttons, new Map());
  const blocks = compactBlocks(natural.length <= max ? natural : modalBlocks(card, locale, buttons, periodListsOf(card)), max);
  if (blocks.length > max) throw new Error(`Block Kit: the form "${cardTitle(card)}" needs ${blocks.length} blocks (a modal takes ${max})`);
  return blocks;
}

/**
 * A form card as a modal: each input an input block (block_id = the input's id), the card's
 * submit button the modal's submit (its verb and data in private_metadata), the other buttons
 * an actions block. Errors shown under the fields on the card are left to Slack. Texts are read
 * literal (Adaptive Card escapes taken out).
 */
export function cardToModal(escaped: TCard, context: TModalContext): TSlackModal {
  const card = unescapeCardTexts(escaped);
  const actions = cardActions(card);
  const submit = inputsOf(card).length > 0 ? actions.find((action) => action.submitsInputs) : undefined;
  // "Annuler" is Slack's own close button: a cancel button inside the modal could not close it.
  // Closing a form that keeps its typed answers (form_closed) is told by Slack's view_closed.
  const closer = actions.find((action) => action.verb === "form_closed");
  const buttons = actions.filter((action) => action !== submit && action.verb !== "cancel" && action !== closer);
  const private_metadata = encodeModalMetadata({
    action: submit === undefined ? null : { verb: submit.verb, data: submit.data },
    caller: context.privateMetadata,
  });
  const title = cardTitle(card).trim() || translate(context.locale, "slack:formTitle");
  return {
    type: "modal",
    callback_id: context.callbackId,
    title: plainText(title, SLACK_LIMITS.modalTitle),
    ...(submit === undefined ? {} : { submit: plainText(submit.title, SLACK_LIMITS.modalButton) }),
    close: plainText(translate(context.locale, "slack:close"), SLACK_LIMITS.modalButton),
    ...(closer === undefined || submit === undefined ? {} : { notify_on_close: true }),
    private_metadata,
    blocks: fittedBlocks(card, context.locale, buttons),
  };
}
