// The centres' digests and reminders. Each centre has a schedule of its own (reminderCron in
// reminderTimezone, never on French public holidays), read from the database at every tick: one
// job wakes every five minutes, finds each centre's slot of today that is due, and runs it on the
// instance that wins that slot's own JobRun row ("reminders:<centre code>:<local slot>"). A
// changed schedule counts from the next tick; a missed slot of today is caught up once.
import type { TCentreReminderSettings, TReminderStore } from "../app/reminders/ports.ts";
import { runCentreReminders } from "../app/reminders/run-centre-reminders.ts";
import { dueSlot } from "./create-scheduler.ts";
import { defineJob, type TAnyJob, type TJobResult, ZJobSlotPayload } from "./job.ts";
import { localIsoDate } from "./local-time.ts";
import type { TJobRuns } from "./ports.ts";
import { manualRunKeyOf, runKeyOf } from "./run-keys.ts";
import type { TJobSchedule } from "./slots.ts";

/** The job's id, as /healthz and the playground's "run the jobs" name it. */
export const REMINDERS_JOB_ID = "reminders";

/** How often the job looks for centres' due slots: a centre's 08:00 is sent by 08:05 at the latest. */
export const REMINDERS_TICK_CRON = "*/5 * * * *";

/** A centre's digest schedule. */
export function centreSchedule(centre: Pick<TCentreReminderSettings, "reminderCron" | "reminderTimezone">): TJobSchedule {
  return { cron: centre.reminderCron, timeZone: centre.reminderTimezone, skipFrenchPublicHolidays: true };
}

/** The job id of one centre's slots in JobRun. */
export const centreJobId = (centre: Pick<TCentreReminderSettings, "code">) => `${REMINDERS_JOB_ID}:${centre.code}`;

/** What the job needs. */
export interface TRemindersJobDeps {
  store: TReminderStore;
  runs: TJobRuns;
  clock: () => Date;
  /** A centre's run RUNNING for longer than this died with its instance and is taken over. */
  leaseMs?: number;
  /** Deliveries per transaction (20 unless told). */
  batchSize?: number;
}

/** The reminders job: on a manual run every centre's digest is run now, under a key of its own. */
export function remindersJob(deps: TRemindersJobDeps): TAnyJob {
  const leaseMs = deps.leaseMs ?? 30 * 60_000;
  return defineJob({
    id: REMINDERS_JOB_ID,
    schedule: { cron: REMINDERS_TICK_CRON },
    payloadSchema: ZJobSlotPayload,
    async handler({ now, reason, logger }) {
      const result: TJobResult = { centres: 0, ran: 0, failed: 0, sent: 0 };
      for (const centre of await deps.store.centres()) {
        result.centres = Number(result.centres) + 1;
        const schedule = centreSchedule(centre);
        const jobId = centreJobId(centre);
        let slot: Date | null;
        try {
          slot = reason === "manual" ? now : dueSlot({ id: jobId, schedule, payloadSchema: ZJobSlotPayload, handler: async () => ({}) }, now);
        } catch (error) {
          // A schedule the settings let through but that cannot be read (an unknown time zone): logged, the others run.
          logger.error({ jobId, error: String(error) }, "centre reminder schedule unreadable");
          result.failed = Number(result.failed) + 1;
          continue;
        }
        if (slot === null) continue;
        const runKey = reason === "manual" ? manualRunKeyOf(jobId, slot, centre.reminderTimezone) : runKeyOf(jobId, slot, centre.reminderTimezone);
        const started = deps.clock();
        if (!(await deps.runs.claim(jobId, runKey, started, new Date(started.getTime() - leaseMs)))) continue;
        try {
          const counts = await runCentreReminders(deps.store, centre, now, localIsoDate(slot, centre.reminderTimezone), deps.batchSize);
          await deps.runs.finish(runKey, { status: "SUCCEEDED", result: counts }, deps.clock());
          result.ran = Number(result.ran) + 1;
          result.sent = Number(result.sent) + Object.entries(counts).reduce((sum, [kind, count]) => (kind === "paused" ? sum : sum + count), 0);
          logger.info({ jobId, runKey, ...counts }, "centre reminders sent");
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          await deps.runs.finish(runKey, { status: "FAILED", error: message }, deps.clock());
          result.failed = Number(result.failed) + 1;
          logger.error({ jobId, runKey, error: message }, "centre reminders failed");
        }
      }
      return result;
    },
  });
}
