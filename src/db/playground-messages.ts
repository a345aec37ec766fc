// The playground's messages. Slack and Teams keep the cards they show; the local page does not,
// so the playground keeps them itself, in PostedMessage rows (platform WEB, channel
// "person:<id>", content = the card), and the page rebuilds every thread from there after a
// reload or a restart (src/channels/web/playground-threads.ts).
import { createHash, randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { TCard } from "../app/conversation/effects.ts";
import type { TPlaygroundMessages, TPlaygroundRow } from "../channels/web/playground-port.ts";
import type { TMessageRole } from "../channels/shared/ports.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { kindOfRole } from "./channel-records.ts";

const PLATFORM = "WEB" as const;

const channelOf = (personId: number): string => `person:${personId}`;
const threadIdOf = (conventionId: number | null): string | null => (conventionId === null ? null : String(conventionId));

// A fixed namespace for the name-based ids below (any constant uuid would do).
const PROGRESS_NAMESPACE = Buffer.from("6f1d4c2a8b3e4f5a9c7d1e2f3a4b5c6d", "hex");

/**
 * The id of THE progress message of a thread: a name-based uuid (RFC 9562 v5), so upserting it
 * on the unique (platform, channelId, messageId) key stays one row even when two events of the
 * same person race, which a "find, then insert" could not guarantee.
 */
export function progressMessageId(personId: number, conventionId: number): string {
  const hash = createHash("sha1").update(PROGRESS_NAMESPACE).update(`progress:${personId}:${conventionId}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The message id of a card about to be posted: the thread's own for its progress card, the key
 * for a keyed notification (every copy of an approval card is one row), the delivery's for an
 * outbox delivery (a second delivery finds its row), a fresh one otherwise.
 */
function messageIdOf(personId: number, role: TMessageRole, deliveryId: string | undefined): string {
  if (role.kind === "progress" || role.kind === "closed") return progressMessageId(personId, role.conventionId);
  if (role.kind === "keyed") return role.key;
  return deliveryId ?? randomUUID();
}

// Cards are JSON by construction (the core builds them from templates); Prisma only wants to be told.
const toJson = (card: TCard): Prisma.InputJsonObject => card as Prisma.InputJsonObject;

/** The playground's messages on the application database. */
export function createPlaygroundMessages(prisma: PrismaClient): TPlaygroundMessages {
  async function upsert(personId: number, messageId: string, role: TMessageRole, card: TCard): Promise<void> {
    const key = { platform: PLATFORM, channelId: channelOf(personId), messageId };
    const kind = kindOfRole(role);
    // The where names exactly the unique key: one INSERT ... ON CONFLICT, so two events racing leave one row.
    await prisma.postedMessage.upsert({
      where: { platform_channelId_messageId: key },
      create: { ...key, threadId: threadIdOf(role.conventionId), kind, recipientId: personId, content: toJson(card) },
      update: { kind, content: toJson(card) },
    });
  }

  return {
    async post(personId, card, role, deliveryId) {
      const messageId = messageIdOf(personId, role, deliveryId);
      await upsert(personId, messageId, role, card);
      return messageId;
    },

    async replace(personId, messageId, card, role) {
      const { count } = await prisma.postedMessage.updateMany({
        where: { platform: PLATFORM, channelId: channelOf(personId), messageId },
        data: { kind: kindOfRole(role), content: toJson(card) },
      });
      return count > 0;
    },

    async has(personId, messageId) {
      const row = await prisma.postedMessage.findUnique({
        where: { platform_channelId_messageId: { platform: PLATFORM, channelId: channelOf(personId), messageId } },
        select: { id: true },
      });
      return row !== null;
    },

    async syncProgress(personId, progress) {
      if (progress.length === 0) return;
      const stored = await prisma.postedMessage.findMany({
        where: { platform: PLATFORM, channelId: channelOf(personId), kind: { in: ["progress", "closed"] } },
        select: { threadId: true, content: true },
      });
      const byThread = new Map(stored.map((row) => [row.threadId, row.content]));
      for (const { conventionId, card } of progress) {
        const current = byThread.get(threadIdOf(conventionId));
        // Unchanged cards are left alone: rewriting them would bump updatedAt and reorder the threads.
        // The JSON round trip drops undefined properties, as the jsonb column does.
        if (current !== undefined && isDeepStrictEqual(current, JSON.parse(JSON.stringify(card)))) continue;
        await upsert(personId, progressMessageId(personId, conventionId), { kind: "progress", conventionId }, card);
      }
    },

    async rows(personId) {
      const rows = await prisma.postedMessage.findMany({
        where: { platform: PLATFORM, channelId: channelOf(personId) },
        orderBy: { id: "asc" },
        select: { id: true, threadId: true, kind: true, content: true, updatedAt: true },
      });
      return rows.map((row): TPlaygroundRow => ({ id: row.id, threadId: row.threadId, kind: row.kind, content: row.content, updatedAt: row.updatedAt }));
    },
  };
}
