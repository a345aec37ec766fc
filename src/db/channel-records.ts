import type { TPlatform } from "../app/conversation/events.ts";
import type { TChannelRecords, TMessageRole } from "../channels/shared/ports.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

// What a channel remembers, on the application database, one platform per instance:
//   PostedMessage (platform, channelId = the person's conversation, messageId = the platform's id)
//     kind "progress"       a convention's own card (Slack: its thread's parent); threadId = the convention id
//     kind "closed"         the same card once the draft was deleted
//     kind "notify:<key>"   a keyed notification (an approval card), updated in place by key
//     kind "notify", "post" other cards, where the platform does not keep them (the playground)
//   conventionId (the foreign key) stays null on purpose: deleting a draft cascades, and its
//   progress message must still be found to show that the thread is closed.
//   ProcessedEvent (platform, eventId): "delivery:<id>" and "attempt:<id>" for the outbox,
//   "signed:<signature>" for requests sent once, and the platform's own event ids.

const PROGRESS = "progress";
const KEYED_PREFIX = "notify:";

/** PostedMessage.kind of a role. */
export function kindOfRole(role: TMessageRole): string {
  return role.kind === "keyed" ? `${KEYED_PREFIX}${role.key}` : role.kind;
}

/** The role's convention as PostedMessage.threadId. */
function threadIdOf(role: TMessageRole): string | null {
  return role.conventionId === null ? null : String(role.conventionId);
}

/** How long a signed request is remembered: past the platform's five minutes it is refused as stale anyway. */
const SIGNATURE_MEMORY_MS = 10 * 60 * 1000;

/** The records of one platform on the application database. */
export function createChannelRecords(prisma: PrismaClient, platform: TPlatform): TChannelRecords {
  async function latest(channelId: string, kind: string, threadId?: string): Promise<string | null> {
    const row = await prisma.postedMessage.findFirst({
      where: { platform, channelId, kind, ...(threadId === undefined ? {} : { threadId }) },
      orderBy: { id: "desc" },
      select: { messageId: true },
    });
    return row?.messageId ?? null;
  }

  async function claimEvent(eventId: string): Promise<boolean> {
    const { count } = await prisma.processedEvent.createMany({ data: [{ platform, eventId }], skipDuplicates: true });
    return count === 1;
  }

  return {
    platform,
    progressOf: (channelId, conventionId) => latest(channelId, PROGRESS, String(conventionId)),
    keyedOf: (channelId, key) => latest(channelId, `${KEYED_PREFIX}${key}`),
    async remember(record) {
      const key = { platform, channelId: record.channelId, messageId: record.messageId };
      const fields = { kind: kindOfRole(record.role), threadId: threadIdOf(record.role), recipientId: record.recipientId };
      // The where names exactly the unique key: one INSERT ... ON CONFLICT, so two instances remembering the same message leave one row.
      await prisma.postedMessage.upsert({ where: { platform_channelId_messageId: key }, create: { ...key, ...fields }, update: fields });
    },
    async conventionOfThread(channelId, messageId) {
      const row = await prisma.postedMessage.findUnique({
        where: { platform_channelId_messageId: { platform, channelId, messageId } },
        select: { threadId: true },
      });
      const id = Number(row?.threadId ?? Number.NaN);
      return Number.isInteger(id) && id > 0 ? id : null;
    },
    async wasDelivered(deliveryId) {
      const row = await prisma.processedEvent.findUnique({ where: { platform_eventId: { platform, eventId: `delivery:${deliveryId}` } } });
      return row !== null;
    },
    async markDelivered(deliveryId) {
      await prisma.processedEvent.createMany({ data: [{ platform, eventId: `delivery:${deliveryId}` }], skipDuplicates: true });
    },
    beginDelivery: (deliveryId) => claimEvent(`attempt:${deliveryId}`),
    claimEvent,
    async claimSignature(signature, now) {
      await prisma.processedEvent.deleteMany({
        where: { platform, eventId: { startsWith: "signed:" }, receivedAt: { lt: new Date(now.getTime() - SIGNATURE_MEMORY_MS) } },
      });
      return claimEvent(`signed:${signature}`);
    },
  };
}
