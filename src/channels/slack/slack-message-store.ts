import type { PrismaClient } from "../../generated/prisma/client.ts";

// What the Slack adapter remembers of the messages it posted (PostedMessage, platform SLACK,
// channelId = the person's DM channel, messageId = the message's ts):
//   kind "progress"      a convention's thread parent; threadId = the convention id.
//   kind "notify:<key>"  a keyed notification (an approval card), updated in place by key.
// conventionId (the foreign key) stays null on purpose, as in the playground: deleting a draft
// cascades, and its parent message must still be found to show that the thread is closed.
// Deliveries of the outbox are remembered in ProcessedEvent ("delivery:<message id>").

const PLATFORM = "SLACK" as const;
const PROGRESS = "progress";
const keyedKind = (key: string): string => `notify:${key}`;
const threadIdOf = (conventionId: number | null): string | null => (conventionId === null ? null : String(conventionId));

/** A message to remember: where, which, and for whom. */
export type TPostedRef = { channelId: string; ts: string; conventionId: number | null; recipientId: number | null };

/** The Slack adapter's memory of its messages. */
export interface TSlackMessageStore {
  /** The ts of the convention's thread parent in this DM, or null before the first post. */
  progressOf(channelId: string, conventionId: number): Promise<string | null>;
  /** Remembers a thread parent (a reposted parent replaces the old one). */
  saveProgress(ref: TPostedRef & { conventionId: number }): Promise<void>;
  /** The ts of the message posted for this key in this DM, or null. */
  keyedOf(channelId: string, key: string): Promise<string | null>;
  /** Remembers a keyed message. */
  saveKeyed(ref: TPostedRef, key: string): Promise<void>;
  /** The convention whose thread this ts is the parent of (or a keyed message about it), or null. */
  conventionOfThread(channelId: string, threadTs: string): Promise<number | null>;
  /** True when this delivery id was already applied. */
  wasDelivered(deliveryId: string): Promise<boolean>;
  /** Records a delivery id as applied. */
  markDelivered(deliveryId: string): Promise<void>;
  /** Records that a delivery is being attempted; false when an earlier attempt began (and may have posted). */
  beginDelivery(deliveryId: string): Promise<boolean>;
}

/** The store on the application database. */
export function createSlackMessageStore(prisma: PrismaClient): TSlackMessageStore {
  async function latest(channelId: string, kind: string, threadId?: string): Promise<string | null> {
    const row = await prisma.postedMessage.findFirst({
      where: { platform: PLATFORM, channelId, kind, ...(threadId === undefined ? {} : { threadId }) },
      orderBy: { id: "desc" },
      select: { messageId: true },
    });
    return row?.messageId ?? null;
  }

  async function save(ref: TPostedRef, kind: string): Promise<void> {
    const key = { platform: PLATFORM, channelId: ref.channelId, messageId: ref.ts };
    const fields = { kind, threadId: threadIdOf(ref.conventionId), recipientId: ref.recipientId };
    await prisma.postedMessage.upsert({ where: { platform_channelId_messageId: key }, create: { ...key, ...fields }, update: fields });
  }

  return {
    progressOf: (channelId, conventionId) => latest(channelId, PROGRESS, String(conventionId)),
    saveProgress: (ref) => save(ref, PROGRESS),
    keyedOf: (channelId, key) => latest(channelId, keyedKind(key)),
    saveKeyed: (ref, key) => save(ref, keyedKind(key)),
    async conventionOfThread(channelId, threadTs) {
      const row = await prisma.postedMessage.findUnique({
        where: { platform_channelId_messageId: { platform: PLATFORM, channelId, messageId: threadTs } },
        select: { threadId: true },
      });
      const id = Number(row?.threadId ?? Number.NaN);
      return Number.isInteger(id) && id > 0 ? id : null;
    },
    async wasDelivered(deliveryId) {
      const row = await prisma.processedEvent.findUnique({ where: { platform_eventId: { platform: PLATFORM, eventId: `delivery:${deliveryId}` } } });
      return row !== null;
    },
    async markDelivered(deliveryId) {
      await prisma.processedEvent.createMany({ data: [{ platform: PLATFORM, eventId: `delivery:${deliveryId}` }], skipDuplicates: true });
    },
    beginDelivery: (deliveryId) => claimSlackEvent(prisma, `attempt:${deliveryId}`),
  };
}

/** Records an incoming event id; false when it was already there (a retry or a double click). */
export async function claimSlackEvent(prisma: PrismaClient, eventId: string): Promise<boolean> {
  const { count } = await prisma.processedEvent.createMany({ data: [{ platform: PLATFORM, eventId }], skipDuplicates: true });
  return count === 1;
}

/** How long a signed request is remembered: past Slack's five minutes it is refused as stale anyway. */
const SIGNATURE_MEMORY_MS = 10 * 60 * 1000;

/**
 * Records the signature of a request Slack sends once (a slash command, a submission); false
 * when it was already there, i.e. the same signed request replayed. Signatures older than the
 * window are forgotten on the way, so the table holds minutes of them, not years.
 */
export async function claimSlackSignature(prisma: PrismaClient, signature: string, now: Date): Promise<boolean> {
  await prisma.processedEvent.deleteMany({ where: { platform: PLATFORM, eventId: { startsWith: "signed:" }, receivedAt: { lt: new Date(now.getTime() - SIGNATURE_MEMORY_MS) } } });
  return claimSlackEvent(prisma, `signed:${signature}`);
}
