// The page's threads, rebuilt from the stored messages (src/channels/web/playground-port.ts):
// the main conversation first, then one thread per convention, its progress card first.
import type { TCard } from "../../app/conversation/effects.ts";
import { unescapeCardMarkdown } from "../../cards/card-markdown.ts";
import type { TPlaygroundRow } from "./playground-port.ts";

/** Kinds of messages the page shows; "closed" is the progress message of a deleted draft. */
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

function isCard(value: unknown): value is TCard {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "AdaptiveCard";
}

/** The page's kind of a stored kind: a keyed notification ("notify:<key>") is a notification. */
function kindOf(stored: string): TPlaygroundMessageKind | null {
  if (stored.startsWith("notify:")) return "notify";
  return stored === "progress" || stored === "post" || stored === "notify" || stored === "closed" ? stored : null;
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

/** The person's threads: main conversation first, then conventions by last activity, newest first (only those asked, when `only` is given). */
export function threadsOf(rows: readonly TPlaygroundRow[], only?: readonly TThreadKey[]): TPlaygroundThread[] {
  const threads = new Map<string, TPlaygroundThread>();
  const main: TPlaygroundThread = { conventionId: null, title: null, closed: false, lastActivity: null, messages: [] };
  threads.set("main", main);
  for (const row of rows) {
    const kind = kindOf(row.kind);
    if (kind === null || !isCard(row.content)) continue;
    const conventionId = row.threadId === null ? null : Number(row.threadId);
    const key = conventionId === null ? "main" : String(conventionId);
    let thread = threads.get(key);
    if (!thread) {
      thread = { conventionId, title: null, closed: false, lastActivity: null, messages: [] };
      threads.set(key, thread);
    }
    const message: TPlaygroundMessage = { id: row.id, kind, card: row.content, updatedAt: row.updatedAt.toISOString() };
    if (kind === "progress" || kind === "closed") {
      thread.messages.unshift(message);
      thread.title = cardTitle(row.content);
      thread.closed = kind === "closed";
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
}
