import { randomUUID } from "node:crypto";
import { CardFactory, MessageFactory, type CloudAdapter, type ConversationReference, type TurnContext } from "botbuilder";
import type { TCard } from "../../app/conversation/effects.ts";
import type { TChannelLogger, TChannelPort, TFileEffect } from "../shared/ports.ts";
import { toTeamsCard } from "./teams-cards.ts";
import type { TTeamsRef, TTeamsTarget } from "./teams-identity.ts";

// Teams' side of the channel port. Personal chat has no threads: each convention is its
// progress card, updated in place (updateActivity), and the other cards follow in the chat.
// A click on an Action.Execute is an invoke whose answer replaces the clicked card: a form
// opens there (each field's error next to it), an accepted form shows its outcome there, and
// an update of the very card clicked is that answer rather than a second call. Everything is
// sent through the stored conversation reference (continueConversationAsync), from a click as
// from the outbox.

/** What an Action.Execute invoke gives the port: the card clicked, and the answer that replaces it. */
export type TTeamsContext = {
  invoke?: {
    clickedMessageId: string | undefined;
    answer: TCard | null;
    /** The outcome of an accepted form: the answer when nothing newer replaces the card clicked. */
    outcome?: TCard | undefined;
    /** Told as soon as the card clicked has its answer (a form, the card refreshed): the invoke is answered then. */
    answered?: (card: TCard) => void;
  };
};

/** Gives the card clicked its answer. */
function answer(invoke: NonNullable<TTeamsContext["invoke"]>, card: TCard): void {
  invoke.answer = card;
  invoke.answered?.(card);
}

/** A document offered with a file-consent card, until the person accepts or declines it. */
export type TFileOffer = { filename: string; sha256: string; content: Buffer };

/** Where offered documents wait for the person's answer (any instance may receive it). */
export interface TFileOffers {
  save(channelId: string, token: string, file: TFileEffect): Promise<void>;
  /** The offer, or null when it is unknown or too old. */
  take(channelId: string, token: string): Promise<TFileOffer | null>;
  forget(channelId: string, token: string): Promise<void>;
}

/** The adapter and the bot's app id, which is all sending needs; the offers of documents. */
export type TTeamsSendDeps = { adapter: CloudAdapter; appId: string; logger: TChannelLogger; offers: TFileOffers };

/** The content type of Teams' file-consent card (personal chats, supportsFiles). */
export const FILE_CONSENT_CARD = "application/vnd.microsoft.teams.card.file.consent";

/** A stored reference as botbuilder wants it. */
export function conversationReferenceOf(ref: TTeamsRef): Partial<ConversationReference> {
  return {
    channelId: "msteams",
    serviceUrl: ref.serviceUrl,
    conversation: { id: ref.conversationId, tenantId: ref.tenantId, isGroup: false, conversationType: "personal", name: "" },
    bot: { id: ref.botId, name: "Stagebot" },
    user: { id: ref.userId, name: "" },
  };
}

/**
 * Runs `work` in the target's personal chat. Its failure is the caller's (the outbox retries
 * it): caught inside, where the adapter's turn-error handler would otherwise swallow it.
 */
async function inChat<T>(deps: TTeamsSendDeps, target: TTeamsTarget, work: (context: TurnContext) => Promise<T>): Promise<T> {
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  await deps.adapter.continueConversationAsync(deps.appId, conversationReferenceOf(target.ref), async (context) => {
    try {
      outcome = { ok: true, value: await work(context) };
    } catch (error) {
      outcome = { ok: false, error };
    }
  });
  if (outcome === undefined) throw new Error(`Teams: nothing ran in ${target.channelId}`);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

const cardActivity = (card: TCard) => MessageFactory.attachment(CardFactory.adaptiveCard(toTeamsCard(card)));

/** True when the connector answered 404 (the message is gone). */
function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: unknown } | null)?.statusCode === 404;
}

/** Teams' implementation of the channel port. */
export function createTeamsPort(deps: TTeamsSendDeps): TChannelPort<TTeamsRef, TTeamsContext> {
  return {
    platform: "TEAMS",
    async post(target, card) {
      const sent = await inChat(deps, target, (context) => context.sendActivity(cardActivity(card)));
      if (sent?.id === undefined) throw new Error(`Teams returned no activity id in ${target.channelId}`);
      return sent.id;
    },

    async update(target, messageId, card, _role, interaction) {
      // The card clicked is replaced by the invoke's answer (no second call, no flicker).
      const invoke = interaction.context?.invoke;
      if (invoke !== undefined && invoke.clickedMessageId === messageId) {
        answer(invoke, card);
        return true;
      }
      try {
        await inChat(deps, target, (context) => context.updateActivity({ ...cardActivity(card), id: messageId }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },

    // Bots cannot read a chat's history: an attempt interrupted after Teams took the message
    // cannot be found, and the retry posts it (documented in README, "Delivery, exactly").
    findDelivered: async () => null,

    async openForm(_target, form, interaction) {
      const invoke = interaction.context?.invoke;
      if (invoke === undefined) return false;
      answer(invoke, form.card);
      return true;
    },

    async closeForm(_target, outcome, interaction) {
      const invoke = interaction.context?.invoke;
      // The card clicked shows the outcome, unless something newer replaces it (the progress card it was).
      if (invoke !== undefined && invoke.outcome === undefined) invoke.outcome = outcome;
    },

    // A bot puts a file in a personal chat through the person's consent: a file-consent card,
    // then, once accepted, the bytes to the upload URL Teams gives (teams-handlers.ts). The
    // notice that comes with every document carries its signed download link as well.
    async upload(target, file) {
      const token = randomUUID();
      await deps.offers.save(target.channelId, token, file);
      const consent = {
        contentType: FILE_CONSENT_CARD,
        name: file.filename,
        content: { description: file.comment, sizeInBytes: file.content.length, acceptContext: { offer: token }, declineContext: { offer: token } },
      };
      await inChat(deps, target, (context) => context.sendActivity({ type: "message", attachments: [consent] }));
      deps.logger.info({ personId: target.personId, filename: file.filename, sha256: file.sha256 }, "Teams: document offered with a file-consent card");
    },
  };
}
