import type { TNotificationPayload } from "../notifications/notification.ts";

// The outbox as the core sees it. src/db/outbox.ts implements it on PostgreSQL; the rows are
// written by enqueueNotifications in the same transaction as the change that causes them.

/** One outbox row claimed by an instance: it holds a lease on it until it is settled. */
export type TClaimedMessage = {
  /** The row id, as a string: it is a PostgreSQL bigint. */
  id: string;
  dedupeKey: string;
  /** Delivery attempts so far, this one included. */
  attempts: number;
} & (
  | { readable: true; recipientId: number; payload: TNotificationPayload }
  /** A row that can never be delivered (written by another version of the code): given up at once, not retried. */
  | { readable: false; recipientId: number | null; reason: string }
);

/** How many rows wait, were sent, or died: for health checks and logs. */
export interface TOutboxCounts {
  pending: number;
  sent: number;
  dead: number;
}

/** The outbox queue, safe for several instances claiming at once. */
export interface TOutboxQueue {
  /** Atomically leases up to `limit` due messages to `instanceId` for `leaseMs`; others skip them. */
  claim(limit: number, leaseMs: number, instanceId: string, now: Date): Promise<TClaimedMessage[]>;
  /** Marks a message sent; false when the lease was lost to another instance (which will deliver it). */
  markSent(id: string, instanceId: string, now: Date): Promise<boolean>;
  /** Releases a message to be retried at `nextAvailableAt`, or gives it up (DEAD) when null; false when the lease was lost. */
  markFailed(id: string, instanceId: string, error: string, nextAvailableAt: Date | null): Promise<boolean>;
  /** Hands back messages claimed but not tried (at shutdown): due again at once, the attempt not counted. */
  release(ids: string[], instanceId: string): Promise<number>;
  /** Rows per status. */
  counts(): Promise<TOutboxCounts>;
}
