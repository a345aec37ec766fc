// Slack as a notification channel: the outbox's effects applied in the recipient's DM with the
// bot (approval cards posted there, then updated in place by key for everyone after a
// decision; the student's thread told of each decision). A delivery may come twice (a crash
// after it, a retry after another channel's outage): each effect is remembered once applied
// ("delivery:<message id>#<n>" in ProcessedEvent) and skipped the second time. Between the
// Slack call and that record a crash (kill -9) can leave a message Slack shows but we did not
// record: each attempt is recorded before the call ("attempt:…"), every message posted carries
// its delivery id in Slack's message metadata, and a delivery attempted before looks for that
// message in the DM (or the thread) before posting. Keyed and progress cards are updates,
// harmless to repeat. A shared file (files.uploadV2 has no metadata) can still come twice.
import type { TNotificationChannel } from "../notification-router.ts";
import { applyEffects, type TSlackEffectsDeps } from "./apply-effects.ts";

/** The id of the `index`-th effect of a delivery. */
export function effectDeliveryId(messageId: string, index: number): string {
  return `${messageId}#${index}`;
}

/** The Slack channel of the notification router; throws on a Slack API error so that the outbox retries. */
export function createSlackNotifications(deps: TSlackEffectsDeps): TNotificationChannel {
  return {
    platform: "SLACK",
    async deliver(personId, effects, messageId) {
      const target = await deps.identities.ofPerson(personId);
      if (target === null) return "no_identity";
      for (const [index, effect] of effects.entries()) {
        const deliveryId = effectDeliveryId(messageId, index);
        if (await deps.messages.wasDelivered(deliveryId)) continue;
        const retried = !(await deps.messages.beginDelivery(deliveryId));
        await applyEffects(deps, target, [effect], { delivery: { id: deliveryId, retried } });
        await deps.messages.markDelivered(deliveryId);
      }
      return "delivered";
    },
  };
}
