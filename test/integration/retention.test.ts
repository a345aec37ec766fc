import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelRecords } from "../../src/db/channel-records.ts";
import { createJobScheduler } from "../../src/composition/create-job-scheduler.ts";
import { operationsJobs, RETENTION_JOB_ID, type TOperationsPolicy } from "../../src/composition/operations-jobs.ts";
import { runRetention } from "../../src/db/retention.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createTestDatabase } from "../support/test-database.ts";

// 03:30 in Paris on 3 December 2026 (UTC+1): the retention job's default slot.
const NOW = new Date("2026-12-03T02:30:00.000Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
const daysAgo = (days: number) => hoursAgo(days * 24);
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

const policy: TOperationsPolicy = {
  retentionCron: "30 3 * * *",
  retention: { processedEventHours: 48, sentOutboxDays: 30, deletedConventionMessageDays: 90, jobRunDays: 90, batchSize: 2 },
  personalDataCron: "15 4 * * *",
  personalData: { archiveYears: 5, purgeYears: 2, batchSize: 10 },
};

describe("retention on real PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let personId: number;
  let liveId: number;
  const deletedId = 999_999;

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = database.prisma;
    const person = await prisma.person.create({
      data: {
        email: "ines.durand@etu.example.fr",
        lastName: "Durand",
        firstName: "Inès",
        student: { create: { studentNumber: "22000001", birthDate: new Date("2004-05-06") } },
      },
    });
    personId = person.id;
    liveId = (await prisma.convention.create({ data: { studentId: personId, createdById: personId } })).id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  async function outboxRow(dedupeKey: string, status: "PENDING" | "SENT" | "DEAD", sentAt: Date | null): Promise<bigint> {
    const row = await prisma.outboxMessage.create({
      data: {
        dedupeKey,
        kind: "validated",
        recipientId: personId,
        conventionId: liveId,
        payload: { kind: "validated", conventionId: liveId },
        status,
        sentAt,
        createdAt: daysAgo(60),
      },
    });
    return row.id;
  }

  it("removes only what it should, in small batches, once per slot, and the live convention's thread still works", async () => {
    const oldSent = await outboxRow("old-sent", "SENT", daysAgo(31));
    const recentSent = await outboxRow("recent-sent", "SENT", daysAgo(29));
    const pending = await outboxRow("pending", "PENDING", null);
    const dead = await outboxRow("dead", "DEAD", null);
    const events = [
      ["Ev-old", hoursAgo(49)],
      ["Ev-old-2", hoursAgo(100)],
      ["Ev-old-3", hoursAgo(1000)],
      ["Ev-recent", hoursAgo(47)],
      [`delivery:outbox:${oldSent}#0`, daysAgo(31)],
      [`delivery:outbox:${pending}#0`, daysAgo(10)],
      [`attempt:outbox:${pending}#1`, daysAgo(10)],
      [`delivery:outbox:${dead}#0`, daysAgo(10)],
      // A row id that is a prefix of another's must not protect it.
      [`delivery:outbox:${pending}0#0`, daysAgo(10)],
    ] as const;
    await prisma.processedEvent.createMany({ data: events.map(([eventId, receivedAt]) => ({ platform: "SLACK" as const, eventId, receivedAt })) });

    const records = createChannelRecords(prisma, "SLACK");
    await records.remember({ channelId: "D1", messageId: "live.1", role: { kind: "progress", conventionId: liveId }, recipientId: personId });
    await records.remember({ channelId: "D1", messageId: "gone.1", role: { kind: "closed", conventionId: deletedId }, recipientId: personId });
    await records.remember({ channelId: "D1", messageId: "gone.recent", role: { kind: "closed", conventionId: deletedId + 1 }, recipientId: personId });
    await records.remember({ channelId: "D1", messageId: "help.1", role: { kind: "post", conventionId: null }, recipientId: personId });
    await prisma.postedMessage.updateMany({ where: { messageId: { in: ["live.1", "gone.1", "help.1"] } }, data: { updatedAt: daysAgo(400) } });
    await prisma.postedMessage.updateMany({ where: { messageId: "gone.recent" }, data: { updatedAt: daysAgo(89) } });

    await prisma.jobRun.createMany({
      data: [
        { jobId: "digest", runKey: "digest:old", status: "SUCCEEDED", startedAt: daysAgo(200) },
        { jobId: "digest", runKey: "digest:recent", status: "SUCCEEDED", startedAt: daysAgo(1) },
        { jobId: "lonely", runKey: "lonely:old", status: "SUCCEEDED", startedAt: daysAgo(200) },
      ],
    });

    // Two instances wake at the slot: one runs it.
    const schedulers = ["a", "b"].map((instanceId) =>
      createJobScheduler(prisma, {
        jobs: operationsJobs(prisma, policy),
        logger: quiet,
        instanceId,
        clock: () => NOW,
        wake: () => ({ stop: () => undefined }),
      }),
    );
    const outcomes = (await Promise.all(schedulers.map((scheduler) => scheduler.runDue("scheduled")))).flat();
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["not_elected", "succeeded"]);
    const succeeded = outcomes.find((outcome) => outcome.status === "succeeded");
    expect(succeeded).toMatchObject({ jobId: RETENTION_JOB_ID, result: { processedEvents: 5, sentOutbox: 1, postedMessages: 1, jobRuns: 1 } });

    expect((await prisma.processedEvent.findMany({ orderBy: { eventId: "asc" } })).map((row) => row.eventId).sort()).toEqual(
      ["Ev-recent", `attempt:outbox:${pending}#1`, `delivery:outbox:${dead}#0`, `delivery:outbox:${pending}#0`].sort(),
    );
    expect((await prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((row) => row.id)).toEqual([recentSent, pending, dead]);
    expect((await prisma.postedMessage.findMany({ orderBy: { id: "asc" } })).map((row) => row.messageId)).toEqual(["live.1", "gone.recent", "help.1"]);
    expect((await prisma.jobRun.findMany({ orderBy: { id: "asc" } })).map((row) => row.runKey)).toEqual([
      "digest:recent",
      "lonely:old",
      expect.stringMatching(/^retention:/),
    ]);

    // The live convention's thread: its card is found, a reply in it names the convention, a pending delivery is still known.
    expect(await records.progressOf("D1", liveId)).toBe("live.1");
    expect(await records.conventionOfThread("D1", "live.1")).toBe(liveId);
    expect(await records.beginDelivery(`outbox:${pending}#1`)).toBe(false);
    expect(await records.wasDelivered(`outbox:${pending}#0`)).toBe(true);

    // A second pass at the same time finds nothing more.
    expect(await runRetention(prisma, policy.retention, NOW)).toEqual({ processedEvents: 0, sentOutbox: 0, postedMessages: 0, jobRuns: 0 });
  });
});
