// The personal-data policy (ESUP-Stage's default: a convention is archived 5 years after its
// internship ends, and purged 2 years later). Archiving marks the convention (archivedAt) and
// records it; purging deletes the convention with everything it carries about its people
// (sections, documents, avenants, decisions, messages) and empties the before/after values of
// its audit trail, keeping who did what and when, plus a "convention.purged" record. A
// convention still in progress is never touched: only VALIDATED or CANCELLED ones whose end date
// is known, with no avenant waiting. One convention per short transaction.
import type { PrismaClient } from "../generated/prisma/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { localIsoDate } from "../jobs/local-time.ts";

/** When conventions are archived and purged, in years. */
export interface TPersonalDataPolicy {
  /** Years after the internship's end date before a convention is archived. */
  archiveYears: number;
  /** Years after the archiving date (end date + archiveYears) before it is purged. */
  purgeYears: number;
  /** Conventions handled per run at most (the next run goes on). */
  batchSize: number;
}

/** What one pass did. */
export interface TPersonalDataResult {
  archived: number;
  purged: number;
}

/** The date `years` before the local date of `now` in Paris, as a UTC midnight (29 February → 1 March). */
function yearsBefore(now: Date, years: number): Date {
  const [year = 0, month = 1, day = 1] = localIsoDate(now, "Europe/Paris").split("-").map(Number);
  return new Date(Date.UTC(year - years, month - 1, day));
}

// Finished: validated (or cancelled) with an end date, and no avenant waiting for a decision.
const finished = (endedOnOrBefore: Date): Prisma.ConventionWhereInput => ({
  state: { in: ["VALIDATED", "CANCELLED"] },
  dateFin: { not: null, lte: endedOnOrBefore },
  avenants: { none: { status: { in: ["DRAFT", "SUBMITTED"] } } },
});

async function archive(prisma: PrismaClient, policy: TPersonalDataPolicy, now: Date): Promise<number> {
  const due = await prisma.convention.findMany({
    where: { ...finished(yearsBefore(now, policy.archiveYears)), archivedAt: null },
    select: { id: true, numero: true, dateFin: true },
    orderBy: { id: "asc" },
    take: policy.batchSize,
  });
  let archived = 0;
  for (const convention of due) {
    archived += await prisma.$transaction(async (tx) => {
      // The WHERE again: a convention un-validated since it was read stays as it is.
      const { count } = await tx.convention.updateMany({
        where: { id: convention.id, archivedAt: null, ...finished(yearsBefore(now, policy.archiveYears)) },
        data: { archivedAt: now },
      });
      if (count === 1) {
        const after = { numero: convention.numero, dateFin: convention.dateFin?.toISOString().slice(0, 10) ?? null, archiveYears: policy.archiveYears };
        await tx.auditEvent.create({
          data: {
            entityType: "convention",
            entityId: convention.id,
            conventionId: convention.id,
            action: "convention.archived",
            actorId: null,
            after,
            occurredAt: now,
          },
        });
      }
      return count;
    });
  }
  return archived;
}

async function purge(prisma: PrismaClient, policy: TPersonalDataPolicy, now: Date): Promise<number> {
  const cutoff = yearsBefore(now, policy.archiveYears + policy.purgeYears);
  const due = await prisma.convention.findMany({
    where: { ...finished(cutoff), archivedAt: { not: null } },
    select: { id: true, numero: true, dateFin: true },
    orderBy: { id: "asc" },
    take: policy.batchSize,
  });
  let purged = 0;
  for (const convention of due) {
    purged += await prisma
      .$transaction(async (tx) => {
        // The trail stays (who did what, when); the values it kept of the people go.
        await tx.auditEvent.updateMany({ where: { conventionId: convention.id }, data: { before: Prisma.DbNull, after: Prisma.DbNull } });
        const { count } = await tx.convention.deleteMany({ where: { id: convention.id, archivedAt: { not: null }, ...finished(cutoff) } });
        if (count === 1) {
          const after = {
            numero: convention.numero,
            endYear: convention.dateFin?.getUTCFullYear() ?? null,
            purgeYears: policy.archiveYears + policy.purgeYears,
          };
          // Detached from the deleted convention, as a deletion's record is (convention-repository.ts).
          await tx.auditEvent.create({
            data: { entityType: "convention", entityId: convention.id, conventionId: null, action: "convention.purged", actorId: null, after, occurredAt: now },
          });
        } else {
          throw new PurgeSkipped();
        }
        return count;
      })
      .catch((error: unknown) => {
        if (error instanceof PurgeSkipped) return 0;
        throw error;
      });
  }
  return purged;
}

/** Rolls a purge back when the convention changed since it was read (un-validated, an avenant requested). */
class PurgeSkipped extends Error {}

/** One pass of the policy at `now`: archives what is due, then purges what is due. */
export async function applyPersonalDataPolicy(prisma: PrismaClient, policy: TPersonalDataPolicy, now: Date): Promise<TPersonalDataResult> {
  const archived = await archive(prisma, policy, now);
  const purged = await purge(prisma, policy, now);
  return { archived, purged };
}
