// Retention: what Stagebot stops remembering once nobody can need it any more. Every table is
// thinned in small batches, each its own statement (DELETE … WHERE key IN (SELECT … LIMIT n)):
// no batch holds locks long enough for people using the same tables to notice.
import type { PrismaClient } from "../generated/prisma/client.ts";

/** How long each kind of record is kept (README, "Retention"). */
export interface TRetentionPolicy {
  /**
   * Platform events and delivery records, in hours. Slack retries an event for about five
   * minutes, the Bot Framework for minutes too: a day or more is a safe margin. A delivery
   * record of a notification not yet sent (pending or dead, which may be requeued) is always kept.
   */
  processedEventHours: number;
  /** Delivered (SENT) outbox rows, in days. Dead ones stay until requeued or dealt with. */
  sentOutboxDays: number;
  /** Posted messages of a convention that no longer exists (a deleted draft), in days after their last update. */
  deletedConventionMessageDays: number;
  /** Finished job runs, in days (the latest run of each job is always kept for /healthz). */
  jobRunDays: number;
  /** Rows per DELETE statement. */
  batchSize: number;
}

/** What one retention pass removed, per table. */
export interface TRetentionResult {
  processedEvents: number;
  sentOutbox: number;
  postedMessages: number;
  jobRuns: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Runs `batch` (one DELETE of at most `size` rows) until a batch removes fewer: returns how many went. */
async function inBatches(size: number, batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await batch();
    total += removed;
    if (removed < size) return total;
  }
}

/** Deletes ProcessedEvent rows older than `cutoff`, except delivery records of outbox rows still PENDING or DEAD. */
function deleteProcessedEvents(prisma: PrismaClient, cutoff: Date, size: number): Promise<number> {
  // "delivery:outbox:<id>#<n>" / "attempt:outbox:<id>#<n>" (src/channels/shared/notification-channel.ts)
  // make a requeued or retried notification skip what was already delivered: they live as long as their row may be delivered.
  return prisma.$executeRaw`
    DELETE FROM "ProcessedEvent" WHERE ("platform", "eventId") IN (
      SELECT pe."platform", pe."eventId" FROM "ProcessedEvent" pe
      WHERE pe."receivedAt" < ${cutoff}
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" o
          WHERE o."status" <> 'SENT'
            AND o."id" = substring(pe."eventId" from '^(?:delivery|attempt):outbox:([0-9]+)#')::bigint
        )
      LIMIT ${size}
    )`;
}

function deleteSentOutbox(prisma: PrismaClient, cutoff: Date, size: number): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "OutboxMessage" WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage" WHERE "status" = 'SENT' AND "sentAt" < ${cutoff} LIMIT ${size}
    )`;
}

/** PostedMessage.threadId names the convention (conventionId stays null on purpose: see channel-records.ts). */
function deleteDeletedConventionMessages(prisma: PrismaClient, cutoff: Date, size: number): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "PostedMessage" WHERE "id" IN (
      SELECT pm."id" FROM "PostedMessage" pm
      WHERE pm."threadId" ~ '^[0-9]+$' AND pm."updatedAt" < ${cutoff}
        AND NOT EXISTS (SELECT 1 FROM "Convention" c WHERE c."id" = pm."threadId"::int)
      LIMIT ${size}
    )`;
}

function deleteJobRuns(prisma: PrismaClient, cutoff: Date, size: number): Promise<number> {
  return prisma.$executeRaw`
    DELETE FROM "JobRun" WHERE "id" IN (
      SELECT r."id" FROM "JobRun" r
      WHERE r."status" <> 'RUNNING' AND r."startedAt" < ${cutoff}
        AND r."id" <> (SELECT l."id" FROM "JobRun" l WHERE l."jobId" = r."jobId" ORDER BY l."startedAt" DESC LIMIT 1)
      LIMIT ${size}
    )`;
}

/** One retention pass at `now`: every table in turn, in batches of `policy.batchSize`. */
export async function runRetention(prisma: PrismaClient, policy: TRetentionPolicy, now: Date): Promise<TRetentionResult> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  const size = policy.batchSize;
  return {
    processedEvents: await inBatches(size, () => deleteProcessedEvents(prisma, before(policy.processedEventHours * HOUR_MS), size)),
    sentOutbox: await inBatches(size, () => deleteSentOutbox(prisma, before(policy.sentOutboxDays * DAY_MS), size)),
    postedMessages: await inBatches(size, () => deleteDeletedConventionMessages(prisma, before(policy.deletedConventionMessageDays * DAY_MS), size)),
    jobRuns: await inBatches(size, () => deleteJobRuns(prisma, before(policy.jobRunDays * DAY_MS), size)),
  };
}
