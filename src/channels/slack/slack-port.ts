import type { TCard } from "../../app/conversation/effects.ts";
import type { TChannelDeps } from "../shared/apply-effects.ts";
import type { TChannelPort } from "../shared/ports.ts";
import { cardToMessage, cardToModal, type TSlackModal } from "./block-kit/index.ts";
import type { TSlackRef, TSlackTarget } from "./slack-identity.ts";
import { checkLimits, findDelivered, isSlackError, postMessage, updateMessage, type TSlackSendDeps } from "./slack-send.ts";

// Slack's side of the channel port. A convention is a thread in the person's DM with the bot:
// its parent is the progress card, its replies the posts. A form opens as a modal from the
// click that asked for it (trigger_id), or replaces the modal clicked in; without a click
// (typed text, an expired trigger) the shared layer posts it with its "Ouvrir le formulaire"
// button. Answers to a modal's submission are in view-response.ts.

/** callback_id of every modal Stagebot opens (view_submission listens to it). */
export const FORM_CALLBACK_ID = "stagebot_form";

/** What Slack gives an interaction: a click or a command (trigger_id), or a click inside a modal. */
export type TSlackContext = {
  triggerId?: string | undefined;
  /** The modal the click came from: a form replaces it (views.update) rather than opening another. */
  view?: { id: string; hash?: string | undefined } | undefined;
};

/** What the Slack adapter needs to apply effects: the shared channel deps, and the Web API client. */
export type TSlackEffectsDeps = TChannelDeps<TSlackRef, TSlackContext> & TSlackSendDeps;

/** A form card as Stagebot's modal. */
export function formModal(card: TCard, target: Pick<TSlackTarget, "locale">): TSlackModal {
  return cardToModal(card, { locale: target.locale, callbackId: FORM_CALLBACK_ID, privateMetadata: "" });
}

/** Slack's implementation of the channel port. */
export function createSlackPort(deps: TSlackSendDeps): TChannelPort<TSlackRef, TSlackContext> {
  return {
    platform: "SLACK",
    post: (target, card, placement) =>
      postMessage(deps, target.channelId, cardToMessage(card, { locale: target.locale }), placement.threadId, placement.deliveryId),
    update: (target, ts, card) => updateMessage(deps, target.channelId, ts, cardToMessage(card, { locale: target.locale })),
    findDelivered: (target, threadTs, deliveryId) => findDelivered(deps, target.channelId, threadTs, deliveryId),

    async openForm(target, form, interaction) {
      const context = interaction.context;
      if (context?.view === undefined && context?.triggerId === undefined) return false;
      const view = formModal(form.card, target);
      checkLimits(deps, "modal", view);
      if (context.view !== undefined) {
        await deps.client.views.update({ view_id: context.view.id, ...(context.view.hash ? { hash: context.view.hash } : {}), view });
        return true;
      }
      try {
        await deps.client.views.open({ trigger_id: context.triggerId ?? "", view });
        return true;
      } catch (error) {
        // A trigger_id lives 3 seconds: past that, the form is offered in the thread instead.
        if (!isSlackError(error, "expired_trigger_id")) throw error;
        deps.logger.warn({ conventionId: form.conventionId }, "trigger_id expired: form posted with its button instead");
        return false;
      }
    },

    // No API closes a modal from a click inside it: the modal shows the outcome instead (the
    // first message of the answer, also posted in the thread), and the person closes it. A
    // submission's modal is closed by its HTTP answer (view-response.ts), not here.
    async closeForm(target, outcome, interaction) {
      const view = interaction.context?.view;
      if (view === undefined || outcome === undefined) return;
      const modal = formModal(outcome, target);
      checkLimits(deps, "modal", modal);
      await deps.client.views.update({ view_id: view.id, view: modal });
    },

    /** A document in the thread (files.uploadV2: upload URL, bytes, then shared in the DM). */
    async upload(target, effect, threadTs) {
      const file = { file: effect.content, filename: effect.filename, title: effect.filename, initial_comment: effect.comment };
      if (threadTs === null) await deps.client.filesUploadV2({ ...file, channel_id: target.channelId });
      else await deps.client.filesUploadV2({ ...file, channel_id: target.channelId, thread_ts: threadTs });
      deps.logger.info({ personId: target.personId, filename: effect.filename, sha256: effect.sha256 }, "document shared in Slack");
    },
  };
}
