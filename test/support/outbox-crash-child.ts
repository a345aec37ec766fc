// A process that dies at the worst moments of a notification's life, for
// test/integration/outbox-crash.test.ts. Run with tsx; configured by environment:
//   DATABASE_URL, RECIPIENT_ID, CONVENTION_ID, CRASH ("after-commit" | "while-delivering"), LEASE_MS.
// It SIGKILLs itself: no finally block, no disconnect, no flush, as when a container is killed.
import { PrismaPg } from "@prisma/adapter-pg";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { createDispatcher } from "../../src/app/notifications/dispatch-outbox.ts";
import type { TNotification } from "../../src/app/notifications/notification.ts";
import { createNotificationDelivery } from "../../src/channels/shared/notification-router.ts";
import { playgroundOnDatabase } from "../../src/composition/channels.ts";
import { createOutboxQueue, enqueueNotifications } from "../../src/db/outbox.ts";
import { PrismaClient } from "../../src/generated/prisma/client.ts";

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

function die(): never {
  process.kill(process.pid, "SIGKILL");
  throw new Error("unreachable: SIGKILL was sent");
}

const crash = required("CRASH");
const recipientId = Number(required("RECIPIENT_ID"));
const conventionId = Number(required("CONVENTION_ID"));
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: required("DATABASE_URL"), max: 1 }) });

// The change and its notification, committed together.
const notification: TNotification = { recipientId, dedupeKey: `validated:${conventionId}`, payload: { kind: "validated", conventionId } };
await prisma.$transaction(async (tx) => {
  await tx.auditEvent.create({ data: { entityType: "convention", entityId: conventionId, conventionId, action: "convention.validated" } });
  await enqueueNotifications(tx, [notification], new Date());
});

if (crash === "after-commit") die();

// Claims the message, writes it to the playground, then dies before marking it sent.
const playground = createNotificationDelivery([playgroundOnDatabase(prisma, { info: () => {}, warn: () => {}, error: () => {} }).notifications]);
const dispatcher = createDispatcher({
  queue: createOutboxQueue(prisma),
  render: async (personId, payload): Promise<TEffect[]> => [
    {
      kind: "notify",
      personId,
      conventionId: payload.conventionId,
      card: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Convention validée" }] },
    },
  ],
  deliver: async (personId, effects, messageId) => {
    await playground(personId, effects, messageId);
    die();
  },
  clock: () => new Date(),
  logger: { info: () => {}, warn: () => {}, error: () => {} },
  instanceId: "instance-killed",
  leaseMs: Number(required("LEASE_MS")),
});
await dispatcher.runOnce();
throw new Error("the dispatcher returned instead of dying");
