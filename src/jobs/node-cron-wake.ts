// node-cron only wakes the scheduler at a job's times; which slot to run is computed by
// src/jobs/slots.ts, so nothing depends on node-cron replaying a missed slot (it never does).
import { schedule } from "node-cron";
import type { TJobLogger } from "./job.ts";

/** Calls `onWake` with the slot's date at each time of `cron` in `timeZone`; `stop` ends it. */
export type TWake = (jobId: string, cron: string, timeZone: string, onWake: (date: Date) => void) => { stop(): void };

/** The wake on node-cron's timers (the default outside tests). */
export function nodeCronWake(logger: TJobLogger): TWake {
  return (jobId, cron, timeZone, onWake) => {
    const task = schedule(cron, (context) => onWake(context.date), {
      name: `stagebot:${jobId}`,
      timezone: timeZone,
      logger: {
        info: (message) => logger.info({ jobId }, message),
        warn: (message) => logger.warn({ jobId }, message),
        error: (message, error) => logger.error({ jobId, error: String(error ?? message) }, String(message)),
        debug: () => undefined,
      },
    });
    // destroy, not stop: a stopped task stays in node-cron's registry.
    return { stop: () => void task.destroy() };
  };
}
