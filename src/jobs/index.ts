// Scheduled work as data: see job.ts (what a job is), slots.ts (when), create-scheduler.ts (how once per slot).
export type { TAnyJob, TJob, TJobContext, TJobLogger, TJobResult, TJobSlotPayload } from "./job.ts";
export { defineJob, ZJobSlotPayload } from "./job.ts";
export type { TJobSchedule } from "./slots.ts";
export { DEFAULT_TIME_ZONE, nextSlot, scheduleProblem, slotsBetween } from "./slots.ts";
export { localIsoDate, localIsoDateTime } from "./local-time.ts";
export type { TDeliveryKeyParts } from "./run-keys.ts";
export { deliveryKey, runKeyOf } from "./run-keys.ts";
export type { TJobOutbox, TJobRunRecord, TJobRuns } from "./ports.ts";
export type { TRunReason, TSlotOutcome } from "./run-job-slot.ts";
export type { TJobStatus, TScheduler, TSchedulerDeps } from "./create-scheduler.ts";
export { createScheduler, dueSlot, jobsStatus } from "./create-scheduler.ts";
export type { TWake } from "./node-cron-wake.ts";
export { nodeCronWake } from "./node-cron-wake.ts";
