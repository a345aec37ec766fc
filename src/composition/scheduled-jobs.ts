// The jobs every instance schedules (src/jobs): each issue's jobs are added to this one list,
// so that main.ts, the playground's "run the jobs" and /healthz see the same ones.
import type { PrismaClient } from "../generated/prisma/client.ts";
import type { TAnyJob } from "../jobs/index.ts";

/** What scheduled jobs may read besides the database. */
export interface TScheduledJobsOptions {
  clock: () => Date;
}

/** Every scheduled job of this deployment. */
export function scheduledJobs(_prisma: PrismaClient, _options: TScheduledJobsOptions): TAnyJob[] {
  return [];
}
