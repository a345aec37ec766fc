import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobScheduler } from "../../src/composition/create-job-scheduler.ts";
import { defineJob, deliveryKey, ZJobSlotPayload, type TWake } from "../../src/jobs/index.ts";
import { createTestDatabase } from "../support/test-database.ts";

// Monday 4 January 2027, 08:00 in Paris.
const MONDAY_0800 = new Date("2027-01-04T07:00:00.000Z");
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const noWake: TWake = () => ({ stop: () => undefined });

describe("scheduled jobs on one connection, as on the embedded database", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let recipientId: number;
  let conventionId: number;

  beforeAll(async () => {
    database = await createTestDatabase(1);
    const person = await database.prisma.person.create({
      data: {
        email: "ines@etu.example.fr",
        lastName: "Durand",
        firstName: "Inès",
        student: { create: { studentNumber: "22000001", birthDate: new Date("2004-05-06") } },
      },
    });
    recipientId = person.id;
    conventionId = (await database.prisma.convention.create({ data: { studentId: person.id, createdById: person.id } })).id;
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("reads, enqueues and records runs without waiting on its own connection", async () => {
    const prisma = database.prisma;
    const job = defineJob({
      id: "one-connection",
      schedule: { cron: "0 8 * * 1-5" },
      payloadSchema: ZJobSlotPayload,
      async handler({ payload, enqueue }) {
        // A read between two enqueues: each enqueue's transaction is over when it returns.
        const first = await enqueue([
          { recipientId, dedupeKey: deliveryKey({ recipientId, kind: "a", localDate: payload.localDate }), payload: { kind: "validated", conventionId } },
        ]);
        const people = await prisma.person.count();
        const second = await enqueue([
          { recipientId, dedupeKey: deliveryKey({ recipientId, kind: "b", localDate: payload.localDate }), payload: { kind: "validated", conventionId } },
        ]);
        return { enqueued: first + second, people };
      },
    });
    const schedulers = [0, 1, 2].map((instance) =>
      createJobScheduler(prisma, { jobs: [job], logger: silent, instanceId: `i${instance}`, clock: () => MONDAY_0800, wake: noWake }),
    );
    const outcomes = (await Promise.all(schedulers.map((scheduler) => scheduler.start()))).flat();
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["not_elected", "not_elected", "succeeded"]);
    expect(outcomes.find((outcome) => outcome.status === "succeeded")).toMatchObject({ result: { enqueued: 2, people: 1 } });
    expect(await prisma.outboxMessage.count()).toBe(2);
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
  });
});
