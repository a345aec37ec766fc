// The maintenance jobs of issue 18: retention (records nobody can need any more) and, below,
// the personal-data policy. One run per slot, elected by JobRun like every job.
import type { TConfig } from "../config.ts";
import { applyPersonalDataPolicy, type TPersonalDataPolicy } from "../db/personal-data-policy.ts";
import { runRetention, type TRetentionPolicy } from "../db/retention.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { defineJob, type TAnyJob, ZJobSlotPayload } from "../jobs/index.ts";

/** The maintenance policy, read from the configuration. */
export interface TOperationsPolicy {
  retentionCron: string;
  retention: TRetentionPolicy;
  personalDataCron: string;
  personalData: TPersonalDataPolicy;
}

/** The policy `config` sets (defaults: README, "Retention"). */
export function operationsPolicyOf(config: TConfig): TOperationsPolicy {
  return {
    retentionCron: config.RETENTION_CRON,
    retention: {
      processedEventHours: config.RETENTION_PROCESSED_EVENT_HOURS,
      sentOutboxDays: config.RETENTION_SENT_OUTBOX_DAYS,
      deletedConventionMessageDays: config.RETENTION_DELETED_CONVENTION_MESSAGE_DAYS,
      jobRunDays: config.RETENTION_JOB_RUN_DAYS,
      batchSize: config.RETENTION_BATCH_SIZE,
    },
    personalDataCron: config.PERSONAL_DATA_CRON,
    personalData: { archiveYears: config.PERSONAL_DATA_ARCHIVE_YEARS, purgeYears: config.PERSONAL_DATA_PURGE_YEARS, batchSize: 1000 },
  };
}

/** The id of the retention job (its run keys and /healthz name it). */
export const RETENTION_JOB_ID = "retention";

/** The id of the personal-data job (archive, then purge). */
export const PERSONAL_DATA_JOB_ID = "personal-data";

/** The maintenance jobs on `prisma`. */
export function operationsJobs(prisma: PrismaClient, policy: TOperationsPolicy): TAnyJob[] {
  const retention = defineJob({
    id: RETENTION_JOB_ID,
    schedule: { cron: policy.retentionCron },
    payloadSchema: ZJobSlotPayload,
    handler: async ({ now }) => ({ ...(await runRetention(prisma, policy.retention, now)) }),
  });
  const personalData = defineJob({
    id: PERSONAL_DATA_JOB_ID,
    schedule: { cron: policy.personalDataCron },
    payloadSchema: ZJobSlotPayload,
    handler: async ({ now }) => ({ ...(await applyPersonalDataPolicy(prisma, policy.personalData, now)) }),
  });
  return [retention, personalData];
}
