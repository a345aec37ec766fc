import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { createDispatcher } from "../../src/app/notifications/dispatch-outbox.ts";
import type { TNotificationPayload } from "../../src/app/notifications/notification.ts";
import { createNotificationDelivery, type TNotificationChannel } from "../../src/channels/shared/notification-router.ts";
import { createOutboxQueue, enqueueNotifications } from "../../src/db/outbox.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { conversationDriver, effectOf, shownText } from "../support/conversation-driver.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

const run = promisify(execFile);
const T0 = new Date("2026-12-01T08:00:00.000Z");
const ADMIN = "thomas.petit@univ-demo.fr";
const GESTIONNAIRE = "karim.mansouri@univ-demo.fr";
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A channel that counts deliveries per message id and can be down. */
function fakeChannel() {
  const deliveries = new Map<string, number>();
  const state = { down: true };
  const channel: TNotificationChannel = {
    platform: "WEB",
    async deliver(_personId, _effects, messageId) {
      if (state.down) throw new Error("WEB answered 503 Service Unavailable");
      deliveries.set(messageId, (deliveries.get(messageId) ?? 0) + 1);
      return "delivered";
    },
  };
  return { channel, deliveries, state };
}

const render = async (recipientId: number, payload: TNotificationPayload): Promise<TEffect[]> => [
  { kind: "notify", personId: recipientId, conventionId: payload.conventionId, card: { type: "AdaptiveCard", version: "1.5", body: [] } },
];

describe("dead letters: listed for admins, requeued, delivered once", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let prisma: PrismaClient;

  beforeAll(async () => {
    seeded = await createSeededConversation(() => T0);
    prisma = seeded.database.prisma;
  });

  afterAll(async () => {
    await seeded?.database.drop();
  });

  it("a notification given up is shown to an admin with its reason, requeued from the card and delivered exactly once", async () => {
    const recipient = await prisma.person.findUniqueOrThrow({ where: { email: GESTIONNAIRE } });
    const other = await prisma.person.findUniqueOrThrow({ where: { email: ADMIN } });
    const student = await prisma.student.findFirstOrThrow();
    const convention = await prisma.convention.create({ data: { studentId: student.personId, createdById: student.personId } });
    await prisma.$transaction((tx) =>
      enqueueNotifications(
        tx,
        [
          { recipientId: recipient.id, dedupeKey: "dead-one", payload: { kind: "validated", conventionId: convention.id } },
          { recipientId: other.id, dedupeKey: "dead-two", payload: { kind: "validated", conventionId: convention.id } },
        ],
        T0,
      ),
    );
    const { channel, deliveries, state } = fakeChannel();
    const dispatcher = createDispatcher({
      queue: createOutboxQueue(prisma),
      render,
      deliver: createNotificationDelivery([channel]),
      clock: () => T0,
      logger: quiet,
      instanceId: "a",
      maxAttempts: 1,
    });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, dead: 2 });
    const [one, two] = await prisma.outboxMessage.findMany({ where: { dedupeKey: { in: ["dead-one", "dead-two"] } }, orderBy: { id: "asc" } });
    expect(one?.status).toBe("DEAD");

    // A gestionnaire is refused before anything is read.
    const refused = await conversationDriver(seeded.conversation, GESTIONNAIRE).say("notifications en échec");
    expect(shownText(effectOf(refused, "post").card)).toContain("administrat");

    const admin = conversationDriver(seeded.conversation, ADMIN);
    const listed = shownText(effectOf(await admin.say("notifications en échec"), "post").card);
    expect(listed).toContain("Notifications non délivrées (2)");
    expect(listed).toContain("WEB answered 503 Service Unavailable");
    expect(listed).toContain(`Karim Mansouri <${GESTIONNAIRE}>`);
    expect(shownText(effectOf(await admin.say("dead letters"), "post").card)).toContain("Notifications non délivrées (2)");

    const requeued = await admin.act("requeue_notification", { outboxId: String(one?.id) });
    expect(shownText(effectOf(requeued, "post").card)).toContain("Notification remise en file");
    // A second click is told, not applied again.
    expect(shownText(effectOf(await admin.act("requeue_notification", { outboxId: String(one?.id) }), "post").card)).toContain("Rien à renvoyer");

    state.down = false;
    expect(await dispatcher.runOnce()).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await dispatcher.runOnce()).toEqual({ sent: 0, failed: 0, dead: 0 });
    expect([...deliveries]).toEqual([[`outbox:${one?.id}`, 1]]);
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: one!.id } })).toMatchObject({ status: "SENT", attempts: 1 });
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: two!.id } })).status).toBe("DEAD");
    expect(shownText(effectOf(await admin.say("failed notifications"), "post").card)).toContain("Notifications non délivrées (1)");
  });

  it("the command lists dead letters, requeues one by id, refuses a bad id and a row that is not dead, and requeues all with --dead", async () => {
    const env = { ...process.env, DATABASE_URL: seeded.database.url };
    const cli = (...args: string[]) =>
      run("npx", ["tsx", "src/cli/outbox-cli.ts", ...args], { env }).catch((error: { code: number; stdout: string; stderr: string }) => error);
    const dead = await prisma.outboxMessage.findFirstOrThrow({ where: { status: "DEAD" } });
    const sent = await prisma.outboxMessage.findFirstOrThrow({ where: { status: "SENT" } });

    const listed = await cli("list");
    expect(listed.stdout).toContain(`${dead.id}\tvalidated\tThomas Petit <${ADMIN}>`);
    expect(listed.stdout).toContain("WEB answered 503");
    expect(listed.stdout).not.toMatch(new RegExp(`^${sent.id}\t`, "m"));

    expect(await cli("requeue", "abc")).toMatchObject({ code: 2, stderr: expect.stringContaining("« abc » n’est pas un numéro de notification") });
    expect(await cli("requeue", String(sent.id))).toMatchObject({ code: 1, stderr: expect.stringContaining(`Notification ${sent.id} non remise en file`) });
    expect((await prisma.outboxMessage.findUniqueOrThrow({ where: { id: sent.id } })).status).toBe("SENT");
    expect(await cli()).toMatchObject({ code: 2 });

    expect((await cli("requeue", "--dead")).stdout).toContain("1 notification(s) remise(s) en file");
    expect(await prisma.outboxMessage.findUniqueOrThrow({ where: { id: dead.id } })).toMatchObject({ status: "PENDING", attempts: 0 });
    expect((await cli("list", "--lang", "en")).stdout).toContain("No undelivered notification.");
  }, 60_000);
});
