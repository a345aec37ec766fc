// What administrators run the service with (issue 18): the outbox's dead letters, and a
// person's data on request. src/db/dead-letters.ts and src/db/personal-data.ts implement it.

/** A notification given up after its attempts, with the platform's last answer. */
export interface TDeadLetter {
  /** The outbox row id (a PostgreSQL bigint, as a string). */
  id: string;
  kind: string;
  recipient: { personId: number; name: string; email: string } | null;
  conventionId: number | null;
  numero: number | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

/** The dead letters of the outbox. */
export interface TDeadLetters {
  /** The oldest `limit` dead letters, and how many there are in all. */
  list(limit: number): Promise<{ items: TDeadLetter[]; total: number }>;
  /**
   * Puts dead letters back in the queue, due at `now`, with their attempts reset: `ids` those
   * rows (ignoring any that is not dead: a requeued one is delivered once), "all" every dead one.
   * Returns how many were requeued.
   */
  requeue(ids: readonly string[] | "all", now: Date): Promise<number>;
}

/** Everything Stagebot holds about one person, as plain JSON (RGPD right of access). */
export type TPersonalDataExport = Record<string, unknown> & { email: string; exportedAt: string };

/** A person's data. */
export interface TPersonalData {
  /** Null when nobody has that e-mail. */
  exportFor(email: string, now: Date): Promise<TPersonalDataExport | null>;
}

/** The operations port of the conversation core. */
export interface TOperations {
  deadLetters: TDeadLetters;
  personalData: TPersonalData;
}
