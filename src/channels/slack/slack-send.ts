import type { View } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { assertWithinSlackLimits, type TSlackMessage } from "./block-kit/index.ts";
import type { TSlackLogger } from "./slack-logger.ts";

// Every message and view leaves through here: checked against Slack's limits first (a breach
// is logged with its path, and sent anyway: Slack's own answer then says what it refused).

/** The Web API client and the logger, which is all sending needs. */
export type TSlackSendDeps = { client: WebClient; logger: TSlackLogger };

/** Logs what breaks Slack's limits in a message or a view about to be sent. */
export function checkLimits(deps: Pick<TSlackSendDeps, "logger">, what: string, payload: TSlackMessage | View): void {
  const violations = assertWithinSlackLimits(payload);
  if (violations.length > 0) deps.logger.warn({ what, violations }, "Slack payload over Slack's limits");
}

/** True when the Web API refused a call with this error code ("message_not_found"...). */
export function isSlackError(error: unknown, code: string): boolean {
  const data = (error as { data?: { error?: unknown } } | null)?.data;
  return data?.error === code;
}

/** The metadata event type that names the outbox delivery a message was posted for. */
export const DELIVERY_EVENT_TYPE = "stagebot_delivery";

/** Posts a message (in a thread when `threadTs` is given), tagged with its delivery id when it has one; returns its ts. */
export async function postMessage(
  deps: TSlackSendDeps,
  channel: string,
  message: TSlackMessage,
  threadTs?: string | null,
  deliveryId?: string,
): Promise<string> {
  checkLimits(deps, "chat.postMessage", message);
  const posted = await deps.client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...(threadTs ? { thread_ts: threadTs } : {}),
    ...(deliveryId === undefined ? {} : { metadata: { event_type: DELIVERY_EVENT_TYPE, event_payload: { delivery: deliveryId } } }),
    unfurl_links: false,
    unfurl_media: false,
  });
  if (posted.ts === undefined) throw new Error(`chat.postMessage returned no ts in ${channel}`);
  return posted.ts;
}

type TTaggedMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: { [key: string]: unknown } } };

/** How far back a delivery is looked for: an interrupted delivery is retried within minutes, and a DM gets few messages meanwhile. */
const LOOKBACK_MESSAGES = 100;

/**
 * The ts of the message an earlier, interrupted attempt of this delivery posted (found by its
 * metadata in the DM or in the thread), or null when Slack shows none.
 */
export async function findDelivered(deps: TSlackSendDeps, channel: string, threadTs: string | null, deliveryId: string): Promise<string | null> {
  const page = threadTs
    ? await deps.client.conversations.replies({ channel, ts: threadTs, include_all_metadata: true, limit: LOOKBACK_MESSAGES })
    : await deps.client.conversations.history({ channel, include_all_metadata: true, limit: LOOKBACK_MESSAGES });
  const messages: readonly TTaggedMessage[] = page.messages ?? [];
  const found = messages.find(
    (candidate) => candidate.metadata?.event_type === DELIVERY_EVENT_TYPE && candidate.metadata.event_payload?.delivery === deliveryId,
  );
  return found?.ts ?? null;
}

/** Replaces a message's content; false when the message is gone (deleted by the person). */
export async function updateMessage(deps: TSlackSendDeps, channel: string, ts: string, message: TSlackMessage): Promise<boolean> {
  checkLimits(deps, "chat.update", message);
  try {
    await deps.client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    return true;
  } catch (error) {
    if (isSlackError(error, "message_not_found")) return false;
    throw error;
  }
}
