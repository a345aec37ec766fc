// The transactional outbox on PostgreSQL. Notifications are inserted by the transaction that
// makes the change they announce, so both commit or neither does; the dispatcher
// (src/app/notifications/dispatch-outbox.ts) then claims and delivers them with retries.
import { z } from "zod/v4";
import type { TClaimedMessage, TOutboxCounts, TOutboxQueue } from "../app/ports/outbox-queue.ts";
import { type TNotification, ZNotificationPayload } from "../app/notifications/notification.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/**
 * Inserts `notifications` inside the caller's transaction `tx`. A dedupeKey already present is
 * skipped (ON CONFLICT DO NOTHING): enqueuing the same cause twice is a no-op. Returns how many were new.
 */
export async function enqueueNotifications(tx: Prisma.TransactionClient, notifications: TNotification[], now: Date): Promise<number> {
  if (notifications.length === 0) return 0;
  const { count } = await tx.outboxMessage.createMany({
    data: notifications.map((notification) => ({
      dedupeKey: notification.dedupeKey,
      kind: notification.payload.kind,
      recipientId: notification.recipientId,
      conventionId: notification.payload.conventionId,
      payload: notification.payload,
      availableAt: now,
      createdAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}

// Rows are read back from the database, possibly written by an older or newer version of the
// code: checked against the contract (ZNotificationPayload) so the core only ever sees payloads of it.

type TClaimedRow = { id: bigint; dedupeKey: string; recipientId: number | null; attempts: number; payload: unknown };

function toClaimedMessage(row: TClaimedRow): TClaimedMessage {
  const base = { id: row.id.toString(), dedupeKey: row.dedupeKey, attempts: row.attempts };
  if (row.recipientId === null) return { ...base, readable: false, recipientId: null, reason: "the row has no recipient" };
  const parsed = ZNotificationPayload.safeParse(row.payload);
  if (!parsed.success) return { ...base, readable: false, recipientId: row.recipientId, reason: `unreadable payload: ${z.prettifyError(parsed.error)}` };
  return { ...base, readable: true, recipientId: row.recipientId, payload: parsed.data };
}

/** Options of the outbox queue. */
export interface TOutboxQueueOptions {
  /** lastError is cut to this many characters (a platform may answer with a whole HTML page). */
  maxErrorLength?: number;
}

/** The outbox queue on `prisma`: claims with FOR UPDATE SKIP LOCKED, so instances never share a row. */
export function createOutboxQueue(prisma: PrismaClient, options: TOutboxQueueOptions = {}): TOutboxQueue {
  const maxErrorLength = options.maxErrorLength ?? 2000;
  // Only the instance holding the lease may settle a row: once a lease has expired and another
  // instance has claimed the row, the late one's verdict no longer counts.
  const leasedBy = (id: string, instanceId: string) => ({ id: BigInt(id), status: "PENDING" as const, lockedBy: instanceId });

  return {
    async claim(limit, leaseMs, instanceId, now) {
      const lockedUntil = new Date(now.getTime() + leaseMs);
      // One statement: the subquery locks due rows, skipping those another instance is locking
      // right now, and the update leases them before the locks are released at commit.
      const rows = await prisma.$queryRaw<TClaimedRow[]>`
        UPDATE "OutboxMessage"
        SET "lockedUntil" = ${lockedUntil}, "lockedBy" = ${instanceId}, "attempts" = "attempts" + 1
        WHERE "id" IN (
          SELECT "id" FROM "OutboxMessage"
          WHERE "status" = 'PENDING' AND "availableAt" <= ${now}
            AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
          ORDER BY "id"
          FOR UPDATE SKIP LOCKED
          LIMIT ${limit}
        )
        RETURNING "id", "dedupeKey", "recipientId", "attempts", "payload"`;
      // RETURNING keeps no order: deliver in enqueue order (an approval card before its update).
      return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(toClaimedMessage);
    },

    async markSent(id, instanceId, now) {
      const { count } = await prisma.outboxMessage.updateMany({
        where: leasedBy(id, instanceId),
        data: { status: "SENT", sentAt: now, lockedUntil: null },
      });
      return count === 1;
    },

    async markFailed(id, instanceId, error, nextAvailableAt) {
      const lastError = error.slice(0, maxErrorLength);
      const { count } = await prisma.outboxMessage.updateMany({
        where: leasedBy(id, instanceId),
        data: nextAvailableAt === null ? { status: "DEAD", lastError, lockedUntil: null } : { availableAt: nextAvailableAt, lastError, lockedUntil: null },
      });
      return count === 1;
    },

    async release(ids, instanceId) {
      if (ids.length === 0) return 0;
      const { count } = await prisma.outboxMessage.updateMany({
        where: { id: { in: ids.map((id) => BigInt(id)) }, status: "PENDING", lockedBy: instanceId },
        data: { lockedUntil: null, lockedBy: null, attempts: { decrement: 1 } },
      });
      return count;
    },

    async counts() {
      const groups = await prisma.outboxMessage.groupBy({ by: ["status"], _count: { _all: true } });
      const counts: TOutboxCounts = { pending: 0, sent: 0, dead: 0 };
      for (const group of groups) {
        if (group.status === "PENDING") counts.pending = group._count._all;
        else if (group.status === "SENT") counts.sent = group._count._all;
        else counts.dead = group._count._all;
      }
      return counts;
    },
  };
}
