import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type TDatabase } from "../../src/db/create-database.ts";
import { createJobOutbox, createJobRuns } from "../../src/db/job-runs.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { createScheduler, type TScheduler } from "../../src/jobs/create-scheduler.ts";
import { defineJob, ZJobSlotPayload } from "../../src/jobs/job.ts";
import type { TWake } from "../../src/jobs/node-cron-wake.ts";
import { deliveryKey } from "../../src/jobs/run-keys.ts";
import { createTestDatabase } from "../support/test-database.ts";

// Monday 4 January 2027; Paris is at UTC+1.
const MONDAY_0800 = new Date("2027-01-04T07:00:00.000Z");
const MONDAY_1030 = new Date("2027-01-04T09:30:00.000Z");
const TUESDAY_0700 = new Date("2027-01-05T06:00:00.000Z");
const LEASE_MS = 60_000;

type TLogEntry = { level: string; details: object; message: string };

function captureLogs() {
  const entries: TLogEntry[] = [];
  const log = (level: string) => (details: object, message: string) => void entries.push({ level, details, message });
  return { entries, logger: { info: log("info"), warn: log("warn"), error: log("error") } };
}

/** A wake driven by the test: `fire` does what node-cron does at a time, on every scheduler at once. */
function manualWake() {
  const listeners: Array<{ jobId: string; onWake: (date: Date) => void }> = [];
  const wake: TWake = (jobId, _cron, _timeZone, onWake) => {
    const listener = { jobId, onWake };
    listeners.push(listener);
    return { stop: () => listeners.splice(listeners.indexOf(listener), 1) };
  };
  const fire = (date: Date, jobId = "test-digest") => listeners.filter((listener) => listener.jobId === jobId).forEach((listener) => listener.onWake(date));
  return { wake, fire, listeners };
}

describe("scheduled jobs on several instances sharing one PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const others: TDatabase[] = [];
  let prisma: PrismaClient;
  let recipients: number[];
  let conventionId: number;
  /** Each instance has a connection pool of its own, as separate processes would. */
  let instances: PrismaClient[];

  // A digest-like job: one notification per recipient, each enqueued in its own transaction,
  // and a switch that makes it die after the second one.
  const calls: string[] = [];
  const crash = { afterEnqueued: Number.POSITIVE_INFINITY };
  const digestJob = defineJob({
    id: "test-digest",
    schedule: { cron: "0 8 * * 1-5", skipFrenchPublicHolidays: true },
    payloadSchema: ZJobSlotPayload,
    async handler({ payload, enqueue }) {
      calls.push(payload.slotAt);
      let enqueued = 0;
      for (const [index, recipientId] of recipients.entries()) {
        if (index >= crash.afterEnqueued) throw new Error("killed half-way");
        const dedupeKey = deliveryKey({ recipientId, kind: "digest", localDate: payload.localDate });
        enqueued += await enqueue([{ recipientId, dedupeKey, payload: { kind: "validated", conventionId } }]);
      }
      return { enqueued };
    },
  });

  function scheduler(instance: number, at: () => Date, wake: TWake = manualWake().wake): TScheduler & { logs: TLogEntry[] } {
    const client = instances[instance] ?? prisma;
    const { entries, logger } = captureLogs();
    const created = createScheduler({
      jobs: [digestJob],
      runs: createJobRuns(client),
      outbox: createJobOutbox(client),
      clock: at,
      logger,
      instanceId: `instance-${instance}`,
      leaseMs: LEASE_MS,
      wake,
    });
    return Object.assign(created, { logs: entries });
  }

  const outboxKeys = async () => (await prisma.outboxMessage.findMany({ orderBy: { dedupeKey: "asc" } })).map((row) => row.dedupeKey);
  const jobRuns = () => prisma.jobRun.findMany({ orderBy: { runKey: "asc" } });

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = database.prisma;
    for (let index = 0; index < 2; index += 1) others.push(await createDatabase({ databaseUrl: database.url, poolSize: 4 }));
    instances = [prisma, ...others.map((other) => other.prisma)];
    recipients = [];
    for (const name of ["Martin", "Bernard", "Petit"]) {
      const person = await prisma.person.create({ data: { email: `${name.toLowerCase()}@univ.example.fr`, lastName: name, firstName: "Claire" } });
      recipients.push(person.id);
    }
    const student = await prisma.person.create({
      data: {
        email: "ines@etu.example.fr",
        lastName: "Durand",
        firstName: "Inès",
        student: { create: { studentNumber: "22000001", birthDate: new Date("2004-05-06") } },
      },
    });
    conventionId = (await prisma.convention.create({ data: { studentId: student.id, createdById: student.id } })).id;
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
    await prisma.jobRun.deleteMany();
    calls.length = 0;
    crash.afterEnqueued = Number.POSITIVE_INFINITY;
  });

  afterAll(async () => {
    for (const other of others) await other.close();
    await database?.drop();
  });

  it("runs a slot exactly once when three instances are woken for it at once", async () => {
    const { wake, fire } = manualWake();
    const clock = { now: new Date(MONDAY_0800.getTime() - 60_000) };
    // Each instance's clock reads a few ms apart, as on three machines.
    const schedulers = [0, 1, 2].map((instance) => scheduler(instance, () => new Date(clock.now.getTime() + instance * 3), wake));
    // Started at 07:59: nothing is due yet.
    const started = await Promise.all(schedulers.map((each) => each.start()));
    expect(started.flat()).toEqual([]);

    clock.now = MONDAY_0800;
    fire(MONDAY_0800);
    await Promise.all(schedulers.map((each) => each.stop()));

    expect(calls).toEqual([MONDAY_0800.toISOString()]);
    expect(await outboxKeys()).toEqual(recipients.map((id) => `job:digest:${id}:2027-01-04`).sort());
    const runs = await jobRuns();
    expect(runs.map(({ runKey, status }) => ({ runKey, status }))).toEqual([{ runKey: "test-digest:2027-01-04T08:00:00+01:00", status: "SUCCEEDED" }]);
    expect(runs[0]?.result).toEqual({ enqueued: 3 });
    const logs = schedulers.flatMap((each) => each.logs.map((entry) => entry.message));
    expect(logs.filter((message) => message === "job run succeeded")).toHaveLength(1);
    expect(logs.filter((message) => message.startsWith("job slot not run here"))).toHaveLength(2);
  });

  it("reruns a run killed half-way, enqueueing only what it had not", async () => {
    crash.afterEnqueued = 2;
    const first = scheduler(0, () => MONDAY_0800);
    const [failed] = await first.runDue("scheduled");
    expect(failed).toMatchObject({ status: "failed", error: "killed half-way" });
    expect(await outboxKeys()).toHaveLength(2);
    expect((await jobRuns())[0]).toMatchObject({ status: "FAILED", error: "killed half-way" });
    expect(first.logs.find((entry) => entry.message === "job run failed")?.details).toMatchObject({ runKey: "test-digest:2027-01-04T08:00:00+01:00" });

    crash.afterEnqueued = Number.POSITIVE_INFINITY;
    const [rerun] = await scheduler(1, () => new Date(MONDAY_0800.getTime() + 5_000)).runDue();
    expect(rerun).toMatchObject({ status: "succeeded", result: { enqueued: 1 } });
    expect(await outboxKeys()).toEqual(recipients.map((id) => `job:digest:${id}:2027-01-04`).sort());
    expect(calls).toHaveLength(2);

    // Done is done: a third pass the same day runs nothing.
    expect(await scheduler(2, () => MONDAY_1030).runDue()).toMatchObject([{ status: "not_elected" }]);
    expect(calls).toHaveLength(2);
  });

  it("takes over a run whose instance died only once its lease has expired", async () => {
    // The dying instance took the slot at 08:00 and never finished.
    await createJobRuns(prisma).claim("test-digest", "test-digest:2027-01-04T08:00:00+01:00", MONDAY_0800, new Date(0));
    const withinLease = await scheduler(1, () => new Date(MONDAY_0800.getTime() + LEASE_MS - 1)).runDue();
    expect(withinLease).toMatchObject([{ status: "not_elected" }]);
    const afterLease = await Promise.all([1, 2].map((instance) => scheduler(instance, () => new Date(MONDAY_0800.getTime() + LEASE_MS + 1)).runDue()));
    expect(
      afterLease
        .flat()
        .map((outcome) => outcome.status)
        .sort(),
    ).toEqual(["not_elected", "succeeded"]);
    expect(calls).toHaveLength(1);
  });

  it("catches up a slot missed while every instance was down, once, though two instances start together", async () => {
    // Nobody ran at 08:00; two instances start at 10:30 the same day.
    const outcomes = await Promise.all([0, 1].map((instance) => scheduler(instance, () => MONDAY_1030).start()));
    expect(
      outcomes
        .flat()
        .map((outcome) => outcome.status)
        .sort(),
    ).toEqual(["not_elected", "succeeded"]);
    expect(calls).toEqual([MONDAY_0800.toISOString()]);
    expect(await outboxKeys()).toHaveLength(3);

    // A later start the same day finds it done.
    expect(await scheduler(2, () => new Date(MONDAY_1030.getTime() + 3_600_000)).start()).toMatchObject([{ status: "not_elected" }]);
    expect(calls).toHaveLength(1);
  });

  it("does not catch up a slot of an earlier day", async () => {
    // Down from Monday 07:00 to Tuesday 07:00: Monday's digest is not sent on Tuesday morning.
    const restarted = scheduler(0, () => TUESDAY_0700);
    expect(await restarted.start()).toEqual([]);
    await restarted.stop();
    expect(calls).toEqual([]);
    expect(await jobRuns()).toEqual([]);
  });

  it("does not run on a public holiday, even when woken", async () => {
    // Friday 1 January 2027 is the jour de l'An.
    const holiday = new Date("2027-01-01T07:00:00.000Z");
    const { wake, fire } = manualWake();
    const holidayScheduler = scheduler(0, () => holiday, wake);
    expect(await holidayScheduler.start()).toEqual([]);
    fire(holiday);
    await holidayScheduler.stop();
    expect(calls).toEqual([]);
  });

  it("retries a failed run at the next recheck of the same day, without a restart", async () => {
    const { wake, fire } = manualWake();
    const clock = { now: MONDAY_0800 };
    const instance = scheduler(0, () => clock.now, wake);
    crash.afterEnqueued = 1;
    expect(await instance.start()).toMatchObject([{ status: "failed" }]);
    crash.afterEnqueued = Number.POSITIVE_INFINITY;
    clock.now = new Date(MONDAY_0800.getTime() + 10 * 60_000);
    fire(clock.now, "recheck");
    await instance.stop();
    expect(calls).toHaveLength(2);
    expect((await jobRuns())[0]).toMatchObject({ status: "SUCCEEDED", result: { enqueued: 2 } });
    expect(await outboxKeys()).toHaveLength(3);
    // Rechecks find nothing to say about slots that are done.
    expect(instance.logs.filter((entry) => entry.message.startsWith("job slot not run here"))).toEqual([]);
  });

  it("runs a job by hand under a key of its own, enqueueing nothing already sent that day", async () => {
    await scheduler(0, () => MONDAY_0800).runDue();
    const byHand = await scheduler(1, () => MONDAY_1030).runJob("test-digest");
    expect(byHand).toMatchObject({ status: "succeeded", runKey: "test-digest:manual:2027-01-04T10:30:00+01:00", result: { enqueued: 0 } });
    // On a Saturday, when no slot is due, it still runs.
    const saturday = await scheduler(1, () => new Date("2027-01-09T14:00:00Z")).runJob("test-digest");
    expect(saturday).toMatchObject({ status: "succeeded", result: { enqueued: 3 } });
    expect(calls).toHaveLength(3);
    await expect(scheduler(1, () => MONDAY_1030).runJob("no-such-job")).rejects.toThrow("no job has the id no-such-job");
  });

  it("says when each job last ran and when it runs next, whichever instance ran it", async () => {
    const before = await scheduler(0, () => MONDAY_1030).status();
    expect(before).toEqual([
      {
        jobId: "test-digest",
        cron: "0 8 * * 1-5",
        timeZone: "Europe/Paris",
        lastRun: null,
        nextRunAt: new Date("2027-01-05T07:00:00.000Z"),
        nextRunLocal: "2027-01-05T08:00:00+01:00",
      },
    ]);
    await scheduler(1, () => MONDAY_1030).runDue();
    const [after] = await scheduler(2, () => MONDAY_1030).status();
    expect(after?.lastRun).toMatchObject({ runKey: "test-digest:2027-01-04T08:00:00+01:00", status: "SUCCEEDED", startedAt: MONDAY_1030 });
  });

  it("stops waking once stopped", async () => {
    const { wake, fire, listeners } = manualWake();
    const clock = { now: new Date(MONDAY_0800.getTime() - 60_000) };
    const stopped = scheduler(0, () => clock.now, wake);
    await stopped.start();
    expect(listeners.map((listener) => listener.jobId)).toEqual(["test-digest", "recheck"]);
    await stopped.stop();
    clock.now = MONDAY_0800;
    fire(MONDAY_0800);
    expect(listeners).toHaveLength(0);
    expect(calls).toEqual([]);
  });
});
