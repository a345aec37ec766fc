// Every instance runs a scheduler; JobRun elects one of them per slot. At start it catches up
// the slot of today that no instance ran; node-cron then wakes it at each of a job's times.
import type { TClock } from "../app/ports/clock.ts";
import type { TAnyJob, TJobLogger } from "./job.ts";
import { localIsoDate, localIsoDateTime } from "./local-time.ts";
import { nodeCronWake, type TWake } from "./node-cron-wake.ts";
import type { TJobOutbox, TJobRunRecord, TJobRuns } from "./ports.ts";
import { runJobSlot, type TRunReason, type TSlotOutcome } from "./run-job-slot.ts";
import { DEFAULT_TIME_ZONE, nextSlot, slotsBetween } from "./slots.ts";

/** What the scheduler needs. */
export interface TSchedulerDeps {
  jobs: TAnyJob[];
  runs: TJobRuns;
  outbox: TJobOutbox;
  clock: TClock;
  logger: TJobLogger;
  instanceId: string;
  /** A run RUNNING for longer than this is taken over (its instance died); 30 minutes unless told. */
  leaseMs?: number;
  /** What wakes the scheduler; node-cron unless told (tests wake it by hand). */
  wake?: TWake;
  /**
   * When to look again for today's slots that failed or whose instance died (every 10 minutes
   * unless told; null: only at start and at the jobs' own times).
   */
  recheckCron?: string | null;
}

/** When a job last ran and when it runs next, for /healthz and the logs. */
export interface TJobStatus {
  jobId: string;
  cron: string;
  timeZone: string;
  lastRun: TJobRunRecord | null;
  /** The next slot after now, as an instant and in local time (null: the schedule has none left). */
  nextRunAt: Date | null;
  nextRunLocal: string | null;
}

/** A running scheduler. */
export interface TScheduler {
  /** Catches up today's missed slots, then lets node-cron wake the jobs. Returns what the catch-up did. */
  start(): Promise<TSlotOutcome[]>;
  /** Stops waking and waits for runs in progress. */
  stop(): Promise<void>;
  /** Runs, for each job, the latest slot of today that is due (the catch-up pass; safe to call any time). */
  runDue(reason?: TRunReason): Promise<TSlotOutcome[]>;
  /** Runs `jobId` now, whatever its schedule (the playground's "run the jobs"), under a run key of its own. */
  runJob(jobId: string): Promise<TSlotOutcome>;
  /** When each job last ran and runs next. */
  status(): Promise<TJobStatus[]>;
}

const DAY_MS = 24 * 3_600_000;
const timeZoneOf = (job: TAnyJob) => job.schedule.timeZone ?? DEFAULT_TIME_ZONE;

/**
 * The slot `job` owes at `at`: its latest slot at or before `at` on the same local day. A slot
 * of an earlier day is never caught up (a digest of yesterday is noise), nor are earlier slots of today.
 */
export function dueSlot(job: TAnyJob, at: Date): Date | null {
  const today = localIsoDate(at, timeZoneOf(job));
  const slots = slotsBetween(job.schedule, new Date(at.getTime() - DAY_MS), at).filter((slot) => localIsoDate(slot, timeZoneOf(job)) === today);
  return slots.at(-1) ?? null;
}

/** A scheduler over `deps.jobs`. Nothing runs before `start`. */
export function createScheduler(deps: TSchedulerDeps): TScheduler {
  const ids = new Set<string>();
  for (const job of deps.jobs) {
    if (ids.has(job.id)) throw new Error(`two jobs have the id ${job.id}`);
    ids.add(job.id);
  }
  const runDeps = { ...deps, leaseMs: deps.leaseMs ?? 30 * 60_000 };
  const wake = deps.wake ?? nodeCronWake(deps.logger);
  const inFlight = new Set<Promise<unknown>>();
  let wakes: { stop(): void }[] = [];

  function track<T>(work: Promise<T>): Promise<T> {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  async function runAt(job: TAnyJob, at: Date, reason: TRunReason): Promise<TSlotOutcome | null> {
    const slot = dueSlot(job, at);
    return slot ? track(runJobSlot(job, slot, reason, runDeps)) : null;
  }

  function onWake(job: TAnyJob, date: Date): void {
    // node-cron may fire a hair before the slot: read the time as the later of the two.
    const now = deps.clock();
    const at = date.getTime() > now.getTime() ? date : now;
    runAt(job, at, "scheduled").catch((error: unknown) => {
      deps.logger.error({ jobId: job.id, instanceId: deps.instanceId, error: String(error) }, "job wake failed");
    });
  }

  async function recheck(): Promise<void> {
    try {
      await scheduler.runDue("recheck");
    } catch (error) {
      deps.logger.error({ instanceId: deps.instanceId, error: String(error) }, "job recheck failed");
    }
  }

  const scheduler: TScheduler = {
    async runDue(reason = "catch_up") {
      const now = deps.clock();
      const outcomes = await Promise.all(deps.jobs.map((job) => runAt(job, now, reason)));
      return outcomes.filter((outcome) => outcome !== null);
    },

    async runJob(jobId) {
      const job = deps.jobs.find((candidate) => candidate.id === jobId);
      if (!job) throw new Error(`no job has the id ${jobId}`);
      return track(runJobSlot(job, deps.clock(), "manual", runDeps));
    },

    async start() {
      const outcomes = await scheduler.runDue("catch_up");
      wakes = deps.jobs.map((job) => wake(job.id, job.schedule.cron, timeZoneOf(job), (date) => onWake(job, date)));
      const recheckCron = deps.recheckCron === undefined ? "*/10 * * * *" : deps.recheckCron;
      if (recheckCron !== null && deps.jobs.length > 0) wakes.push(wake("recheck", recheckCron, DEFAULT_TIME_ZONE, () => void recheck()));
      for (const status of await scheduler.status()) {
        deps.logger.info(
          { jobId: status.jobId, instanceId: deps.instanceId, lastRun: status.lastRun?.runKey ?? null, nextRun: status.nextRunLocal },
          "job scheduled",
        );
      }
      return outcomes;
    },

    async stop() {
      for (const handle of wakes) handle.stop();
      wakes = [];
      await Promise.allSettled([...inFlight]);
    },

    status: () => jobsStatus(deps.jobs, deps.runs, deps.clock()),
  };
  return scheduler;
}

/** When each of `jobs` last ran (from JobRun, whichever instance ran it) and runs next after `now`. */
export async function jobsStatus(jobs: TAnyJob[], runs: TJobRuns, now: Date): Promise<TJobStatus[]> {
  const latest = new Map((await runs.latest(jobs.map((job) => job.id))).map((run) => [run.jobId, run]));
  return jobs.map((job) => {
    const next = nextSlot(job.schedule, now);
    return {
      jobId: job.id,
      cron: job.schedule.cron,
      timeZone: timeZoneOf(job),
      lastRun: latest.get(job.id) ?? null,
      nextRunAt: next,
      nextRunLocal: next && localIsoDateTime(next, timeZoneOf(job)),
    };
  });
}
