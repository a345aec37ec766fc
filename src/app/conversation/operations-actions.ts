// What administrators do from the chat to keep the service running (issue 18).
import { z } from "zod/v4";
import { deadLettersCard } from "../../cards/index.ts";
import { AppError } from "../app-error.ts";
import { listDeadLetters, requeueDeadLetter } from "../operations/dead-letters.ts";
import type { TTurn } from "./context.ts";
import { noticeEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";

/** "notifications en échec": the card of the notifications that could not be delivered, with their reason. */
export async function showDeadLetters(turn: TTurn, conventionId: number | null): Promise<TEffect[]> {
  const { items, total } = await listDeadLetters(turn.deps.operations, turn.actor);
  const lines = items.map((item) => ({
    ...item,
    recipientName: item.recipient?.name ?? null,
    recipientEmail: item.recipient?.email ?? null,
  }));
  return [{ kind: "post", conventionId, card: deadLettersCard(turn.locale, { items: lines, total }) }];
}

const ZRequeue = z.object({ outboxId: z.string().regex(/^[1-9][0-9]{0,18}$/) });

/** "Renvoyer" on that card: the notification goes back in the queue and is delivered once; a second click is told so. */
export async function requeueNotification(turn: TTurn, data: Record<string, unknown>): Promise<TEffect[]> {
  const parsed = ZRequeue.safeParse(data);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { reason: "outbox_id" });
  const requeued = await requeueDeadLetter({ deadLetters: turn.deps.operations.deadLetters, clock: turn.deps.clock }, turn.actor, parsed.data.outboxId);
  const params = { id: parsed.data.outboxId };
  return [
    requeued
      ? noticeEffect(turn, null, { tone: "good", titleKey: "operations:requeued.title", textKey: "operations:requeued.text", params })
      : noticeEffect(turn, null, { tone: "warning", titleKey: "operations:notDead.title", textKey: "operations:notDead.text", params }),
  ];
}
