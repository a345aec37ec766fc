// Delivers the outbox. Every instance runs a dispatcher; the queue's leases make each row
// belong to one of them at a time. A row is marked sent only after its delivery returned, so a
// crash between the two delivers it again after the lease: channels make that second delivery
// a no-op thanks to the row's stable message id.
import type { TEffect } from "../conversation/effects.ts";
import type { TClock } from "../ports/clock.ts";
import type { TNotificationPayload } from "./notification.ts";
import type { TClaimedMessage, TOutboxQueue } from "../ports/outbox-queue.ts";

/** Where the dispatcher logs (a pino logger fits). */
export interface TDispatcherLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What the dispatcher needs: the queue, how to render and deliver a notification, and its settings. */
export interface TDispatcherDeps {
  queue: TOutboxQueue;
  /** The effects telling `recipientId` about `payload`, rendered now, in the recipient's language. */
  render(recipientId: number, payload: TNotificationPayload, messageId: string): Promise<TEffect[]>;
  /** Delivers on every channel of the recipient; throws when it must be retried (a platform outage). */
  deliver(recipientId: number, effects: TEffect[], messageId: string): Promise<void>;
  clock: TClock;
  logger: TDispatcherLogger;
  /** Names this instance in the leases it takes. */
  instanceId: string;
  /** Delay before retrying after the `attempt`-th failed attempt (1 for the first), in ms. */
  backoff?: (attempt: number) => number;
  /** A message is given up (DEAD) when its attempt of this rank fails. */
  maxAttempts?: number;
  /** Messages claimed per batch. */
  batchSize?: number;
  /** How long a claimed message stays with this instance before another may take it over. */
  leaseMs?: number;
}

/** What one batch did. */
export interface TDispatchResult {
  sent: number;
  failed: number;
  dead: number;
}

/** A running dispatcher. */
export interface TDispatcher {
  /** Claims one batch and delivers it. */
  runOnce(): Promise<TDispatchResult>;
  /** Runs a batch every `intervalMs` (at once again while batches come back full). */
  start(intervalMs: number): void;
  /**
   * Stops the loop: the message being delivered finishes, the rest of its batch is handed back
   * to the queue (due at once, for whichever instance runs next). Resolves when that is done.
   */
  stop(): Promise<void>;
}

/** Exponential backoff: 2^attempt × `baseMs`, capped, then jittered so instances do not retry in step. */
export function exponentialBackoff(options: { baseMs?: number; capMs?: number; random?: () => number } = {}): (attempt: number) => number {
  const baseMs = options.baseMs ?? 1000;
  const capMs = options.capMs ?? 10 * 60 * 1000;
  const random = options.random ?? Math.random;
  return (attempt) => {
    const delay = Math.min(capMs, baseMs * 2 ** attempt);
    // "Equal jitter": never less than half the delay, so an outage is not hammered.
    return Math.round(delay / 2 + random() * (delay / 2));
  };
}

/** The message id channels use to make delivering one outbox row twice a no-op. */
export function outboxMessageId(rowId: string): string {
  return `outbox:${rowId}`;
}

// What lastError keeps: the platform's answer, not our stack (the log has it).
function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** A dispatcher of the outbox for one instance. */
export function createDispatcher(deps: TDispatcherDeps): TDispatcher {
  const backoff = deps.backoff ?? exponentialBackoff();
  const maxAttempts = deps.maxAttempts ?? 12;
  const batchSize = deps.batchSize ?? 20;
  const leaseMs = deps.leaseMs ?? 60_000;
  const { queue, logger, instanceId } = deps;

  async function giveUp(message: TClaimedMessage, reason: string): Promise<void> {
    await queue.markFailed(message.id, instanceId, reason, null);
    logger.error({ outboxId: message.id, dedupeKey: message.dedupeKey, attempts: message.attempts, reason }, "notification given up (DEAD)");
  }

  async function dispatch(message: TClaimedMessage): Promise<keyof TDispatchResult> {
    if (!message.readable) {
      await giveUp(message, message.reason);
      return "dead";
    }
    const messageId = outboxMessageId(message.id);
    try {
      const effects = await deps.render(message.recipientId, message.payload, messageId);
      await deps.deliver(message.recipientId, effects, messageId);
    } catch (error) {
      const reason = describe(error);
      if (message.attempts >= maxAttempts) {
        await giveUp(message, reason);
        return "dead";
      }
      const retryAt = new Date(deps.clock().getTime() + backoff(message.attempts));
      await queue.markFailed(message.id, instanceId, reason, retryAt);
      logger.warn(
        { outboxId: message.id, dedupeKey: message.dedupeKey, attempts: message.attempts, retryAt, err: error },
        "notification delivery failed, will retry",
      );
      return "failed";
    }
    if (!(await queue.markSent(message.id, instanceId, deps.clock()))) {
      // Delivered after the lease expired and another instance took the row over: its delivery
      // will be a no-op on idempotent channels. A longer lease avoids this.
      logger.warn({ outboxId: message.id, dedupeKey: message.dedupeKey, leaseMs }, "notification delivered after its lease was lost");
    }
    return "sent";
  }

  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<unknown> = Promise.resolve();
  let running = false;
  let stopping = false;

  async function runOnce(): Promise<TDispatchResult> {
    const result: TDispatchResult = { sent: 0, failed: 0, dead: 0 };
    if (stopping) return result;
    const messages = await queue.claim(batchSize, leaseMs, instanceId, deps.clock());
    // One at a time, in enqueue order: a card must be posted before its update is applied.
    let done = 0;
    for (const message of messages) {
      if (stopping) break;
      result[await dispatch(message)] += 1;
      done += 1;
    }
    const untried = messages.slice(done).map((message) => message.id);
    if (untried.length > 0) {
      await queue.release(untried, instanceId);
      logger.info({ instanceId, released: untried.length }, "outbox: stopping, untried messages handed back");
    }
    if (messages.length > 0) logger.info({ instanceId, ...result }, "outbox batch delivered");
    return result;
  }

  function schedule(intervalMs: number, delayMs: number): void {
    timer = setTimeout(() => {
      const batch = runOnce().then(
        (result) => result.sent + result.failed + result.dead >= batchSize,
        (error: unknown) => {
          // The loop must outlive a database hiccup: leased rows come back after their lease.
          logger.error({ err: error, instanceId }, "outbox batch failed");
          return false;
        },
      );
      inFlight = batch;
      void batch.then((full) => {
        if (running) schedule(intervalMs, full ? 0 : intervalMs);
      });
    }, delayMs);
    // The HTTP server keeps the process alive, not the dispatcher.
    timer.unref();
  }

  return {
    runOnce,
    start(intervalMs) {
      if (running) return;
      running = true;
      schedule(intervalMs, 0);
    },
    async stop() {
      running = false;
      stopping = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
