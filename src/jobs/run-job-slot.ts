// Runs one slot of one job on whichever instance wins the slot's JobRun row.
import type { TClock } from "../app/ports/clock.ts";
import type { TAnyJob, TJobLogger, TJobResult } from "./job.ts";
import { localIsoDate } from "./local-time.ts";
import type { TJobOutbox, TJobRuns } from "./ports.ts";
import { manualRunKeyOf, runKeyOf } from "./run-keys.ts";
import { DEFAULT_TIME_ZONE } from "./slots.ts";

/** What running a slot needs. */
export interface TRunSlotDeps {
  runs: TJobRuns;
  outbox: TJobOutbox;
  clock: TClock;
  logger: TJobLogger;
  /** Names this instance in the logs. */
  instanceId: string;
  /** A run RUNNING for longer than this is taken to have died with its instance, and may be taken over. */
  leaseMs: number;
}

/** Why a slot is being run. */
export type TRunReason = "scheduled" | "catch_up" | "recheck" | "manual";

/** What became of one slot on this instance. */
export type TSlotOutcome =
  | { status: "succeeded"; jobId: string; runKey: string; result: TJobResult }
  | { status: "failed"; jobId: string; runKey: string; error: string }
  /** Another instance has the slot, or it has already succeeded. */
  | { status: "not_elected"; jobId: string; runKey: string };

/**
 * Runs `slot` of `job` if this instance wins it; a failing handler is recorded and logged, not
 * thrown. A manual run has a key of its own, so it runs even when today's slot already has;
 * its deliveries still carry the day's keys, so nobody is told twice the same day.
 */
export async function runJobSlot(job: TAnyJob, slot: Date, reason: TRunReason, deps: TRunSlotDeps): Promise<TSlotOutcome> {
  const timeZone = job.schedule.timeZone ?? DEFAULT_TIME_ZONE;
  const runKey = reason === "manual" ? manualRunKeyOf(job.id, slot, timeZone) : runKeyOf(job.id, slot, timeZone);
  const startedAt = deps.clock();
  const details = { jobId: job.id, runKey, reason, instanceId: deps.instanceId };
  if (!(await deps.runs.claim(job.id, runKey, startedAt, new Date(startedAt.getTime() - deps.leaseMs)))) {
    // A recheck finds every done slot again: that is no news.
    if (reason !== "recheck") deps.logger.info(details, "job slot not run here: another instance has it, or it already ran");
    return { status: "not_elected", jobId: job.id, runKey };
  }
  deps.logger.info(details, "job run started");
  try {
    // Inside the try: a payload the schema refuses is a failed run, recorded like any other.
    const payload: unknown = job.payloadSchema.parse({ slotAt: slot.toISOString(), localDate: localIsoDate(slot, timeZone) });
    const result = await job.handler({
      payload,
      now: startedAt,
      reason,
      enqueue: (notifications) => deps.outbox(notifications, deps.clock()),
      logger: deps.logger,
    });
    const finishedAt = deps.clock();
    await deps.runs.finish(runKey, { status: "SUCCEEDED", result }, finishedAt);
    deps.logger.info({ ...details, result, durationMs: finishedAt.getTime() - startedAt.getTime() }, "job run succeeded");
    return { status: "succeeded", jobId: job.id, runKey, result };
  } catch (caught) {
    const error = caught instanceof Error ? caught.message : String(caught);
    await deps.runs.finish(runKey, { status: "FAILED", error }, deps.clock());
    deps.logger.error({ ...details, error }, "job run failed");
    return { status: "failed", jobId: job.id, runKey, error };
  }
}
