import type { TCard, TEffect } from "../../app/conversation/effects.ts";
import { cardToMessage, cardToModal, type TSlackMessage, type TSlackModal } from "./block-kit/index.ts";
import type { TSlackIdentities, TSlackTarget } from "./slack-identity.ts";
import type { TSlackMessageStore } from "./slack-message-store.ts";
import { checkLimits, findDelivered, isSlackError, postMessage, updateMessage, type TSlackSendDeps } from "./slack-send.ts";

// The core's effects, done in Slack. A convention is a thread in the person's DM with the bot:
// its parent is the progress card (posted once, then chat.update), its replies the posts. A
// form opens as a modal from the click that asked for it; without a click (typed text) it is
// posted with an "Ouvrir le formulaire" button. Keyed notifications (approval cards) are posted
// once per person and updated in place. Answers to a modal's submission are in view-response.ts.

/** callback_id of every modal Stagebot opens (view_submission listens to it). */
export const FORM_CALLBACK_ID = "stagebot_form";

/** What applying effects needs. */
export type TSlackEffectsDeps = TSlackSendDeps & { messages: TSlackMessageStore; identities: TSlackIdentities };

/** Where the effects answer: a click or a command (trigger_id: a form opens as a modal), or a click inside a modal. */
export type TInteraction = {
  triggerId?: string | undefined;
  /** The modal the click came from: a form replaces it (views.update) rather than opening another. */
  view?: { id: string; hash?: string | undefined } | undefined;
  /**
   * The outbox delivery these effects are (one effect each): what they post is tagged with its
   * id, and when an earlier attempt was interrupted (`retried`), a message Slack already shows
   * for it is taken instead of posting a second one.
   */
  delivery?: { id: string; retried: boolean } | undefined;
};

/** A form card as Stagebot's modal. */
export function formModal(card: TCard, target: Pick<TSlackTarget, "locale">): TSlackModal {
  return cardToModal(card, { locale: target.locale, callbackId: FORM_CALLBACK_ID, privateMetadata: "" });
}

const messageOf = (card: TCard, target: TSlackTarget) => cardToMessage(card, { locale: target.locale });

/** Posts a message once per delivery: after an interrupted attempt, the one Slack already shows is its ts. */
async function postOnce(deps: TSlackEffectsDeps, channel: string, message: TSlackMessage, threadTs: string | null, interaction: TInteraction): Promise<string> {
  const delivery = interaction.delivery;
  if (delivery?.retried) {
    const earlier = await findDelivered(deps, channel, threadTs, delivery.id);
    if (earlier !== null) {
      deps.logger.info({ deliveryId: delivery.id, ts: earlier }, "Slack already shows this delivery: not posted again");
      return earlier;
    }
  }
  return postMessage(deps, channel, message, threadTs, delivery?.id);
}

async function threadOf(deps: TSlackEffectsDeps, target: TSlackTarget, conventionId: number | null): Promise<string | null> {
  return conventionId === null ? null : deps.messages.progressOf(target.dmChannel, conventionId);
}

/** The thread's parent: updated in place, or posted (again, if the person deleted it). */
async function showProgress(deps: TSlackEffectsDeps, target: TSlackTarget, conventionId: number, card: TCard, interaction: TInteraction): Promise<void> {
  const message = messageOf(card, target);
  const ts = await deps.messages.progressOf(target.dmChannel, conventionId);
  if (ts !== null && (await updateMessage(deps, target.dmChannel, ts, message))) return;
  const posted = await postOnce(deps, target.dmChannel, message, null, interaction);
  await deps.messages.saveProgress({ channelId: target.dmChannel, ts: posted, conventionId, recipientId: target.personId });
}

async function post(deps: TSlackEffectsDeps, target: TSlackTarget, conventionId: number | null, card: TCard, interaction: TInteraction = {}): Promise<void> {
  await postOnce(deps, target.dmChannel, messageOf(card, target), await threadOf(deps, target, conventionId), interaction);
}

/** A deleted draft: its parent says so (no parent: a plain message). */
async function closeThread(deps: TSlackEffectsDeps, target: TSlackTarget, conventionId: number, card: TCard, interaction: TInteraction): Promise<void> {
  const ts = await deps.messages.progressOf(target.dmChannel, conventionId);
  const message = messageOf(card, target);
  if (ts !== null && (await updateMessage(deps, target.dmChannel, ts, message))) return;
  await postOnce(deps, target.dmChannel, message, null, interaction);
}

/** A notification in its recipient's DM; with a key, one message updated in place for good. */
async function notify(deps: TSlackEffectsDeps, actor: TSlackTarget, effect: Extract<TEffect, { kind: "notify" }>, interaction: TInteraction): Promise<void> {
  const target = effect.personId === actor.personId ? actor : await deps.identities.ofPerson(effect.personId);
  if (target === null) {
    deps.logger.info({ personId: effect.personId }, "Slack notification skipped: the person has no Slack account");
    return;
  }
  const message = messageOf(effect.card, target);
  if (effect.key === undefined) {
    await postOnce(deps, target.dmChannel, message, null, interaction);
    return;
  }
  const ts = await deps.messages.keyedOf(target.dmChannel, effect.key);
  if (ts !== null && (await updateMessage(deps, target.dmChannel, ts, message))) return;
  const posted = await postOnce(deps, target.dmChannel, message, null, interaction);
  await deps.messages.saveKeyed({ channelId: target.dmChannel, ts: posted, conventionId: effect.conventionId, recipientId: target.personId }, effect.key);
}

/** A document in the thread (files.uploadV2: upload URL, bytes, then shared in the DM). */
async function upload(deps: TSlackEffectsDeps, target: TSlackTarget, effect: Extract<TEffect, { kind: "file" }>): Promise<void> {
  const threadTs = await threadOf(deps, target, effect.conventionId);
  const file = { file: effect.content, filename: effect.filename, title: effect.filename, initial_comment: effect.comment };
  if (threadTs === null) await deps.client.filesUploadV2({ ...file, channel_id: target.dmChannel });
  else await deps.client.filesUploadV2({ ...file, channel_id: target.dmChannel, thread_ts: threadTs });
  deps.logger.info({ personId: target.personId, filename: effect.filename, sha256: effect.sha256 }, "document shared in Slack");
}

/** A form: replaces the modal clicked in, or opens one from the trigger, or is offered in the thread. */
async function showForm(deps: TSlackEffectsDeps, target: TSlackTarget, effect: Extract<TEffect, { kind: "form" }>, interaction: TInteraction): Promise<void> {
  if (interaction.view === undefined && interaction.triggerId === undefined) {
    await post(deps, target, effect.conventionId, effect.card);
    return;
  }
  const view = formModal(effect.card, target);
  checkLimits(deps, "modal", view);
  if (interaction.view !== undefined) {
    await deps.client.views.update({ view_id: interaction.view.id, ...(interaction.view.hash ? { hash: interaction.view.hash } : {}), view });
    return;
  }
  try {
    await deps.client.views.open({ trigger_id: interaction.triggerId ?? "", view });
  } catch (error) {
    // A trigger_id lives 3 seconds: past that, the form is offered in the thread instead.
    if (!isSlackError(error, "expired_trigger_id")) throw error;
    deps.logger.warn({ conventionId: effect.conventionId }, "trigger_id expired: form posted with its button instead");
    await post(deps, target, effect.conventionId, effect.card);
  }
}

// No API closes a modal from a click inside it: the modal shows the outcome instead (the
// first message of the answer, also posted in the thread), and the person closes it.
async function showOutcomeInModal(deps: TSlackEffectsDeps, target: TSlackTarget, effects: readonly TEffect[], view: { id: string }): Promise<void> {
  const outcome = effects.find((effect): effect is Extract<TEffect, { kind: "post" }> => effect.kind === "post");
  if (outcome === undefined) return;
  const modal = formModal(outcome.card, target);
  checkLimits(deps, "modal", modal);
  await deps.client.views.update({ view_id: view.id, view: modal });
}

/** The index of the form that answers (the last form, unless a close_form comes after it), or -1. */
export function answeringFormIndex(effects: readonly TEffect[]): number {
  const last = effects.findLastIndex((effect) => effect.kind === "form" || effect.kind === "close_form");
  return last >= 0 && effects[last]?.kind === "form" ? last : -1;
}

/** Applies the core's effects for `target`, in order; a Slack API error propagates (the caller logs or retries). */
export async function applyEffects(deps: TSlackEffectsDeps, target: TSlackTarget, effects: readonly TEffect[], interaction: TInteraction = {}): Promise<void> {
  // A trigger_id opens one modal: the form that answers; an earlier one would be replaced at once.
  const formIndex = answeringFormIndex(effects);
  for (const [index, effect] of effects.entries()) {
    switch (effect.kind) {
      case "progress":
        await showProgress(deps, target, effect.conventionId, effect.card, interaction);
        break;
      case "post":
        await post(deps, target, effect.conventionId, effect.card, interaction);
        break;
      case "form":
        if (index === formIndex) await showForm(deps, target, effect, interaction);
        break;
      case "close_form":
        if (interaction.view !== undefined && index === effects.findLastIndex((e) => e.kind === "close_form") && formIndex < 0) {
          await showOutcomeInModal(deps, target, effects, interaction.view);
        }
        break;
      case "thread_closed":
        await closeThread(deps, target, effect.conventionId, effect.card, interaction);
        break;
      case "notify":
        await notify(deps, target, effect, interaction);
        break;
      case "file":
        await upload(deps, target, effect);
        break;
    }
  }
}
