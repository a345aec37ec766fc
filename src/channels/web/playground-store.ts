// The playground's message history. Slack and Teams keep the cards they show; the local page
// does not, so the playground keeps them itself, in PostedMessage rows (platform WEB), and
// rebuilds every thread from there after a reload or a restart.
import { createHash, randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { TCard, TEffect } from "../../app/conversation/effects.ts";
import { unescapeCardMarkdown } from "../../cards/card-markdown.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";

/** Kinds of stored playground messages; "closed" is the progress message of a deleted draft. */
export type TPlaygroundMessageKind = "progress" | "post" | "notify" | "closed";

/** A thread key: a convention id, or null for the person's main conversation with the bot. */
export type TThreadKey = number | null;

/** One message as the page shows it. */
export type TPlaygroundMessage = { id: number; kind: TPlaygroundMessageKind; card: TCard; updatedAt: string };

/** One thread of a person: main conversation or one convention, messages in order, progress first. */
export type TPlaygroundThread = {
  conventionId: TThreadKey;
  /** Title of the progress card (its first text), null when the page must name the thread itself. */
  title: string | null;
  closed: boolean;
  /** ISO date of the latest change in the thread, null for an empty main conversation. */
  lastActivity: string | null;
  messages: TPlaygroundMessage[];
};

/** What the playground stores and reads back. */
export interface TPlaygroundStore {
  /** Stores the effects of one event of `personId`; returns the threads of that person that changed. */
  apply(personId: number, effects: readonly TEffect[]): Promise<TThreadKey[]>;
  /** Writes the current progress cards the core knows (conventions changed by others, or never shown here). */
  syncProgress(personId: number, progress: ReadonlyArray<{ conventionId: number; card: TCard }>): Promise<void>;
  /** The person's threads: main conversation first, then conventions by last activity, newest first. */
  threads(personId: number, only?: readonly TThreadKey[]): Promise<TPlaygroundThread[]>;
}

const PLATFORM = "WEB" as const;
type TTx = Prisma.TransactionClient;

const channelOf = (personId: number): string => `person:${personId}`;
const threadIdOf = (conventionId: TThreadKey): string | null => (conventionId === null ? null : String(conventionId));

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

// Cards are JSON by construction (the core builds them from templates); Prisma only wants to be told.
function toJson(card: TCard): Prisma.InputJsonObject {
  return card as Prisma.InputJsonObject;
}

function isCard(value: unknown): value is TCard {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "AdaptiveCard";
}

function isKind(value: string): value is TPlaygroundMessageKind {
  return value === "progress" || value === "post" || value === "notify" || value === "closed";
}

/** The first text of a card, depth first: the progress card's title. */
export function cardTitle(card: TCard): string | null {
  const visit = (node: unknown): string | null => {
    if (Array.isArray(node)) {
      for (const child of node) {
        const found = visit(child);
        if (found) return found;
      }
      return null;
    }
    if (typeof node !== "object" || node === null) return null;
    const element = node as Record<string, unknown>;
    // The page shows it as plain text: the card's markdown escapes are taken out.
    if (element["type"] === "TextBlock" && typeof element["text"] === "string" && element["text"].trim()) return unescapeCardMarkdown(element["text"]).trim();
    for (const key of ["items", "columns", "body"]) {
      const found = visit(element[key]);
      if (found) return found;
    }
    return null;
  };
  return visit(card.body);
}

async function upsertProgress(tx: TTx, personId: number, conventionId: number, card: TCard, kind: "progress" | "closed"): Promise<void> {
  const key = { platform: PLATFORM, channelId: channelOf(personId), messageId: progressMessageId(personId, conventionId) };
  await tx.postedMessage.upsert({
    where: { platform_channelId_messageId: key },
    create: { ...key, threadId: threadIdOf(conventionId), kind, recipientId: personId, content: toJson(card) },
    update: { kind, content: toJson(card) },
  });
}

async function insertMessage(tx: TTx, personId: number, conventionId: TThreadKey, card: TCard, kind: "post" | "notify"): Promise<void> {
  // conventionId (the foreign key) stays null on purpose: deleting a draft would cascade-delete
  // its thread, whose "closed" card must stay visible. threadId names the convention instead.
  await tx.postedMessage.create({
    data: {
      platform: PLATFORM,
      channelId: channelOf(personId),
      messageId: randomUUID(),
      threadId: threadIdOf(conventionId),
      kind,
      recipientId: personId,
      content: toJson(card),
    },
  });
}

/**
 * A keyed notification (every copy of an approval card) is posted once, then updated in place;
 * the key is its message id, as in the outbox's delivery to the playground.
 */
async function upsertKeyed(tx: TTx, personId: number, conventionId: TThreadKey, card: TCard, key: string): Promise<void> {
  const unique = { platform: PLATFORM, channelId: channelOf(personId), messageId: key };
  await tx.postedMessage.upsert({
    where: { platform_channelId_messageId: unique },
    create: { ...unique, threadId: threadIdOf(conventionId), kind: "notify", recipientId: personId, content: toJson(card) },
    update: { content: toJson(card) },
  });
}

function addChanged(changed: TThreadKey[], key: TThreadKey): void {
  if (!changed.includes(key)) changed.push(key);
}

/** The playground's store on the application database. */
export function createPlaygroundStore(prisma: PrismaClient): TPlaygroundStore {
  return {
    async apply(personId, effects) {
      const changed: TThreadKey[] = [];
      await prisma.$transaction(async (tx) => {
        for (const effect of effects) {
          switch (effect.kind) {
            case "progress":
              await upsertProgress(tx, personId, effect.conventionId, effect.card, "progress");
              addChanged(changed, effect.conventionId);
              break;
            case "thread_closed":
              await upsertProgress(tx, personId, effect.conventionId, effect.card, "closed");
              addChanged(changed, effect.conventionId);
              break;
            case "post":
              await insertMessage(tx, personId, effect.conventionId, effect.card, "post");
              addChanged(changed, effect.conventionId);
              break;
            case "notify":
              if (effect.key === undefined) await insertMessage(tx, effect.personId, effect.conventionId, effect.card, "notify");
              else await upsertKeyed(tx, effect.personId, effect.conventionId, effect.card, effect.key);
              if (effect.personId === personId) addChanged(changed, effect.conventionId);
              break;
            // Forms live in the page's dialog only: they go back in the HTTP response.
            case "form":
            case "close_form":
              break;
            // The page offers files through the signed download link of the notice that comes with them.
            case "file":
              break;
          }
        }
      });
      return changed;
    },

    async syncProgress(personId, progress) {
      if (progress.length === 0) return;
      const stored = await prisma.postedMessage.findMany({
        where: { platform: PLATFORM, channelId: channelOf(personId), kind: { in: ["progress", "closed"] } },
        select: { threadId: true, content: true },
      });
      const byThread = new Map(stored.map((row) => [row.threadId, row.content]));
      await prisma.$transaction(async (tx) => {
        for (const { conventionId, card } of progress) {
          const current = byThread.get(threadIdOf(conventionId));
          // Unchanged cards are left alone: rewriting them would bump updatedAt and reorder the threads.
          // The JSON round trip drops undefined properties, as the jsonb column does.
          if (current !== undefined && isDeepStrictEqual(current, JSON.parse(JSON.stringify(card)))) continue;
          await upsertProgress(tx, personId, conventionId, card, "progress");
        }
      });
    },

    async threads(personId, only) {
      const rows = await prisma.postedMessage.findMany({
        where: { platform: PLATFORM, channelId: channelOf(personId) },
        orderBy: { id: "asc" },
        select: { id: true, threadId: true, kind: true, content: true, updatedAt: true },
      });
      const threads = new Map<string, TPlaygroundThread>();
      const main: TPlaygroundThread = { conventionId: null, title: null, closed: false, lastActivity: null, messages: [] };
      threads.set("main", main);
      for (const row of rows) {
        if (!isKind(row.kind) || !isCard(row.content)) continue;
        const conventionId = row.threadId === null ? null : Number(row.threadId);
        const key = conventionId === null ? "main" : String(conventionId);
        let thread = threads.get(key);
        if (!thread) {
          thread = { conventionId, title: null, closed: false, lastActivity: null, messages: [] };
          threads.set(key, thread);
        }
        const message: TPlaygroundMessage = { id: row.id, kind: row.kind, card: row.content, updatedAt: row.updatedAt.toISOString() };
        if (row.kind === "progress" || row.kind === "closed") {
          thread.messages.unshift(message);
          thread.title = cardTitle(row.content);
          thread.closed = row.kind === "closed";
        } else {
          thread.messages.push(message);
        }
        if (thread.lastActivity === null || message.updatedAt > thread.lastActivity) thread.lastActivity = message.updatedAt;
      }
      const conventions = [...threads.values()]
        .filter((thread) => thread.conventionId !== null)
        .sort((a, b) => (b.lastActivity ?? "").localeCompare(a.lastActivity ?? ""));
      const all = [main, ...conventions];
      return only ? all.filter((thread) => only.includes(thread.conventionId)) : all;
    },
  };
}
