import { spawn } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TCard, TEffect } from "../../src/app/conversation/effects.ts";
import { createDispatcher, type TDispatchResult } from "../../src/app/notifications/dispatch-outbox.ts";
import { createNotificationDelivery } from "../../src/channels/shared/notification-router.ts";
import { threadsOf } from "../../src/channels/web/playground-threads.ts";
import { playgroundOnDatabase } from "../../src/composition/channels.ts";
import { progressMessageId } from "../../src/db/playground-messages.ts";
import { createOutboxQueue } from "../../src/db/outbox.ts";
import { createTestDatabase } from "../support/test-database.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const LEASE_MS = 60_000;
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** Runs the crashing child to its end; resolves with how it ended and what it printed. */
function runChild(env: Record<string, string>): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    // Node itself with tsx's loader, not the tsx binary: that one runs the script in a second
    // process and reports its death as exit code 137, hiding the signal this test asserts.
    const child = spawn(process.execPath, ["--import", "tsx", "test/support/outbox-crash-child.ts"], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code, signal) => resolvePromise({ code, signal, output }));
  });
}

describe("a process killed around a notification, delivered to the playground", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let recipientId: number;
  let conventionId: number;
  const logs: Array<{ level: string; message: string }> = [];

  /** The restarted instance: a dispatcher delivering to the playground, at `now`. */
  function restart(now: () => Date) {
    const log = (level: string) => (_details: object, message: string) => void logs.push({ level, message });
    return createDispatcher({
      queue: createOutboxQueue(database.prisma),
      render: async (personId, payload): Promise<TEffect[]> => [
        {
          kind: "notify",
          personId,
          conventionId: payload.conventionId,
          card: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Convention validée" }] },
        },
      ],
      deliver: createNotificationDelivery([playgroundOnDatabase(database.prisma, silent).notifications]),
      clock: now,
      logger: { info: log("info"), warn: log("warn"), error: log("error") },
      instanceId: "instance-restarted",
      leaseMs: LEASE_MS,
    });
  }

  /** The notify messages the recipient sees in the playground's thread of the convention. */
  async function playgroundNotifications() {
    const threads = threadsOf(await playgroundOnDatabase(database.prisma, silent).messages.rows(recipientId));
    return threads.flatMap((thread) => thread.messages.filter((message) => message.kind === "notify").map(() => thread.conventionId));
  }

  async function crashChild(crash: "after-commit" | "while-delivering") {
    const child = await runChild({
      DATABASE_URL: database.url,
      RECIPIENT_ID: String(recipientId),
      CONVENTION_ID: String(conventionId),
      CRASH: crash,
      LEASE_MS: String(LEASE_MS),
    });
    expect(child, child.output).toMatchObject({ code: null, signal: "SIGKILL" });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const person = await database.prisma.person.create({
      data: {
        email: "lea.martin@etu.example.fr",
        lastName: "Martin",
        firstName: "Léa",
        student: { create: { studentNumber: "22001234", birthDate: new Date("2004-02-03") } },
      },
    });
    recipientId = person.id;
  });

  beforeEach(async () => {
    // What the channel shows and what it remembers having delivered go together: both start empty.
    await database.prisma.postedMessage.deleteMany();
    await database.prisma.processedEvent.deleteMany();
    // A fresh convention per test: the child's dedupeKey names it.
    conventionId = (await database.prisma.convention.create({ data: { studentId: recipientId, createdById: recipientId } })).id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("delivers exactly once after a restart when killed after the commit and before any delivery", async () => {
    await crashChild("after-commit");
    // The change and its notification both committed; nothing was delivered yet.
    expect(await database.prisma.auditEvent.count({ where: { conventionId, action: "convention.validated" } })).toBe(1);
    expect(await database.prisma.outboxMessage.findMany({ where: { conventionId }, select: { status: true, attempts: true } })).toEqual([
      { status: "PENDING", attempts: 0 },
    ]);
    expect(await playgroundNotifications()).toEqual([]);

    const dispatcher = restart(() => new Date());
    expect(await dispatcher.runOnce()).toEqual<TDispatchResult>({ sent: 1, failed: 0, dead: 0 });
    expect(await playgroundNotifications()).toEqual([conventionId]);
    expect(await dispatcher.runOnce()).toEqual<TDispatchResult>({ sent: 0, failed: 0, dead: 0 });
    expect(await playgroundNotifications()).toEqual([conventionId]);
    expect(await database.prisma.outboxMessage.count({ where: { conventionId, status: "SENT" } })).toBe(1);
  });

  it("delivers exactly once after the lease when killed while delivering, the playground being idempotent", async () => {
    await crashChild("while-delivering");
    // The child wrote the message and died before marking the row: it still holds the lease.
    expect(await playgroundNotifications()).toEqual([conventionId]);
    const [row] = await database.prisma.outboxMessage.findMany({ where: { conventionId } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedBy: "instance-killed" });
    const leaseEnd = row?.lockedUntil?.getTime() ?? Number.NaN;
    expect(leaseEnd).toBeGreaterThan(Date.now());

    // Restarted before the lease ends: the row is not taken over yet.
    expect(await restart(() => new Date()).runOnce()).toEqual<TDispatchResult>({ sent: 0, failed: 0, dead: 0 });
    const after = restart(() => new Date(leaseEnd));
    expect(await after.runOnce()).toEqual<TDispatchResult>({ sent: 1, failed: 0, dead: 0 });
    expect(await after.runOnce()).toEqual<TDispatchResult>({ sent: 0, failed: 0, dead: 0 });
    expect(await playgroundNotifications()).toEqual([conventionId]);
    expect(await database.prisma.outboxMessage.findMany({ where: { conventionId }, select: { status: true, attempts: true, lockedBy: true } })).toEqual([
      { status: "SENT", attempts: 2, lockedBy: "instance-restarted" },
    ]);
    expect(logs.filter((entry) => entry.level !== "info")).toEqual([]);
  });

  it("makes the playground channel idempotent: one row per message id, a keyed message updated in place, even when deliveries race", async () => {
    const playground = playgroundOnDatabase(database.prisma, silent).notifications;
    const card = (text: string): TCard => ({ type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text }] });
    const notify = (text: string, key?: string): TEffect[] => [
      { kind: "notify", personId: recipientId, conventionId, card: card(text), ...(key ? { key } : {}) },
    ];
    const key = `approval:${conventionId}:1:PEDAGOGIQUE`;
    await Promise.all(Array.from({ length: 6 }, () => playground.deliver(recipientId, notify("once"), "outbox:1")));
    await Promise.all(Array.from({ length: 6 }, (_, index) => playground.deliver(recipientId, notify(`approval ${index}`, key), `outbox:${10 + index}`)));
    await playground.deliver(recipientId, notify("decided", key), "outbox:20");
    // A decision in the student's thread: the progress card refreshed, and a notice posted once.
    const decision: TEffect[] = [
      { kind: "progress", conventionId, card: card("Convention") },
      { kind: "post", conventionId, card: card("refused") },
    ];
    for (let delivery = 0; delivery < 2; delivery += 1) await playground.deliver(recipientId, decision, "outbox:30");
    const stored = await database.prisma.postedMessage.findMany({ where: { platform: "WEB", channelId: `person:${recipientId}` }, orderBy: { id: "asc" } });
    expect(stored.map((message) => [message.messageId, message.kind, message.threadId, message.content])).toEqual([
      ["outbox:1#0", "notify", String(conventionId), card("once")],
      [key, `notify:${key}`, String(conventionId), card("decided")],
      [progressMessageId(recipientId, conventionId), "progress", String(conventionId), card("Convention")],
      ["outbox:30#1", "post", String(conventionId), card("refused")],
    ]);
  });
});
