import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TCard, TEffect } from "../../src/app/conversation/effects.ts";
import { createDispatcher, exponentialBackoff, type TDispatcherDeps } from "../../src/app/notifications/dispatch-outbox.ts";
import type { TNotification, TNotificationPayload } from "../../src/app/notifications/notification.ts";
import {
  ChannelOutageError,
  createNotificationDelivery,
  RecipientUnreachableError,
  type TNotificationChannel,
} from "../../src/channels/shared/notification-router.ts";
import { createDatabase, type TDatabase } from "../../src/db/create-database.ts";
import { createOutboxQueue, enqueueNotifications } from "../../src/db/outbox.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createTestDatabase } from "../support/test-database.ts";

const T0 = new Date("2026-12-01T08:00:00.000Z");
const card = (text: string): TCard => ({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text }] });
const at = (ms: number) => new Date(T0.getTime() + ms);

type TLogEntry = { level: "info" | "warn" | "error"; details: object; message: string };

/** A logger writing to an array: tests read what was logged, the console stays quiet. */
function captureLogs() {
  const entries: TLogEntry[] = [];
  const log = (level: TLogEntry["level"]) => (details: object, message: string) => void entries.push({ level, details, message });
  return { entries, logger: { info: log("info"), warn: log("warn"), error: log("error") } };
}

/** A channel that counts deliveries per message id, and can be down or not know the person. */
function fakeChannel(platform: TNotificationChannel["platform"] = "SLACK") {
  const deliveries = new Map<string, number>();
  const state = { down: false, knowsPerson: true, delayMs: 0 };
  const channel: TNotificationChannel = {
    platform,
    async deliver(_personId, _effects, messageId) {
      if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (state.down) throw new Error(`${platform} answered 503`);
      if (!state.knowsPerson) return "no_identity";
      deliveries.set(messageId, (deliveries.get(messageId) ?? 0) + 1);
      return "delivered";
    },
  };
  return { channel, deliveries, state };
}

const render = async (recipientId: number, payload: TNotificationPayload): Promise<TEffect[]> => [
  { kind: "notify", personId: recipientId, conventionId: payload.conventionId, card: card(payload.kind) },
];

describe("the transactional outbox on real PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  let recipientId: number;
  let conventionId: number;

  const notification = (dedupeKey: string): TNotification => ({ recipientId, dedupeKey, payload: { kind: "validated", conventionId } });
  const enqueue = (notifications: TNotification[], db: PrismaClient = prisma) => db.$transaction((tx) => enqueueNotifications(tx, notifications, T0));
  const rows = () => prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });

  function dispatcher(channel: TNotificationChannel, { now = () => T0, ...overrides }: Partial<TDispatcherDeps> & { now?: () => Date } = {}) {
    const logs = captureLogs();
    const deps: TDispatcherDeps = {
      queue: createOutboxQueue(prisma),
      render,
      deliver: createNotificationDelivery([channel]),
      clock: now,
      logger: logs.logger,
      instanceId: "instance-a",
      backoff: (attempt) => attempt * 1000,
      ...overrides,
    };
    return { ...createDispatcher(deps), logs: logs.entries };
  }

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
    recipientId = person.id;
    conventionId = (await prisma.convention.create({ data: { studentId: person.id, createdById: person.id } })).id;
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("enqueues with the caller's transaction: a rollback leaves nothing, a commit leaves the row", async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.auditEvent.create({ data: { entityType: "convention", entityId: conventionId, action: "convention.validated" } });
        await enqueueNotifications(tx, [notification("rolled-back")], T0);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await prisma.outboxMessage.count()).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "convention.validated" } })).toBe(0);

    expect(await enqueue([notification("committed")])).toBe(1);
    const [row] = await rows();
    expect(row).toMatchObject({ dedupeKey: "committed", kind: "validated", recipientId, conventionId, status: "PENDING", attempts: 0, availableAt: T0 });
    expect(row?.payload).toEqual({ kind: "validated", conventionId });
  });

  it("enqueues the same dedupeKey once, even twice in one call or from concurrent transactions", async () => {
    expect(await enqueue([notification("once"), notification("once")])).toBe(1);
    expect(await enqueue([notification("once")])).toBe(0);
    const concurrent = await Promise.all(Array.from({ length: 8 }, () => enqueue([notification("raced")])));
    expect(concurrent.reduce((sum, count) => sum + count, 0)).toBe(1);
    expect((await rows()).map((row) => row.dedupeKey)).toEqual(["once", "raced"]);
  });

  it("delivers due messages once, with a stable message id per row, and marks them SENT", async () => {
    await enqueue([notification("a"), notification("b"), notification("c")]);
    const { channel, deliveries } = fakeChannel();
    const run = dispatcher(channel);
    expect(await run.runOnce()).toEqual({ sent: 3, failed: 0, dead: 0 });
    const stored = await rows();
    expect(stored.map((row) => [row.status, row.attempts, row.sentAt, row.lockedUntil])).toEqual(Array(3).fill(["SENT", 1, T0, null]));
    expect([...deliveries]).toEqual(stored.map((row) => [`outbox:${row.id}`, 1]));
    expect(await run.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect([...deliveries.values()]).toEqual([1, 1, 1]);
    expect(await createOutboxQueue(prisma).counts()).toEqual({ pending: 0, sent: 3, dead: 0 });
  });

  it("retries a failing channel later with backoff, then delivers when it recovers", async () => {
    await enqueue([notification("outage")]);
    const { channel, deliveries, state } = fakeChannel();
    let now = T0;
    const run = dispatcher(channel, { now: () => now });
    state.down = true;

    expect(await run.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, availableAt: at(1000), lockedUntil: null });
    expect(row?.lastError).toContain("SLACK: SLACK answered 503");
    expect(run.logs.filter((entry) => entry.level === "warn")).toHaveLength(1);

    // Not due yet: nothing is claimed, nothing is attempted.
    now = at(999);
    expect(await run.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    now = at(1000);
    expect(await run.runOnce()).toEqual({ sent: 0, failed: 1, dead: 0 });
    [row] = await rows();
    expect(row).toMatchObject({ attempts: 2, availableAt: at(1000 + 2000) });

    state.down = false;
    now = at(3000);
    expect(await run.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    [row] = await rows();
    expect(row).toMatchObject({ status: "SENT", attempts: 3, sentAt: at(3000) });
    expect([...deliveries.values()]).toEqual([1]);
  });

  it("gives a message up (DEAD, logged as an error) after maxAttempts", async () => {
    await enqueue([notification("doomed")]);
    const { channel, state } = fakeChannel();
    state.down = true;
    let now = T0;
    const run = dispatcher(channel, { now: () => now, maxAttempts: 3 });
    const results = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      results.push(await run.runOnce());
      now = new Date(now.getTime() + 60_000);
    }
    expect(results.map((result) => [result.failed, result.dead])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "DEAD", attempts: 3, sentAt: null, lockedUntil: null });
    const errors = run.logs.filter((entry) => entry.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.details).toMatchObject({ dedupeKey: "doomed", attempts: 3 });
    expect(await createOutboxQueue(prisma).counts()).toEqual({ pending: 0, sent: 0, dead: 1 });
  });

  it("gives up at once a row whose payload does not match the contract, without rendering it", async () => {
    await prisma.outboxMessage.create({
      data: { dedupeKey: "from-the-future", kind: "teleport", recipientId, payload: { kind: "teleport" }, availableAt: T0 },
    });
    const { channel, deliveries } = fakeChannel();
    const rendered: unknown[] = [];
    const run = dispatcher(channel, { render: async (...args) => (rendered.push(args), []) });
    expect(await run.runOnce()).toEqual({ sent: 0, failed: 0, dead: 1 });
    expect(rendered).toEqual([]);
    expect(deliveries.size).toBe(0);
    const [row] = await rows();
    expect(row?.status).toBe("DEAD");
    expect(row?.lastError).toContain("unreadable payload");
  });

  it("delivers each of 200 messages exactly once with two instances claiming concurrently", async () => {
    const second: TDatabase = await createDatabase({ databaseUrl: database.url, poolSize: 4 });
    try {
      const { channel, deliveries, state } = fakeChannel();
      state.delayMs = 1;
      const total = 200;
      await enqueue(Array.from({ length: total }, (_, index) => notification(`bulk-${index}`)));
      const instances = [
        dispatcher(channel, { instanceId: "instance-a", batchSize: 7 }),
        dispatcher(channel, { instanceId: "instance-b", batchSize: 7, queue: createOutboxQueue(second.prisma) }),
      ];
      // Each instance runs batch after batch until it finds nothing left to claim.
      const drain = async (instance: (typeof instances)[number]) => {
        let sent = 0;
        for (;;) {
          const result = await instance.runOnce();
          expect(result.failed + result.dead).toBe(0);
          if (result.sent === 0) return sent;
          sent += result.sent;
        }
      };
      const sentBy = await Promise.all(instances.map(drain));
      expect(sentBy.reduce((sum, sent) => sum + sent, 0)).toBe(total);
      // Both took part: otherwise this test proves nothing about concurrency.
      expect(Math.min(...sentBy)).toBeGreaterThan(0);
      expect(deliveries.size).toBe(total);
      expect([...deliveries.values()].every((count) => count === 1)).toBe(true);
      expect(await prisma.outboxMessage.count({ where: { status: "SENT", attempts: 1 } })).toBe(total);
    } finally {
      await second.close();
    }
  });

  it("lets another instance take over a message whose lease expired, and ignores the dead instance's late verdict", async () => {
    await enqueue([notification("orphan")]);
    const crashed = createOutboxQueue(prisma);
    const [claimed] = await crashed.claim(10, 30_000, "instance-dead", T0);
    expect(claimed).toMatchObject({ dedupeKey: "orphan", attempts: 1, readable: true });

    const { channel, deliveries } = fakeChannel();
    let now = at(29_999);
    const survivor = dispatcher(channel, { instanceId: "instance-b", now: () => now });
    expect(await survivor.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    now = at(30_000);
    expect(await survivor.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect([...deliveries.values()]).toEqual([1]);

    const id = claimed?.id ?? "";
    expect(await crashed.markSent(id, "instance-dead", at(40_000))).toBe(false);
    expect(await crashed.markFailed(id, "instance-dead", "too late", null)).toBe(false);
    const [row] = await rows();
    expect(row).toMatchObject({ status: "SENT", attempts: 2, lockedBy: "instance-b", sentAt: at(30_000), lastError: null });
  });

  it("keeps the interval loop alive through a failing database and stops after the batch in flight", async () => {
    await enqueue([notification("looped")]);
    const { channel, deliveries } = fakeChannel();
    const queue = createOutboxQueue(prisma);
    let claims = 0;
    const flaky = {
      ...queue,
      claim: async (...args: Parameters<typeof queue.claim>) => (++claims === 1 ? Promise.reject(new Error("connection reset")) : queue.claim(...args)),
    };
    const run = dispatcher(channel, { queue: flaky });
    run.start(5);
    await expect.poll(() => deliveries.size, { timeout: 5000 }).toBe(1);
    await run.stop();
    const claimsAtStop = claims;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(claims).toBe(claimsAtStop);
    expect(run.logs.find((entry) => entry.level === "error")?.message).toBe("outbox batch failed");
  });
});

describe("the default backoff", () => {
  it.each([
    [1, 0, 1_000],
    [1, 1, 2_000],
    [3, 0.5, 6_000],
    [9, 1, 512_000],
    [10, 1, 600_000],
    [30, 0, 300_000],
  ])("after attempt %i with jitter %d waits %i ms (2^attempt s, capped at 10 min, never under half)", (attempt, jitter, expected) => {
    expect(exponentialBackoff({ random: () => jitter })(attempt)).toBe(expected);
  });
});

describe("notification delivery across channels", () => {
  const effects: TEffect[] = [{ kind: "notify", personId: 7, conventionId: null, card: card("hello") }];

  it("skips a channel where the person has no identity", async () => {
    const slack = fakeChannel("SLACK");
    const teams = fakeChannel("TEAMS");
    teams.state.knowsPerson = false;
    await createNotificationDelivery([slack.channel, teams.channel])(7, effects, "outbox:1");
    expect([...slack.deliveries]).toEqual([["outbox:1", 1]]);
    expect(teams.deliveries.size).toBe(0);
  });

  it("throws on an outage after delivering to the channels that are up", async () => {
    const slack = fakeChannel("SLACK");
    const teams = fakeChannel("TEAMS");
    teams.state.down = true;
    const delivery = createNotificationDelivery([slack.channel, teams.channel]);
    await expect(delivery(7, effects, "outbox:2")).rejects.toThrow(ChannelOutageError);
    await expect(delivery(7, effects, "outbox:2")).rejects.toThrow("TEAMS: TEAMS answered 503");
    expect(slack.deliveries.get("outbox:2")).toBe(2);
  });

  it("throws when no channel knows the person, and does nothing for no effects", async () => {
    const slack = fakeChannel("SLACK");
    slack.state.knowsPerson = false;
    const delivery = createNotificationDelivery([slack.channel]);
    await expect(delivery(7, effects, "outbox:3")).rejects.toThrow(RecipientUnreachableError);
    slack.state.down = true;
    await expect(delivery(7, [], "outbox:3")).resolves.toBeUndefined();
  });
});
