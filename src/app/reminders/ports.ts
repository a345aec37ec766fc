// What the reminders job needs from the database (src/db/reminder-store.ts).
import type { TNotification } from "../notifications/notification.ts";
import type { ZDigestPayload } from "../notifications/notification.ts";
import type { z } from "zod/v4";
import type { TValidationStep } from "../../domain/convention.ts";

/** A centre's reminder settings. */
export interface TCentreReminderSettings {
  id: number;
  code: string;
  name: string;
  reminderCron: string;
  reminderTimezone: string;
  referentReminderDays: number;
  escalationDays: number;
  draftReminderDays: number;
  startingSoonDays: number;
}

/** What waits for a centre's gestionnaires, as the digest shows it (without who receives it). */
export type TCentreDigest = Omit<
  z.infer<typeof ZDigestPayload>,
  "kind" | "conventionId" | "centreId" | "centreName" | "localDate" | "previousAt" | "startingSoonDays"
>;

/** A convention waiting at the référent's step. */
export interface TReferentWait {
  conventionId: number;
  numero: number | null;
  round: number;
  referentPersonId: number;
  referentName: string;
  studentName: string;
  waitingSince: Date;
}

/** A convention of a student that may need a reminder. */
export interface TStudentWait {
  conventionId: number;
  numero: number | null;
  studentPersonId: number;
  studentName: string;
  state: "DRAFT" | "RETURNED";
  round: number;
  updatedAt: Date;
  /** When it was returned (the latest refusal or un-validation), for a RETURNED one. */
  returnedAt: Date | null;
  dateDebut: string | null;
}

/** One reminder or digest to send: its key makes it once; the notification goes to the outbox with the same key. */
export interface TReminderDelivery {
  key: string;
  kind: string;
  personId: number;
  centreId: number;
  conventionId: number | null;
  notification: TNotification;
}

/** The reminders' side of the database. */
export interface TReminderStore {
  centres(): Promise<TCentreReminderSettings[]>;
  /** What waits for the gestionnaires of `centreId` at `now`; `limit` lines per section. */
  digest(centre: TCentreReminderSettings, now: Date, today: string, limit: number): Promise<TCentreDigest>;
  gestionnaires(centreId: number): Promise<number[]>;
  referentWaits(centreId: number, waitedSince: Date): Promise<TReferentWait[]>;
  studentWaits(centreId: number, untouchedSince: Date, today: string, soonUntil: string): Promise<TStudentWait[]>;
  /** Those of `personIds` who paused their reminders. */
  paused(personIds: number[]): Promise<Set<number>>;
  /** When `personId` last got a digest of `centreId` other than `exceptKey`. */
  lastDigestAt(personId: number, centreId: number, exceptKey: string): Promise<Date | null>;
  /** Keys of `keys` already delivered. */
  delivered(keys: string[]): Promise<Set<string>>;
  /** Records and enqueues `deliveries` in one transaction; a key already recorded is skipped. Returns how many were new. */
  deliver(deliveries: TReminderDelivery[], now: Date): Promise<number>;
}

export type { TValidationStep };
