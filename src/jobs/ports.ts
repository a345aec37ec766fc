// What the scheduler needs from the database, implemented in src/db/job-runs.ts.
import type { TNotification } from "../app/notifications/notification.ts";
import type { TJobResult } from "./job.ts";

/** One recorded run of a job. */
export interface TJobRunRecord {
  jobId: string;
  runKey: string;
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  startedAt: Date;
  finishedAt: Date | null;
}

/** The JobRun table: one row per (job, slot), which elects the instance that runs the slot. */
export interface TJobRuns {
  /**
   * Takes the slot `runKey` for this instance. True for exactly one caller while the slot is
   * new; a run that FAILED, or that has been RUNNING since `staleBefore` (its instance died), may be
   * taken again. False: another instance has it, or it has SUCCEEDED.
   */
  claim(jobId: string, runKey: string, now: Date, staleBefore: Date): Promise<boolean>;
  /** Records how the run ended. */
  finish(runKey: string, outcome: { status: "SUCCEEDED"; result: TJobResult } | { status: "FAILED"; error: string }, now: Date): Promise<void>;
  /** The latest run (by start) of each of `jobIds` that has run. */
  latest(jobIds: string[]): Promise<TJobRunRecord[]>;
}

/** Enqueues notifications in a transaction of their own (src/db/outbox.ts enqueueNotifications). */
export type TJobOutbox = (notifications: TNotification[], now: Date) => Promise<number>;
