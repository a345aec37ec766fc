// The scheduler's ports on PostgreSQL (src/jobs/ports.ts). JobRun's unique runKey elects one
// instance per slot: the insert that wins returns a row, every other one returns none.
import type { TJobOutbox, TJobRunRecord, TJobRuns } from "../jobs/ports.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { enqueueNotifications } from "./outbox.ts";

const fields = { jobId: true, runKey: true, status: true, startedAt: true, finishedAt: true } as const;

/** The JobRun table as the scheduler's port. */
export function createJobRuns(prisma: PrismaClient): TJobRuns {
  return {
    async claim(jobId, runKey, now, staleBefore) {
      // One statement: a conflicting row is locked while its WHERE is read again, so two
      // instances taking over the same failed or dead run cannot both win.
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        INSERT INTO "JobRun" ("jobId", "runKey", "status", "startedAt")
        VALUES (${jobId}, ${runKey}, 'RUNNING', ${now})
        ON CONFLICT ("runKey") DO UPDATE
          SET "status" = 'RUNNING', "startedAt" = ${now}, "finishedAt" = NULL, "error" = NULL, "result" = NULL
          WHERE "JobRun"."status" = 'FAILED' OR ("JobRun"."status" = 'RUNNING' AND "JobRun"."startedAt" < ${staleBefore})
        RETURNING "id"`;
      return rows.length === 1;
    },

    async finish(runKey, outcome, now) {
      await prisma.jobRun.update({
        where: { runKey },
        data:
          outcome.status === "SUCCEEDED"
            ? { status: "SUCCEEDED", result: outcome.result, finishedAt: now }
            : { status: "FAILED", error: outcome.error.slice(0, 2000), finishedAt: now },
      });
    },

    async latest(jobIds) {
      // One indexed lookup per job (jobId, startedAt): Prisma's distinct would read every run.
      const rows = await Promise.all(jobIds.map((jobId) => prisma.jobRun.findFirst({ where: { jobId }, orderBy: { startedAt: "desc" }, select: fields })));
      return rows.filter((row): row is TJobRunRecord => row !== null);
    },
  };
}

/** Enqueues scheduled notifications in a short transaction of their own, committed on return. */
export function createJobOutbox(prisma: PrismaClient): TJobOutbox {
  return (notifications, now) => prisma.$transaction((tx) => enqueueNotifications(tx, notifications, now));
}
