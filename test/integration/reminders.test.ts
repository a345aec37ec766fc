import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZNotificationPayload, type TNotificationPayload } from "../../src/app/notifications/notification.ts";
import { createJobScheduler } from "../../src/composition/create-job-scheduler.ts";
import { createDatabase, type TDatabase } from "../../src/db/create-database.ts";
import { createJobRuns } from "../../src/db/job-runs.ts";
import { createReminderStore } from "../../src/db/reminder-store.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { TWake } from "../../src/jobs/index.ts";
import { remindersJob } from "../../src/jobs/reminders-job.ts";
import { DAY_MS, demoIds, insertConvention } from "../support/reminder-fixtures.ts";
import { createTestDatabase } from "../support/test-database.ts";

// Monday 4 January 2027, 08:00 in Paris (UTC+1).
const MONDAY_0800 = new Date("2027-01-04T07:00:00.000Z");
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const noWake: TWake = () => ({ stop: () => undefined });

type TIds = Awaited<ReturnType<typeof demoIds>>;

describe("the centres' digests and reminders on PostgreSQL", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let prisma: PrismaClient;
  const others: TDatabase[] = [];
  let instances: PrismaClient[];
  let ids: TIds;

  function scheduler(client: PrismaClient, at: () => Date, instance = 0, store = createReminderStore(client), batchSize?: number) {
    const job = remindersJob({ store, runs: createJobRuns(client), clock: at, leaseMs: 60_000, ...(batchSize === undefined ? {} : { batchSize }) });
    return createJobScheduler(client, { jobs: [job], logger: silent, instanceId: `i${instance}`, clock: at, wake: noWake, leaseMs: 60_000 });
  }

  /** Runs the catch-up pass of one instance at `at` (what a start does), then stops it. */
  async function runAt(at: Date, client: PrismaClient = prisma) {
    const created = scheduler(client, () => at);
    const outcomes = await created.start();
    await created.stop();
    return outcomes;
  }

  const outbox = async () =>
    (await prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((row) => ({
      key: row.dedupeKey,
      recipientId: row.recipientId,
      payload: ZNotificationPayload.parse(row.payload),
    }));
  const digests = async () =>
    (await outbox()).filter((row): row is typeof row & { payload: Extract<TNotificationPayload, { kind: "digest" }> } => row.payload.kind === "digest");
  const reminders = async () => (await outbox()).filter((row) => row.payload.kind === "reminder");

  beforeAll(async () => {
    database = await createTestDatabase();
    prisma = database.prisma;
    await seedReferenceData(prisma);
    await seedDemo(prisma);
    for (let index = 0; index < 2; index += 1) others.push(await createDatabase({ databaseUrl: database.url, poolSize: 4 }));
    instances = [prisma, ...others.map((other) => other.prisma)];
    ids = await demoIds(prisma);
  });

  beforeEach(async () => {
    await prisma.outboxMessage.deleteMany();
    await prisma.reminderDelivery.deleteMany();
    await prisma.reminderPause.deleteMany();
    await prisma.jobRun.deleteMany();
    await prisma.validationDecision.deleteMany();
    await prisma.convention.deleteMany();
    await prisma.centreGestion.updateMany({
      data: {
        reminderCron: "0 8 * * 1-5",
        reminderTimezone: "Europe/Paris",
        referentReminderDays: 3,
        escalationDays: 7,
        draftReminderDays: 7,
        startingSoonDays: 14,
      },
    });
  });

  afterAll(async () => {
    for (const other of others) await other.close();
    await database?.drop();
  });

  it("sends each centre's digest exactly once per slot when three instances start at once", async () => {
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 2 });
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 5 });
    const schedulers = instances.map((client, index) => scheduler(client, () => MONDAY_0800, index));
    await Promise.all(schedulers.map((each) => each.start()));
    await Promise.all(schedulers.map((each) => each.stop()));
    // DEMO-PSY's two gestionnaires; DEMO-SCI has nothing waiting, so nothing is sent there.
    const sent = await digests();
    expect(sent.map((row) => row.recipientId).sort()).toEqual([ids.garcia, ids.fontaine].sort());
    expect(sent.every((row) => row.payload.centreId === ids.psy)).toBe(true);
    const runs = await prisma.jobRun.findMany({ where: { jobId: "reminders:DEMO-PSY" } });
    expect(runs.map((run) => [run.runKey, run.status])).toEqual([["reminders:DEMO-PSY:2027-01-04T08:00:00+01:00", "SUCCEEDED"]]);
    // The next ticks of the same day find the slot done.
    await Promise.all(instances.map((client) => runAt(new Date(MONDAY_0800.getTime() + 5 * 60_000), client)));
    expect(await digests()).toHaveLength(2);
  });

  it("reruns a centre's run killed half-way, sending only the missing messages", async () => {
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 1 });
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", step: "PEDAGOGIQUE", ageDays: 9 });
    const store = createReminderStore(prisma);
    let deliveries = 0;
    const dying = {
      ...store,
      deliver: async (...args: Parameters<typeof store.deliver>) => {
        deliveries += 1;
        if (deliveries === 3) throw new Error("killed half-way");
        return store.deliver(...args);
      },
    };
    const first = scheduler(prisma, () => MONDAY_0800, 0, dying, 1);
    await first.start();
    await first.stop();
    const afterCrash = await outbox();
    // Two digests, a référent reminder and two escalations are owed; two went before the crash.
    expect(afterCrash).toHaveLength(2);
    expect((await prisma.jobRun.findFirstOrThrow({ where: { jobId: "reminders:DEMO-PSY" } })).status).toBe("FAILED");
    // The recheck ten minutes later retakes the failed slot and sends the other three, once each.
    await runAt(new Date(MONDAY_0800.getTime() + 10 * 60_000));
    const all = await outbox();
    expect(all).toHaveLength(5);
    expect(new Set(all.map((row) => row.key)).size).toBe(5);
    expect(all.slice(0, 2)).toEqual(afterCrash);
  });

  it("keeps a centre's 08:00 at 08:00 in Paris across both clock changes, and sends nothing on 1 May or 25 December", async () => {
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 1 });
    const slotKeys = async () =>
      (await prisma.jobRun.findMany({ where: { jobId: "reminders:DEMO-PSY" }, orderBy: { runKey: "asc" } })).map((run) => run.runKey);
    // Monday 29 March 2027, the day after the last Sunday of March, is Easter Monday: no digest.
    await runAt(new Date("2027-03-29T06:00:00.000Z"));
    // Tuesday 30 March: 08:00 is 06:00 UTC; at 07:55 local nothing is due.
    await runAt(new Date("2027-03-30T05:55:00.000Z"));
    expect(await slotKeys()).toEqual([]);
    await runAt(new Date("2027-03-30T06:00:00.000Z"));
    // Tuesday 2 November 2027, after the last Sunday of October (Monday 1 November is a holiday): 08:00 is 07:00 UTC.
    await runAt(new Date("2027-11-02T06:55:00.000Z"));
    await runAt(new Date("2027-11-02T07:00:00.000Z"));
    expect(await slotKeys()).toEqual(["reminders:DEMO-PSY:2027-03-30T08:00:00+02:00", "reminders:DEMO-PSY:2027-11-02T08:00:00+01:00"]);
    // 1 May 2028 and 25 December 2028 are Mondays, and public holidays.
    await runAt(new Date("2028-05-01T06:00:00.000Z"));
    await runAt(new Date("2028-12-25T07:00:00.000Z"));
    expect(await slotKeys()).toHaveLength(2);
    expect((await digests()).map((row) => row.payload.localDate)).toEqual(["2027-03-30", "2027-03-30", "2027-11-02", "2027-11-02"]);
  });

  it("follows each centre's own schedule, read again at every tick", async () => {
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-SCI", state: "SUBMITTED", ageDays: 1 });
    await prisma.centreGestion.update({ where: { id: ids.sci }, data: { reminderCron: "30 9 * * *" } });
    await runAt(MONDAY_0800);
    expect(await digests()).toEqual([]);
    await runAt(new Date("2027-01-04T08:30:00.000Z"));
    expect((await digests()).map((row) => row.recipientId).sort()).toEqual([ids.mansouri, ids.fontaine].sort());
  });

  it("catches up a slot missed while no instance ran at the next start, once", async () => {
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 1 });
    const late = new Date("2027-01-04T09:32:00.000Z");
    const outcomes = await Promise.all(instances.slice(0, 2).map((client) => runAt(late, client)));
    expect(outcomes.flat().filter((outcome) => outcome.status === "succeeded")).toHaveLength(1);
    expect(await digests()).toHaveLength(2);
    await runAt(new Date("2027-01-04T11:00:00.000Z"));
    expect(await digests()).toHaveLength(2);
    expect(await prisma.jobRun.count({ where: { jobId: "reminders:DEMO-PSY" } })).toBe(1);
  });

  it("lists per step with ages, oldest first, urgent internships at the top, and when the previous digest went", async () => {
    const young = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 1 });
    const old = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 6 });
    const urgent = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", step: "PEDAGOGIQUE", ageDays: 0, startsInDays: 5 });
    const later = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 2, startsInDays: 60 });
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "VALIDATED", ageDays: 3, startsInDays: 2 });
    await runAt(MONDAY_0800);
    const [digest] = (await digests()).filter((row) => row.recipientId === ids.garcia);
    expect(digest?.payload.previousAt).toBeNull();
    expect(digest?.payload.urgent).toEqual({
      total: 1,
      items: [expect.objectContaining({ conventionId: urgent, urgent: true, waitingDays: 0, step: "PEDAGOGIQUE" })],
    });
    const administrative = digest?.payload.steps.find((step) => step.step === "VALIDATION_ADMINISTRATIVE");
    expect(administrative?.items.map((item) => [item.conventionId, item.waitingDays])).toEqual([
      [old, 6],
      [later, 2],
      [young, 1],
    ]);
    // The next working day's digest says when this one went.
    const tuesday = new Date(MONDAY_0800.getTime() + DAY_MS);
    await runAt(tuesday);
    const tuesdays = (await digests()).filter((row) => row.recipientId === ids.garcia && row.payload.localDate === "2027-01-05");
    expect(tuesdays[0]?.payload.previousAt).toBe(MONDAY_0800.toISOString());
    expect(tuesdays[0]?.payload.steps.find((step) => step.step === "VALIDATION_ADMINISTRATIVE")?.items[0]?.waitingDays).toBe(7);
  });

  it("reminds the référent after N days and tells the gestionnaires once after M days", async () => {
    const waiting = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", step: "PEDAGOGIQUE", ageDays: 4 });
    await runAt(MONDAY_0800);
    expect((await reminders()).map((row) => [row.recipientId, row.payload.kind === "reminder" && row.payload.reminder])).toEqual([[ids.lambert, "referent"]]);
    // Three days later it has waited 7: the gestionnaires are told; the référent is not reminded again.
    for (let day = 1; day <= 3; day += 1) await runAt(new Date(MONDAY_0800.getTime() + day * DAY_MS));
    const after = await reminders();
    expect(after.map((row) => [row.recipientId, row.payload.kind === "reminder" && row.payload.reminder]).sort()).toEqual(
      [
        [ids.lambert, "referent"],
        [ids.garcia, "escalation"],
        [ids.fontaine, "escalation"],
      ].sort(),
    );
    expect(after.find((row) => row.recipientId === ids.garcia)?.payload).toMatchObject({ conventionId: waiting, days: 7, referentName: "Sophie Lambert" });
    // And never again on the following days.
    await runAt(new Date(MONDAY_0800.getTime() + 7 * DAY_MS));
    expect(await reminders()).toHaveLength(3);
  });

  it("reminds students of an untouched draft, a returned convention and a start within D days, once each", async () => {
    const draft = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "DRAFT", ageDays: 8 });
    const fresh = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "DRAFT", ageDays: 1 });
    const soon = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "DRAFT", ageDays: 0, startsInDays: 10 });
    const returned = await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "RETURNED", ageDays: 9 });
    await prisma.validationDecision.create({
      data: {
        conventionId: returned,
        round: 1,
        step: "PEDAGOGIQUE",
        decision: "REFUSED",
        reason: "dates",
        deciderId: ids.lambert,
        decidedAt: new Date(MONDAY_0800.getTime() - 8 * DAY_MS),
      },
    });
    await runAt(MONDAY_0800);
    const told = (await reminders()).map((row) => row.payload.kind === "reminder" && [row.payload.conventionId, row.payload.reminder, row.payload.days]);
    expect(told.sort()).toEqual(
      [
        [draft, "draft", 8],
        [soon, "starting_soon", 10],
        [returned, "returned", 8],
      ].sort(),
    );
    expect(told.some((entry) => entry && entry[0] === fresh)).toBe(false);
    // The next days: nothing new, however long the draft stays as it is.
    for (let day = 1; day <= 4; day += 1) await runAt(new Date(MONDAY_0800.getTime() + day * DAY_MS));
    expect(await reminders()).toHaveLength(3);
  });

  it("sends nothing to someone who paused reminders, and nothing at all when nothing waits", async () => {
    await runAt(MONDAY_0800);
    expect(await outbox()).toEqual([]);
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 2 });
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", step: "PEDAGOGIQUE", ageDays: 10 });
    await prisma.reminderPause.createMany({ data: [{ personId: ids.fontaine }, { personId: ids.lambert }] });
    await runAt(new Date(MONDAY_0800.getTime() + DAY_MS));
    const recipients = (await outbox()).map((row) => row.recipientId);
    expect(recipients).not.toContain(ids.fontaine);
    expect(recipients).not.toContain(ids.lambert);
    expect(recipients.filter((id) => id === ids.garcia)).toHaveLength(2);
  });
});

describe("the reminders job on one connection, as on the embedded database", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase(1);
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("runs every centre's slot without waiting on its own connection, once for three schedulers", async () => {
    const prisma = database.prisma;
    await insertConvention(prisma, MONDAY_0800, { centre: "DEMO-PSY", state: "SUBMITTED", ageDays: 2 });
    await insertConvention(prisma, MONDAY_0800, {
      centre: "DEMO-SCI",
      state: "SUBMITTED",
      step: "PEDAGOGIQUE",
      ageDays: 9,
      student: "ines.haddad@etu.univ-demo.fr",
    });
    const schedulers = [0, 1, 2].map((instance) =>
      createJobScheduler(prisma, {
        jobs: [remindersJob({ store: createReminderStore(prisma), runs: createJobRuns(prisma), clock: () => MONDAY_0800 })],
        logger: silent,
        instanceId: `i${instance}`,
        clock: () => MONDAY_0800,
        wake: noWake,
      }),
    );
    const outcomes = (await Promise.all(schedulers.map((each) => each.start()))).flat();
    await Promise.all(schedulers.map((each) => each.stop()));
    expect(outcomes.filter((outcome) => outcome.status === "succeeded")).toHaveLength(1);
    // PSY: two digests; SCI: a référent reminder and two escalations (its digest is empty: the convention waits for the référent).
    const rows = await prisma.outboxMessage.findMany();
    expect(rows.map((row) => row.kind).sort()).toEqual(["digest", "digest", "reminder", "reminder", "reminder"]);
  });
});
