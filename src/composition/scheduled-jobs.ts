// The jobs every instance schedules (src/jobs): each issue's jobs are added to this one list,
// so that main.ts, the playground's "run the jobs" and /healthz see the same ones.
import { createJobRuns } from "../db/job-runs.ts";
import { createReminderStore } from "../db/reminder-store.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { TAnyJob } from "../jobs/index.ts";
import { operationsJobs, type TOperationsPolicy } from "./operations-jobs.ts";
import { remindersJob } from "../jobs/reminders-job.ts";

/** What scheduled jobs may read besides the database. */
export interface TScheduledJobsOptions {
  clock: () => Date;
  /** Retention and personal-data jobs (issue 18); none when not given. */
  operations?: TOperationsPolicy;
}

/** Every scheduled job of this deployment. */
export function scheduledJobs(prisma: PrismaClient, options: TScheduledJobsOptions): TAnyJob[] {
  return [
    remindersJob({ store: createReminderStore(prisma), runs: createJobRuns(prisma), clock: options.clock }),
    ...(options.operations ? operationsJobs(prisma, options.operations) : []),
  ];
}
