// A scheduled job is data: an id, a schedule, the schema of its payload and a handler. The
// handler only reads and enqueues outbox rows; delivery is the dispatcher's (src/app/notifications).
import { z } from "zod/v4";
import type { TNotification } from "../app/notifications/notification.ts";
import type { TRunReason } from "./run-job-slot.ts";
import type { TJobSchedule } from "./slots.ts";

/** What every run is given: the slot it runs for and that slot's local date (the day of its delivery keys). */
export const ZJobSlotPayload = z.object({
  /** The slot, as an instant (ISO 8601, UTC). */
  slotAt: z.iso.datetime(),
  /** The slot's date in the schedule's time zone, YYYY-MM-DD. */
  localDate: z.iso.date(),
});

/** What every run is given. */
export type TJobSlotPayload = z.infer<typeof ZJobSlotPayload>;

/** Where a job logs (a pino logger fits). */
export interface TJobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** What a handler may do besides reading its own ports: enqueue, and log. */
export interface TJobContext<TPayload> {
  payload: TPayload;
  /** The run's time, from the injected clock. */
  now: Date;
  /** Why it runs: a job that fans out into schedules of its own (the centres' digests) runs them all on a manual run. */
  reason: TRunReason;
  /**
   * Enqueues in a transaction of its own, committed when this returns: a run may enqueue in
   * batches, and a rerun after a crash finds the earlier batches by their dedupeKeys. Returns how many were new.
   */
  enqueue: (notifications: TNotification[]) => Promise<number>;
  logger: TJobLogger;
}

/** What a run reports; written on its JobRun row and logged. */
export type TJobResult = Record<string, number | string | boolean | null>;

/** A scheduled job. */
export interface TJob<TPayload extends TJobSlotPayload = TJobSlotPayload> {
  /** Stable id, part of every run key: renaming it reruns today's slot. */
  id: string;
  schedule: TJobSchedule;
  /** Checks the payload before the handler sees it (ZJobSlotPayload or an extension of it). */
  payloadSchema: z.ZodType<TPayload>;
  handler(context: TJobContext<TPayload>): Promise<TJobResult>;
}

/** Any job, whatever its payload, as a list of jobs holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a handler's payload type is checked where the job is defined.
export type TAnyJob = TJob<any>;

/** Declares a job: the identity function, there so that the payload type is inferred from its schema. */
export function defineJob<TPayload extends TJobSlotPayload>(job: TJob<TPayload>): TJob<TPayload> {
  return job;
}
