// The outbox's dead letters on PostgreSQL (src/app/ports/operations.ts).
import type { TDeadLetters } from "../app/ports/operations.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Outbox row ids are bigints: anything else names no row. */
export function isOutboxId(value: string): boolean {
  return /^[1-9][0-9]{0,18}$/.test(value);
}

/** The dead letters of the outbox on `prisma`. */
export function createDeadLetters(prisma: PrismaClient): TDeadLetters {
  return {
    async list(limit) {
      const [rows, total] = await Promise.all([
        prisma.outboxMessage.findMany({
          where: { status: "DEAD" },
          orderBy: { id: "asc" },
          take: limit,
          include: { recipient: { select: { id: true, firstName: true, lastName: true, email: true } }, convention: { select: { numero: true } } },
        }),
        prisma.outboxMessage.count({ where: { status: "DEAD" } }),
      ]);
      return {
        total,
        items: rows.map((row) => ({
          id: row.id.toString(),
          kind: row.kind,
          recipient: row.recipient && { personId: row.recipient.id, name: `${row.recipient.firstName} ${row.recipient.lastName}`, email: row.recipient.email },
          conventionId: row.conventionId,
          numero: row.convention?.numero ?? null,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt,
        })),
      };
    },

    async requeue(ids, now) {
      const wanted = ids === "all" ? {} : { id: { in: ids.filter(isOutboxId).map((id) => BigInt(id)) } };
      // Only DEAD rows: requeuing a pending or sent one would deliver it again. Its delivery
      // records (ProcessedEvent) stay, so whatever part of it had reached the person is not repeated.
      const { count } = await prisma.outboxMessage.updateMany({
        where: { status: "DEAD", ...wanted },
        data: { status: "PENDING", attempts: 0, availableAt: now, lockedUntil: null, lockedBy: null },
      });
      return count;
    },
  };
}
