// Where a notification goes once rendered: to every channel the recipient uses (the playground
// now; Slack and Teams plug in here). A retry redelivers to every channel, including those that
// already succeeded: each channel makes that a no-op with the message id.
import type { TEffect } from "../../app/conversation/effects.ts";
import type { TPlatform } from "../../app/conversation/events.ts";

/** The platform a channel serves. */
export type TChannelPlatform = TPlatform;

/** What a channel did: delivered, or the person has no identity on this platform (skipped, not retried). */
export type TChannelOutcome = "delivered" | "no_identity";

/** A channel able to deliver notifications. */
export interface TNotificationChannel {
  platform: TChannelPlatform;
  /**
   * Delivers `effects` to `personId`. Idempotent by `messageId`: the same id twice shows one
   * message. Throws when the platform cannot be reached (an outage): the outbox retries later.
   */
  deliver(personId: number, effects: readonly TEffect[], messageId: string): Promise<TChannelOutcome>;
}

/** Thrown when no channel knows the recipient: retried, since the person may link an account later, and in the end given up and logged. */
export class RecipientUnreachableError extends Error {
  override name = "RecipientUnreachableError";

  constructor(
    readonly personId: number,
    readonly platforms: readonly TChannelPlatform[],
  ) {
    super(`person ${personId} has no identity on ${platforms.length ? platforms.join(", ") : "any channel (none configured)"}`);
  }
}

/** Thrown when at least one channel failed; `errors` are the failures, one per failing platform. */
export class ChannelOutageError extends AggregateError {
  override name = "ChannelOutageError";

  constructor(failures: ReadonlyArray<{ platform: TChannelPlatform; error: unknown }>) {
    const summary = failures.map(({ platform, error }) => `${platform}: ${error instanceof Error ? error.message : String(error)}`).join("; ");
    super(
      failures.map((failure) => failure.error),
      summary,
    );
  }
}

/** The dispatcher's `deliver`: every channel at once, so an outage of one does not delay the others. */
export function createNotificationDelivery(
  channels: readonly TNotificationChannel[],
): (personId: number, effects: readonly TEffect[], messageId: string) => Promise<void> {
  return async (personId, effects, messageId) => {
    // Nothing to say (the notification no longer applies): done, on every channel.
    if (effects.length === 0) return;
    const results = await Promise.all(
      channels.map(async (channel) => {
        try {
          return { platform: channel.platform, outcome: await channel.deliver(personId, effects, messageId) };
        } catch (error) {
          return { platform: channel.platform, outcome: "failed" as const, error };
        }
      }),
    );
    const failures = results.flatMap((result) => (result.outcome === "failed" ? [{ platform: result.platform, error: result.error }] : []));
    const delivered = results.filter((result) => result.outcome === "delivered").length;
    if (failures.length > 0) throw new ChannelOutageError(failures);
    if (delivered === 0)
      throw new RecipientUnreachableError(
        personId,
        channels.map((channel) => channel.platform),
      );
  };
}
