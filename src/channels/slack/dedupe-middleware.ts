import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { z } from "zod/v4";
import type { TChannelRecords } from "../shared/ports.ts";
import type { TSlackLogger } from "./slack-logger.ts";

// Slack redelivers an event it did not see acknowledged in time (x-slack-retry-num, same
// event_id), and a nervous person clicks twice. Each delivery is recorded in ProcessedEvent
// with a unique insert before any listener runs: the second one is acknowledged and dropped.

const ZEventCallback = z.object({ type: z.literal("event_callback"), event_id: z.string().min(1).max(200) });
const ZBlockActions = z.object({
  type: z.literal("block_actions"),
  user: z.object({ id: z.string().min(1).max(100) }),
  actions: z.array(z.object({ action_ts: z.string().min(1).max(100) })).min(1),
});

/** The id that names one delivery of this payload, or null for payloads never redelivered (submissions, searches, commands). */
export function deliveryIdOf(body: unknown): string | null {
  const event = ZEventCallback.safeParse(body);
  if (event.success) return `event:${event.data.event_id}`;
  const click = ZBlockActions.safeParse(body);
  if (click.success) return `action:${click.data.user.id}:${click.data.actions[0]?.action_ts ?? ""}`;
  return null;
}

/** Bolt middleware: a delivery already processed is acknowledged and goes no further. */
export function dedupeMiddleware(deps: { records: TChannelRecords; logger: TSlackLogger }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const deliveryId = deliveryIdOf(args.body);
    if (deliveryId === null || (await deps.records.claimEvent(deliveryId))) {
      await args.next();
      return;
    }
    deps.logger.info({ deliveryId, retryNum: args.context.retryNum }, "Slack delivery already processed: ignored");
    // Events were acknowledged by Bolt already; a click still waits for its ack.
    if ("ack" in args && typeof args.ack === "function") await args.ack();
  };
}
