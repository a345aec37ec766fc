import { expect } from "vitest";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { createDispatcher } from "../../src/app/notifications/dispatch-outbox.ts";
import { renderNotification } from "../../src/app/notifications/render-notification.ts";
import type { TClock } from "../../src/app/ports/clock.ts";
import { createOutboxQueue } from "../../src/db/outbox.ts";
import { createSeededConversation } from "./seeded-conversation.ts";

/**
 * A seeded database, the real core, and the real outbox dispatcher delivering into an inbox
 * per person (what each channel would have shown them).
 */
export async function createWorkflowHarness(clock?: TClock, options: Parameters<typeof createSeededConversation>[1] = {}) {
  const { database, deps, conversation } = await createSeededConversation(clock, options);
  const inbox = new Map<number, TEffect[]>();
  const ignore = () => undefined;
  const dispatcher = createDispatcher({
    queue: createOutboxQueue(database.prisma),
    render: (recipientId, payload) => renderNotification(deps, recipientId, payload),
    deliver: async (recipientId, effects) => {
      inbox.set(recipientId, [...(inbox.get(recipientId) ?? []), ...effects]);
    },
    clock: () => new Date(),
    logger: { info: ignore, warn: ignore, error: ignore },
    instanceId: "test",
  });
  /** Delivers everything pending; fails the test on any failed or dead notification. */
  const deliverAll = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const { sent, failed, dead } = await dispatcher.runOnce();
      expect({ failed, dead }).toEqual({ failed: 0, dead: 0 });
      total += sent;
      if (sent === 0) return total;
    }
  };
  const personId = async (email: string) => (await conversation.personIdOf(email)) ?? -1;
  return { database, deps, conversation, inbox, deliverAll, personId };
}
