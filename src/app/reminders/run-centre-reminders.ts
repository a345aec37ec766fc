// One centre's reminders for one slot: the digest to each gestionnaire, the référents'
// reminders and their escalation, the students' reminders. Each delivery has a key recorded
// with its outbox row in one transaction, so a rerun after a crash sends only what is missing,
// and a reminder about one thing at one delay is sent once, never again the next day.
import { deliveryKey } from "../../jobs/run-keys.ts";
import type { TNotification } from "../notifications/notification.ts";
import type { TCentreReminderSettings, TReminderDelivery, TReminderStore, TStudentWait } from "./ports.ts";

const DAY_MS = 24 * 3_600_000;
/** Lines per section of a digest: the card offers the full list. */
export const DIGEST_LINES = 10;

/** What one centre's run sent (new outbox rows per kind). */
export type TCentreRunCounts = Record<"digests" | "referent" | "escalation" | "draft" | "returned" | "starting_soon" | "paused", number>;

const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function reminder(
  key: string,
  kind: TReminderDelivery["kind"],
  personId: number,
  centreId: number,
  conventionId: number,
  payload: TNotification["payload"],
): TReminderDelivery {
  return { key, kind, personId, centreId, conventionId, notification: { recipientId: personId, dedupeKey: key, payload } };
}

async function digestDeliveries(
  store: TReminderStore,
  centre: TCentreReminderSettings,
  now: Date,
  localDate: string,
  gestionnaires: number[],
): Promise<TReminderDelivery[]> {
  const digest = await store.digest(centre, now, localDate, DIGEST_LINES);
  const waiting = digest.urgent.total + digest.steps.reduce((sum, step) => sum + step.total, 0) + digest.avenants.total + digest.proposals.total;
  // Nothing waits: an empty digest is noise.
  if (waiting === 0) return [];
  const deliveries: TReminderDelivery[] = [];
  for (const personId of gestionnaires) {
    const key = deliveryKey({ recipientId: personId, kind: "digest", localDate, scope: centre.code });
    const previous = await store.lastDigestAt(personId, centre.id, key);
    const payload = {
      kind: "digest" as const,
      conventionId: null,
      centreId: centre.id,
      centreName: centre.name,
      localDate,
      previousAt: previous?.toISOString() ?? null,
      startingSoonDays: centre.startingSoonDays,
      ...digest,
    };
    deliveries.push({
      key,
      kind: "digest",
      personId,
      centreId: centre.id,
      conventionId: null,
      notification: { recipientId: personId, dedupeKey: key, payload },
    });
  }
  return deliveries;
}

async function referentDeliveries(store: TReminderStore, centre: TCentreReminderSettings, now: Date, gestionnaires: number[]): Promise<TReminderDelivery[]> {
  const firstDelay = Math.min(centre.referentReminderDays, centre.escalationDays);
  const waits = await store.referentWaits(centre.id, new Date(now.getTime() - firstDelay * DAY_MS));
  const deliveries: TReminderDelivery[] = [];
  for (const wait of waits) {
    const days = daysBetween(wait.waitingSince, now);
    const base = { conventionId: wait.conventionId, numero: wait.numero, studentName: wait.studentName, days, dateDebut: null };
    if (days >= centre.referentReminderDays) {
      const key = `reminder:referent:${wait.conventionId}:${wait.round}`;
      deliveries.push(
        reminder(key, "referent_reminder", wait.referentPersonId, centre.id, wait.conventionId, {
          kind: "reminder",
          reminder: "referent",
          referentName: null,
          ...base,
        }),
      );
    }
    if (days >= centre.escalationDays) {
      for (const personId of gestionnaires) {
        const key = `reminder:escalation:${wait.conventionId}:${wait.round}:${personId}`;
        deliveries.push(
          reminder(key, "escalation", personId, centre.id, wait.conventionId, {
            kind: "reminder",
            reminder: "escalation",
            referentName: wait.referentName,
            ...base,
          }),
        );
      }
    }
  }
  return deliveries;
}

function studentDelivery(centre: TCentreReminderSettings, wait: TStudentWait, now: Date, today: string, soonUntil: string): TReminderDelivery[] {
  const base = { conventionId: wait.conventionId, numero: wait.numero, studentName: wait.studentName, referentName: null, dateDebut: wait.dateDebut };
  const out: TReminderDelivery[] = [];
  const person = wait.studentPersonId;
  // Starting soon and not submitted: once per convention and start date.
  if (wait.dateDebut !== null && wait.dateDebut >= today && wait.dateDebut <= soonUntil) {
    const key = `reminder:starting_soon:${wait.conventionId}:${wait.dateDebut}`;
    const days = daysBetween(new Date(`${today}T00:00:00Z`), new Date(`${wait.dateDebut}T00:00:00Z`));
    out.push(reminder(key, "starting_soon", person, centre.id, wait.conventionId, { kind: "reminder", reminder: "starting_soon", days, ...base }));
  }
  // Untouched for N days: once per state of the draft (touching it starts a new delay).
  const since = wait.state === "RETURNED" && wait.returnedAt !== null && wait.returnedAt > wait.updatedAt ? wait.returnedAt : wait.updatedAt;
  const days = daysBetween(since, now);
  if (days >= centre.draftReminderDays) {
    const kind = wait.state === "RETURNED" ? "returned" : "draft";
    const key = `reminder:${kind}:${wait.conventionId}:${wait.round}:${since.getTime()}`;
    out.push(reminder(key, `${kind}_reminder`, person, centre.id, wait.conventionId, { kind: "reminder", reminder: kind, days, ...base }));
  }
  return out;
}

/** Everything one centre owes at `now` for the slot of `localDate`, without those who paused or were already told. */
export async function centreDeliveries(
  store: TReminderStore,
  centre: TCentreReminderSettings,
  now: Date,
  localDate: string,
): Promise<{ deliveries: TReminderDelivery[]; paused: number }> {
  const gestionnaires = await store.gestionnaires(centre.id);
  const soonUntil = addDays(localDate, centre.startingSoonDays);
  const students = await store.studentWaits(centre.id, new Date(now.getTime() - centre.draftReminderDays * DAY_MS), localDate, soonUntil);
  const all = [
    ...(await digestDeliveries(store, centre, now, localDate, gestionnaires)),
    ...(await referentDeliveries(store, centre, now, gestionnaires)),
    ...students.flatMap((wait) => studentDelivery(centre, wait, now, localDate, soonUntil)),
  ];
  const paused = await store.paused([...new Set(all.map((delivery) => delivery.personId))]);
  return { deliveries: all.filter((delivery) => !paused.has(delivery.personId)), paused: all.filter((delivery) => paused.has(delivery.personId)).length };
}

/** Runs one centre's slot: sends, in batches, what was not sent yet. */
export async function runCentreReminders(
  store: TReminderStore,
  centre: TCentreReminderSettings,
  now: Date,
  localDate: string,
  batchSize = 20,
): Promise<TCentreRunCounts> {
  const { deliveries, paused } = await centreDeliveries(store, centre, now, localDate);
  const counts: TCentreRunCounts = { digests: 0, referent: 0, escalation: 0, draft: 0, returned: 0, starting_soon: 0, paused };
  const done = await store.delivered(deliveries.map((delivery) => delivery.key));
  const missing = deliveries.filter((delivery) => !done.has(delivery.key));
  for (let index = 0; index < missing.length; index += batchSize) {
    const batch = missing.slice(index, index + batchSize);
    await store.deliver(batch, now);
    for (const delivery of batch) {
      const payload = delivery.notification.payload;
      if (payload.kind === "digest") counts.digests += 1;
      else if (payload.kind === "reminder") counts[payload.reminder] += 1;
    }
  }
  return counts;
}
