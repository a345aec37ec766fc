import type { TClock } from "../app/ports/clock.ts";
import { createJobOutbox, createJobRuns } from "../db/job-runs.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { createScheduler, type TAnyJob, type TJobLogger, type TScheduler, type TWake } from "../jobs/index.ts";

/** What the scheduler needs besides the database. */
export interface TJobSchedulerOptions {
  jobs: TAnyJob[];
  logger: TJobLogger;
  /** Names this instance in the logs (the outbox dispatcher's instance id fits). */
  instanceId: string;
  clock?: TClock;
  leaseMs?: number;
  wake?: TWake;
}

/** The scheduler of `jobs` on one PostgreSQL database: call `start()` after migrations, `stop()` at shutdown. */
export function createJobScheduler(prisma: PrismaClient, { clock = () => new Date(), ...options }: TJobSchedulerOptions): TScheduler {
  return createScheduler({ ...options, clock, runs: createJobRuns(prisma), outbox: createJobOutbox(prisma) });
}
