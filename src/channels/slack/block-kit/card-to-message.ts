import type { KnownBlock } from "@slack/types";
import type { TCard } from "../../../app/conversation/effects.ts";
import type { TVerb } from "../../../app/conversation/events.ts";
import { unescapeCardTexts } from "../../../cards/card-markdown.ts";
import { translate, type TLocale } from "../../../i18n/translate.ts";
import { buttonOf } from "./action-value.ts";
import { newTranslation, pushButtons, pushLinks, textSection, translateElements } from "./body-blocks.ts";
import { cardActions, cardLinks, cardTitle, inputsOf, isNode, textAt, typeOf, type TActionValue, type TNode } from "./card-nodes.ts";
import { compactBlocks } from "./fit-blocks.ts";
import { bold, clip, escapeMrkdwn } from "./mrkdwn.ts";
import { SLACK_LIMITS, type TSlackMessage } from "./slack-limits.ts";

/** What a message translation needs besides the card. */
export type TMessageContext = {
  locale: TLocale;
  /** For a form: what its "Ouvrir le formulaire" button sends (default: the verb that opens it, see OPENERS). */
  openForm?: TActionValue;
};

// A form posted as a message (no trigger_id to open a modal at once) offers a button that asks
// the core for the form again; the click brings a trigger_id, and the form opens as a modal.
const OPENERS: Partial<Readonly<Record<TVerb, TVerb>>> = {
  save_section: "open_section",
  create_etablissement: "open_etablissement_create",
  propose_etablissement_change: "open_etablissement_create",
  create_service: "open_service_create",
  create_contact: "open_contact_create",
  refuse_step: "open_refuse",
  unvalidate: "open_unvalidate",
  request_avenant: "open_avenant_request",
  refuse_avenant: "open_refuse_avenant",
};

const NOTIFICATION_TEXT = 300;

/** The plain-text fallback Slack shows in notifications: the title, and the text right under it (a decision, a notice's text). */
function notificationText(card: TCard): string {
  const [first, second] = card.body.filter(isNode);
  const texts = [first, second]
    .filter((node): node is TNode => node !== undefined && typeOf(node) === "TextBlock")
    .map((node) => textAt(node, "text").trim())
    .filter((text) => text !== "");
  return escapeMrkdwn(clip(texts.join(" — ") || cardTitle(card), NOTIFICATION_TEXT));
}

function openFormValue(card: TCard, context: TMessageContext): TActionValue {
  if (context.openForm !== undefined) return context.openForm;
  const submit = cardActions(card).find((action) => action.submitsInputs);
  const opener = submit === undefined ? undefined : OPENERS[submit.verb];
  if (submit === undefined || opener === undefined) {
    throw new Error(`Block Kit: no verb opens the form submitted by "${submit?.verb ?? "(none)"}": pass openForm`);
  }
  return { verb: opener, data: submit.data };
}

function formMessage(card: TCard, context: TMessageContext): TSlackMessage {
  const open = openFormValue(card, context);
  const title = translate(context.locale, "slack:openForm");
  const button = buttonOf({ ...open, title, style: "positive", submitsInputs: false }, 0);
  const blocks: KnownBlock[] = [
    textSection(bold(escapeMrkdwn(clip(cardTitle(card), SLACK_LIMITS.sectionText - 100)))),
    { type: "actions", elements: [button] },
  ];
  return { text: notificationText(card), blocks };
}

// Over 50 blocks even once compacted (no card does this today): the end of the body gives way
// to a note, the card's own buttons stay.
function truncated(locale: TLocale, body: KnownBlock[], actions: KnownBlock[]): KnownBlock[] {
  const room = SLACK_LIMITS.messageBlocks - actions.length - 1;
  const note: KnownBlock = { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(translate(locale, "slack:truncated")) }] };
  return [...body.slice(0, Math.max(0, room)), note, ...actions];
}

/**
 * A card as a Slack message. A card without inputs becomes blocks (its buttons carry their
 * verb and data); a form becomes its title and an "Ouvrir le formulaire" button, the form
 * itself being a modal (cardToModal). Its texts are read literal (Adaptive Card escapes taken
 * out), then escaped for mrkdwn.
 */
export function cardToMessage(escaped: TCard, context: TMessageContext): TSlackMessage {
  const card = unescapeCardTexts(escaped);
  if (inputsOf(card).length > 0) return formMessage(card, context);
  const body = newTranslation(context.locale, "message");
  translateElements(body, card.body.filter(isNode));
  const actions = newTranslation(context.locale, "message");
  actions.buttons = body.buttons;
  pushLinks(actions, cardLinks(card));
  pushButtons(actions, cardActions(card));
  const room = SLACK_LIMITS.messageBlocks - actions.blocks.length;
  const blocks = compactBlocks(body.blocks, room);
  const fitted = blocks.length <= room ? [...blocks, ...actions.blocks] : truncated(context.locale, blocks, actions.blocks);
  return { text: notificationText(card), blocks: fitted };
}
