import type { TCard, TEffect } from "../../app/conversation/effects.ts";
import type { TChatIdentities } from "./chat-identities.ts";
import type { TChannelLogger, TChannelPort, TChannelRecords, TChatTarget, TInteraction, TMessageRole } from "./ports.ts";

// The core's effects, done on any platform through its port. A convention is a thread of the
// person's conversation with the bot: its progress card is posted once, then updated in place
// (posted again if the person deleted it); replies go under it. A keyed notification (an
// approval card) is posted once per person, then every copy is updated in place. A form opens
// as the answer to the interaction that asked for it, and is posted when nothing can open it.

/** What applying effects needs: the platform, its records, its identities, a logger. */
export type TChannelDeps<TRef, TContext> = {
  port: TChannelPort<TRef, TContext>;
  records: TChannelRecords;
  identities: TChatIdentities<TRef>;
  logger: TChannelLogger;
};

/** The index of the form that answers (the last form, unless a close_form comes after it), or -1. */
export function answeringFormIndex(effects: readonly TEffect[]): number {
  const last = effects.findLastIndex((effect) => effect.kind === "form" || effect.kind === "close_form");
  return last >= 0 && effects[last]?.kind === "form" ? last : -1;
}

type TDeps<TRef, TContext> = TChannelDeps<TRef, TContext>;
type TTarget<TRef> = TChatTarget<TRef>;

/** Posts a card once per delivery: after an interrupted attempt, the message the platform already shows is taken. */
async function postOnce<TRef, TContext>(
  deps: TDeps<TRef, TContext>,
  target: TTarget<TRef>,
  card: TCard,
  threadId: string | null,
  role: TMessageRole,
  interaction: TInteraction<TContext>,
): Promise<string> {
  const delivery = interaction.delivery;
  if (delivery?.retried) {
    const earlier = await deps.port.findDelivered(target, threadId, delivery.id);
    if (earlier !== null) {
      deps.logger.info(
        { platform: deps.port.platform, deliveryId: delivery.id, messageId: earlier },
        "the platform already shows this delivery: not posted again",
      );
      return earlier;
    }
  }
  return deps.port.post(target, card, { threadId, role, deliveryId: delivery?.id });
}

async function threadOf<TRef>(deps: TDeps<TRef, unknown>, target: TTarget<TRef>, conventionId: number | null): Promise<string | null> {
  return conventionId === null ? null : deps.records.progressOf(target.channelId, conventionId);
}

/** A card that lives in one message for good: updated in place, or posted (again, if the person deleted it) and remembered. */
async function showInPlace<TRef, TContext>(
  deps: TDeps<TRef, TContext>,
  target: TTarget<TRef>,
  existing: string | null,
  card: TCard,
  role: TMessageRole,
  interaction: TInteraction<TContext>,
): Promise<void> {
  if (existing !== null && (await deps.port.update(target, existing, card, role, interaction))) {
    // The same message now plays this role (a progress card that became "closed").
    if (role.kind === "closed") await deps.records.remember({ channelId: target.channelId, messageId: existing, role, recipientId: target.personId });
    return;
  }
  const messageId = await postOnce(deps, target, card, null, role, interaction);
  await deps.records.remember({ channelId: target.channelId, messageId, role, recipientId: target.personId });
}

async function post<TRef, TContext>(
  deps: TDeps<TRef, TContext>,
  target: TTarget<TRef>,
  conventionId: number | null,
  card: TCard,
  interaction: TInteraction<TContext>,
): Promise<void> {
  await postOnce(deps, target, card, await threadOf(deps, target, conventionId), { kind: "post", conventionId }, interaction);
}

/** A notification in its recipient's conversation; with a key, one message updated in place for good. */
async function notify<TRef, TContext>(
  deps: TDeps<TRef, TContext>,
  actor: TTarget<TRef>,
  effect: Extract<TEffect, { kind: "notify" }>,
  interaction: TInteraction<TContext>,
): Promise<void> {
  const target = effect.personId === actor.personId ? actor : await deps.identities.ofPerson(effect.personId);
  if (target === null) {
    deps.logger.info({ platform: deps.port.platform, personId: effect.personId }, "notification skipped: the person has no account on this platform");
    return;
  }
  if (effect.key === undefined) {
    await postOnce(deps, target, effect.card, null, { kind: "notify", conventionId: effect.conventionId }, interaction);
    return;
  }
  const existing = await deps.records.keyedOf(target.channelId, effect.key);
  await showInPlace(deps, target, existing, effect.card, { kind: "keyed", key: effect.key, conventionId: effect.conventionId }, interaction);
}

/** Applies the core's effects for `target`, in order; a platform error propagates (the caller logs, or the outbox retries). */
export async function applyEffects<TRef, TContext>(
  deps: TChannelDeps<TRef, TContext>,
  target: TChatTarget<TRef>,
  effects: readonly TEffect[],
  interaction: TInteraction<TContext> = {},
): Promise<void> {
  // One interaction answers with one form: the last one (an earlier one would be replaced at once).
  const formIndex = answeringFormIndex(effects);
  const lastClose = effects.findLastIndex((effect) => effect.kind === "close_form");
  for (const [index, effect] of effects.entries()) {
    switch (effect.kind) {
      case "progress": {
        const existing = await deps.records.progressOf(target.channelId, effect.conventionId);
        await showInPlace(deps, target, existing, effect.card, { kind: "progress", conventionId: effect.conventionId }, interaction);
        break;
      }
      case "post":
        await post(deps, target, effect.conventionId, effect.card, interaction);
        break;
      case "form":
        if (index === formIndex && !(await deps.port.openForm(target, effect, interaction)))
          await post(deps, target, effect.conventionId, effect.card, interaction);
        break;
      case "close_form":
        if (index === lastClose && formIndex < 0) {
          const outcome = effects.find((candidate): candidate is Extract<TEffect, { kind: "post" }> => candidate.kind === "post");
          await deps.port.closeForm(target, outcome?.card, interaction);
        }
        break;
      case "thread_closed": {
        const existing = await deps.records.progressOf(target.channelId, effect.conventionId);
        await showInPlace(deps, target, existing, effect.card, { kind: "closed", conventionId: effect.conventionId }, interaction);
        break;
      }
      case "notify":
        await notify(deps, target, effect, interaction);
        break;
      case "file":
        await deps.port.upload(target, effect, await threadOf(deps, target, effect.conventionId));
        break;
    }
  }
}
