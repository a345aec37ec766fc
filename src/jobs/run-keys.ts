// The keys that make scheduled work safe on several instances and across crashes.
import { localIsoDateTime } from "./local-time.ts";
import { DEFAULT_TIME_ZONE } from "./slots.ts";

/** The key of one slot of one job, unique in JobRun: `digest:2027-03-29T08:00:00+02:00`. */
export function runKeyOf(jobId: string, slot: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${jobId}:${localIsoDateTime(slot, timeZone)}`;
}

/** The key of a run asked for by hand at `at` (the playground's "run the jobs"), apart from the slots. */
export function manualRunKeyOf(jobId: string, at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${jobId}:manual:${localIsoDateTime(at, timeZone)}`;
}

/** Who is told what, and on which local day: one delivery per (recipient, kind, local date). */
export interface TDeliveryKeyParts {
  recipientId: number;
  /** What the message is about: "digest", "referent_reminder"… */
  kind: string;
  /** The slot's local date, YYYY-MM-DD (TJobSlotPayload.localDate). */
  localDate: string;
  /** Narrows the key when one person may get several of a kind the same day (one digest per centre). */
  scope?: string;
}

/** The outbox dedupeKey of a scheduled delivery: a rerun of the day enqueues only what is missing. */
export function deliveryKey({ recipientId, kind, localDate, scope }: TDeliveryKeyParts): string {
  return ["job", kind, ...(scope === undefined ? [] : [scope]), String(recipientId), localDate].join(":");
}
