import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createJobScheduler } from "../../src/composition/create-job-scheduler.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { defineJob, ZJobSlotPayload, type TScheduler } from "../../src/jobs/index.ts";
import { createTestDatabase } from "../support/test-database.ts";

// /healthz says when each scheduled job last ran and when it runs next (issue 13, item 1),
// from the JobRun table, whichever instance ran it; never an error's text.

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
// Friday 30 April 2027, 09:00 in Paris (UTC+2): the next weekday slot skips 1 May (a Saturday
// anyway) and lands on Monday 3 May at 08:00.
const NOW = new Date("2027-04-30T07:00:00.000Z");

describe("/healthz and the scheduled jobs", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let scheduler: TScheduler;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const job = defineJob({
      id: "healthz-probe",
      schedule: { cron: "0 8 * * 1-5", skipFrenchPublicHolidays: true },
      payloadSchema: ZJobSlotPayload,
      handler: async () => ({ looked: true }),
    });
    scheduler = createJobScheduler(database.prisma, {
      jobs: [job],
      logger: silent,
      instanceId: "healthz-test",
      clock: () => NOW,
      wake: () => ({ stop: () => undefined }),
    });
    const app = createHttpApp({ databaseKind: "postgres", pingDatabase: async () => {}, jobsStatus: () => scheduler.status(), logger: silent });
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await scheduler.stop();
    await database.drop();
  });

  it("shows a job that never ran, then its last run once it has run", async () => {
    const before = await (await fetch(`${base}/healthz`)).json();
    expect(before).toEqual({
      status: "ok",
      db: "postgres",
      jobs: [{ id: "healthz-probe", schedule: "0 8 * * 1-5 (Europe/Paris)", lastRun: null, nextRun: "2027-05-03T08:00:00+02:00" }],
    });

    await scheduler.runJob("healthz-probe");
    const after = (await (await fetch(`${base}/healthz`)).json()) as { jobs: Array<{ lastRun: object | null; nextRun: string | null }> };
    expect(after.jobs[0]?.lastRun).toMatchObject({ status: "SUCCEEDED", startedAt: NOW.toISOString(), finishedAt: NOW.toISOString() });
    expect(after.jobs[0]?.nextRun).toBe("2027-05-03T08:00:00+02:00");
  });
});
