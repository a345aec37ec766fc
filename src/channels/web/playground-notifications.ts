// The playground as a notification channel: notifications land in the recipient's playground
// threads, stored like every playground message (PostedMessage, platform WEB, channel
// "person:<id>"). Unlike a person's own clicks, a notification may be delivered twice (a crash
// after delivery, a retry after another channel's outage): every write here is idempotent.
import type { TCard, TEffect } from "../../app/conversation/effects.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import type { TNotificationChannel } from "../notification-router.ts";
import { createPlaygroundStore } from "./playground-store.ts";

type TTx = Prisma.TransactionClient;

const PLATFORM = "WEB" as const;
// The same addressing as playground-store.ts, so the page shows these messages in its threads.
const channelOf = (personId: number): string => `person:${personId}`;
const threadIdOf = (conventionId: number | null): string | null => (conventionId === null ? null : String(conventionId));

// Cards are JSON by construction (the core builds them from templates); Prisma only wants to be told.
const toJson = (card: TCard): Prisma.InputJsonObject => card as Prisma.InputJsonObject;

type TMessageWrite = { personId: number; conventionId: number | null; card: TCard; kind: "notify" | "post"; messageId: string };

/** Posts once: a second delivery of the same message id finds the row and leaves it alone. */
async function insertOnce(tx: TTx, write: TMessageWrite): Promise<void> {
  await tx.postedMessage.createMany({
    data: [
      {
        platform: PLATFORM,
        channelId: channelOf(write.personId),
        messageId: write.messageId,
        threadId: threadIdOf(write.conventionId),
        kind: write.kind,
        recipientId: write.personId,
        content: toJson(write.card),
      },
    ],
    skipDuplicates: true,
  });
}

/** Posts the keyed message the first time, then updates it in place (every copy of an approval card). */
async function upsertKeyed(tx: TTx, write: TMessageWrite): Promise<void> {
  const key = { platform: PLATFORM, channelId: channelOf(write.personId), messageId: write.messageId };
  // The where names exactly the created unique key: Prisma runs it as one INSERT ... ON CONFLICT,
  // so two instances delivering the same key at once still leave one row.
  await tx.postedMessage.upsert({
    where: { platform_channelId_messageId: key },
    create: { ...key, threadId: threadIdOf(write.conventionId), kind: write.kind, recipientId: write.personId, content: toJson(write.card) },
    update: { content: toJson(write.card) },
  });
}

/** The id of the `index`-th effect of a delivery: the row's own id for the first, suffixed for the others. */
function effectMessageId(messageId: string, index: number): string {
  return index === 0 ? messageId : `${messageId}#${index}`;
}

/** The playground channel: every person of the directory can be picked in the page, so everyone is reachable. */
export function createPlaygroundNotifications(prisma: PrismaClient): TNotificationChannel {
  const store = createPlaygroundStore(prisma);
  return {
    platform: PLATFORM,
    async deliver(personId, effects, messageId) {
      // The thread's progress card: the store upserts it, which is idempotent already.
      const progress = effects.filter((effect) => effect.kind === "progress" || effect.kind === "thread_closed");
      await prisma.$transaction(async (tx) => {
        for (const [index, effect] of effects.entries()) await writeMessage(tx, personId, effect, effectMessageId(messageId, index));
      });
      if (progress.length > 0) await store.apply(personId, progress);
      return "delivered";
    },
  };
}

async function writeMessage(tx: TTx, personId: number, effect: TEffect, messageId: string): Promise<void> {
  switch (effect.kind) {
    case "notify": {
      const write = { personId: effect.personId, conventionId: effect.conventionId, card: effect.card, kind: "notify" as const };
      if (effect.key === undefined) await insertOnce(tx, { ...write, messageId });
      else await upsertKeyed(tx, { ...write, messageId: effect.key });
      return;
    }
    case "post":
      await insertOnce(tx, { personId, conventionId: effect.conventionId, card: effect.card, kind: "post", messageId });
      return;
    // Handled by the store (progress), or meaningless without the person at the page (forms).
    case "progress":
    case "thread_closed":
    case "form":
    case "close_form":
      return;
  }
}
