// Any platform as a notification channel: the outbox's effects applied in the recipient's
// conversation with the bot (approval cards posted there, then updated in place by key for
// everyone after a decision; the student's thread told of each decision). A delivery may come
// twice (a crash after it, a retry after another channel's outage): each effect is remembered
// once applied ("delivery:<message id>#<n>" in ProcessedEvent) and skipped the second time.
// Between the platform call and that record a crash (kill -9) can leave a message the platform
// shows but we did not record: each attempt is recorded before the call ("attempt:…"), the port
// tags what it posts with the delivery id, and a delivery attempted before asks the port for
// that message before posting. Keyed and progress cards are updates, harmless to repeat.
import { applyEffects, type TChannelDeps } from "./apply-effects.ts";
import type { TNotificationChannel } from "./notification-router.ts";

/** The id of the `index`-th effect of a delivery. */
export function effectDeliveryId(messageId: string, index: number): string {
  return `${messageId}#${index}`;
}

/** The channel of the notification router for one platform; throws on a platform error so that the outbox retries. */
export function createNotificationChannel<TRef, TContext>(deps: TChannelDeps<TRef, TContext>): TNotificationChannel {
  return {
    platform: deps.port.platform,
    async deliver(personId, effects, messageId) {
      const target = await deps.identities.ofPerson(personId);
      if (target === null) return "no_identity";
      for (const [index, effect] of effects.entries()) {
        const deliveryId = effectDeliveryId(messageId, index);
        if (await deps.records.wasDelivered(deliveryId)) continue;
        const retried = !(await deps.records.beginDelivery(deliveryId));
        await applyEffects(deps, target, [effect], { delivery: { id: deliveryId, retried } });
        await deps.records.markDelivered(deliveryId);
      }
      return "delivered";
    },
  };
}
