// The jobs every instance schedules (src/jobs): each issue's jobs are added to this one list,
// so that main.ts, the playground's "run the jobs" and /healthz see the same ones.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { TAnyJob } from "../jobs/index.ts";
import { operationsJobs, type TOperationsPolicy } from "./operations-jobs.ts";

/** What scheduled jobs may read besides the database. */
export interface TScheduledJobsOptions {
  clock: () => Date;
  /** Retention and personal-data jobs (issue 18); none when not given. */
  operations?: TOperationsPolicy;
}

/** Every scheduled job of this deployment. */
export function scheduledJobs(prisma: PrismaClient, options: TScheduledJobsOptions): TAnyJob[] {
  return [...(options.operations ? operationsJobs(prisma, options.operations) : [])];
}
