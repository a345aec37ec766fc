// The reminders' side of PostgreSQL (src/app/reminders/ports.ts). The digest is one query per
// section, each reading only the centre's conventions waiting (index Convention(centreId, state, currentStep)).
import type { TCentreDigest, TReminderStore } from "../app/reminders/ports.ts";
import type { TValidationStep } from "../domain/convention.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { enqueueNotifications } from "./outbox.ts";
import { reminderSettingsFields } from "./reminder-controls.ts";

const ADMIN_STEPS: TValidationStep[] = ["VERIFICATION_ADMINISTRATIVE", "VALIDATION_ADMINISTRATIVE"];

type TWaitingRow = {
  id: number;
  numero: number | null;
  step: TValidationStep | null;
  dateDebut: string | null;
  studentName: string;
  waitingDays: number;
  urgent: boolean;
  grp: string;
  total: bigint;
};

const iso = (value: Date | null) => (value === null ? null : value.toISOString().slice(0, 10));

/**
 * The conventions waiting for a centre's gestionnaires: the ones starting within the centre's
 * window and not validated (any step, or returned) under URGENT, the others per administrative
 * step, oldest first; the first `limit` of each group and its total.
 */
export function digestWaitingSql(centreId: number, now: Date, today: string, soonUntil: string, limit: number): Prisma.Sql {
  return Prisma.sql`
    WITH waiting AS (
      SELECT c."id", c."numero", c."currentStep" AS "step", to_char(c."dateDebut", 'YYYY-MM-DD') AS "dateDebut",
        trim(coalesce(c."etudiantFirstName", '') || ' ' || coalesce(c."etudiantLastName", '')) AS "studentName",
        greatest(c."submittedAt", last."decidedAt") AS "since",
        coalesce(c."dateDebut" BETWEEN ${today}::date AND ${soonUntil}::date, false) AS "urgent"
      FROM "Convention" c
      LEFT JOIN LATERAL (
        SELECT max(d."decidedAt") AS "decidedAt" FROM "ValidationDecision" d
        WHERE d."conventionId" = c."id" AND d."round" = c."round" AND d."decision" = 'VALIDATED'
      ) last ON c."state" = 'SUBMITTED'
      WHERE c."centreId" = ${centreId}
        AND ((c."state" = 'SUBMITTED' AND c."currentStep"::text IN (${Prisma.join(ADMIN_STEPS)}))
          OR (c."state" IN ('SUBMITTED', 'RETURNED') AND c."dateDebut" BETWEEN ${today}::date AND ${soonUntil}::date))
    ), grouped AS (
      SELECT *, CASE WHEN "urgent" THEN 'URGENT' ELSE "step"::text END AS "grp" FROM waiting
    ), ranked AS (
      SELECT *, row_number() OVER (PARTITION BY "grp" ORDER BY "since" NULLS LAST, "id") AS "rank", count(*) OVER (PARTITION BY "grp") AS "total"
      FROM grouped
    )
    SELECT "id", "numero", "step", "dateDebut", "studentName", "urgent", "grp", "total",
      floor(extract(epoch FROM (${now}::timestamp - coalesce("since", ${now}::timestamp))) / 86400)::int AS "waitingDays"
    FROM ranked WHERE "rank" <= ${limit}
    ORDER BY "grp", "rank"`;
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The reminders' store on `prisma`. */
export function createReminderStore(prisma: PrismaClient): TReminderStore {
  return {
    centres: () =>
      prisma.centreGestion.findMany({
        orderBy: { id: "asc" },
        select: { id: true, code: true, ...reminderSettingsFields },
      }),

    async digest(centre, now, today, limit) {
      const rows = await prisma.$queryRaw<TWaitingRow[]>(digestWaitingSql(centre.id, now, today, addDays(today, centre.startingSoonDays), limit));
      const itemsOf = (grp: string) =>
        rows
          .filter((row) => row.grp === grp)
          .map((row) => ({
            conventionId: row.id,
            numero: row.numero,
            studentName: row.studentName,
            waitingDays: row.waitingDays,
            dateDebut: row.dateDebut,
            step: row.step,
            urgent: row.urgent,
          }));
      const totalOf = (grp: string) => Number(rows.find((row) => row.grp === grp)?.total ?? 0);
      const avenants = await prisma.$queryRaw<
        Array<{ id: number; conventionId: number; numero: number | null; avenantNumero: number; studentName: string; waitingDays: number; total: bigint }>
      >`
        SELECT a."id", a."conventionId", c."numero", a."numero" AS "avenantNumero",
          trim(coalesce(c."etudiantFirstName", '') || ' ' || coalesce(c."etudiantLastName", '')) AS "studentName",
          floor(extract(epoch FROM (${now}::timestamp - coalesce(a."submittedAt", a."createdAt"))) / 86400)::int AS "waitingDays",
          count(*) OVER () AS "total"
        FROM "Avenant" a JOIN "Convention" c ON c."id" = a."conventionId"
        WHERE a."status" = 'SUBMITTED' AND c."centreId" = ${centre.id}
        ORDER BY coalesce(a."submittedAt", a."createdAt"), a."id" LIMIT ${limit}`;
      // A proposal belongs to the centres of its author: a student's formations, a gestionnaire's centres.
      const proposals = await prisma.$queryRaw<Array<{ id: number; etablissementName: string; waitingDays: number; total: bigint }>>`
        SELECT p."id", e."raisonSociale" AS "etablissementName",
          floor(extract(epoch FROM (${now}::timestamp - p."createdAt")) / 86400)::int AS "waitingDays", count(*) OVER () AS "total"
        FROM "EtablissementProposal" p JOIN "Etablissement" e ON e."id" = p."etablissementId"
        WHERE p."status" = 'PENDING' AND (
          EXISTS (SELECT 1 FROM "Inscription" i JOIN "Formation" f ON f."id" = i."formationId" WHERE i."studentId" = p."proposedById" AND f."centreId" = ${centre.id})
          OR EXISTS (SELECT 1 FROM "StaffCentre" s WHERE s."staffId" = p."proposedById" AND s."centreId" = ${centre.id}))
        ORDER BY p."createdAt", p."id" LIMIT ${limit}`;
      const digest: TCentreDigest = {
        urgent: { total: totalOf("URGENT"), items: itemsOf("URGENT") },
        steps: ADMIN_STEPS.map((step) => ({ step, total: totalOf(step), items: itemsOf(step) })),
        avenants: {
          total: Number(avenants[0]?.total ?? 0),
          items: avenants.map((row) => ({
            conventionId: row.conventionId,
            avenantId: row.id,
            numero: row.numero,
            avenantNumero: row.avenantNumero,
            studentName: row.studentName,
            waitingDays: row.waitingDays,
          })),
        },
        proposals: {
          total: Number(proposals[0]?.total ?? 0),
          items: proposals.map((row) => ({ proposalId: row.id, etablissementName: row.etablissementName, waitingDays: row.waitingDays })),
        },
      };
      return digest;
    },

    async gestionnaires(centreId) {
      const rows = await prisma.staffCentre.findMany({ where: { centreId }, select: { staffId: true }, orderBy: { staffId: "asc" } });
      return rows.map((row) => row.staffId);
    },

    async referentWaits(centreId, waitedSince) {
      const rows = await prisma.$queryRaw<
        Array<{ id: number; numero: number | null; round: number; referent: number; referentName: string; studentName: string; since: Date }>
      >`
        SELECT c."id", c."numero", c."round", c."enseignantId" AS "referent",
          trim(p."firstName" || ' ' || p."lastName") AS "referentName",
          trim(coalesce(c."etudiantFirstName", '') || ' ' || coalesce(c."etudiantLastName", '')) AS "studentName",
          greatest(c."submittedAt", last."decidedAt") AS "since"
        FROM "Convention" c
        JOIN "Person" p ON p."id" = c."enseignantId"
        LEFT JOIN LATERAL (
          SELECT max(d."decidedAt") AS "decidedAt" FROM "ValidationDecision" d
          WHERE d."conventionId" = c."id" AND d."round" = c."round" AND d."decision" = 'VALIDATED'
        ) last ON true
        WHERE c."centreId" = ${centreId} AND c."state" = 'SUBMITTED' AND c."currentStep" = 'PEDAGOGIQUE'
          AND greatest(c."submittedAt", last."decidedAt") <= ${waitedSince}
        ORDER BY c."id"`;
      return rows.map((row) => ({
        conventionId: row.id,
        numero: row.numero,
        round: row.round,
        referentPersonId: row.referent,
        referentName: row.referentName,
        studentName: row.studentName,
        waitingSince: row.since,
      }));
    },

    async studentWaits(centreId, untouchedSince, today, soonUntil) {
      // A draft has no centre until it is submitted: it belongs to its inscription's formation's centre.
      const rows = await prisma.$queryRaw<
        Array<{
          id: number;
          numero: number | null;
          student: number;
          studentName: string;
          state: "DRAFT" | "RETURNED";
          round: number;
          updatedAt: Date;
          returnedAt: Date | null;
          dateDebut: Date | null;
        }>
      >`
        SELECT c."id", c."numero", c."studentId" AS "student", trim(p."firstName" || ' ' || p."lastName") AS "studentName", c."state", c."round",
          c."updatedAt", r."decidedAt" AS "returnedAt", c."dateDebut"
        FROM "Convention" c
        JOIN "Person" p ON p."id" = c."studentId"
        LEFT JOIN "Inscription" i ON i."id" = c."inscriptionId"
        LEFT JOIN "Formation" f ON f."id" = i."formationId"
        LEFT JOIN LATERAL (
          SELECT max(d."decidedAt") AS "decidedAt" FROM "ValidationDecision" d
          WHERE d."conventionId" = c."id" AND d."decision" IN ('REFUSED', 'UNVALIDATED')
        ) r ON c."state" = 'RETURNED'
        WHERE coalesce(c."centreId", f."centreId") = ${centreId} AND c."state" IN ('DRAFT', 'RETURNED')
          AND (greatest(c."updatedAt", r."decidedAt") <= ${untouchedSince} OR c."dateDebut" BETWEEN ${today}::date AND ${soonUntil}::date)
        ORDER BY c."id"`;
      return rows.map((row) => ({
        conventionId: row.id,
        numero: row.numero,
        studentPersonId: row.student,
        studentName: row.studentName,
        state: row.state,
        round: row.round,
        updatedAt: row.updatedAt,
        returnedAt: row.returnedAt,
        dateDebut: iso(row.dateDebut),
      }));
    },

    async paused(personIds) {
      if (personIds.length === 0) return new Set();
      const rows = await prisma.reminderPause.findMany({ where: { personId: { in: personIds } }, select: { personId: true } });
      return new Set(rows.map((row) => row.personId));
    },

    async lastDigestAt(personId, centreId, exceptKey) {
      const row = await prisma.reminderDelivery.findFirst({
        where: { personId, centreId, kind: "digest", key: { not: exceptKey } },
        orderBy: { sentAt: "desc" },
        select: { sentAt: true },
      });
      return row?.sentAt ?? null;
    },

    async delivered(keys) {
      if (keys.length === 0) return new Set();
      const rows = await prisma.reminderDelivery.findMany({ where: { key: { in: keys } }, select: { key: true } });
      return new Set(rows.map((row) => row.key));
    },

    async deliver(deliveries, now) {
      if (deliveries.length === 0) return 0;
      return prisma.$transaction(async (tx) => {
        // The keys this transaction records are the ones it enqueues: a concurrent run skips them.
        const inserted = await tx.reminderDelivery.createManyAndReturn({
          data: deliveries.map(({ key, kind, personId, centreId, conventionId }) => ({ key, kind, personId, centreId, conventionId, sentAt: now })),
          skipDuplicates: true,
          select: { key: true },
        });
        const fresh = new Set(inserted.map((row) => row.key));
        return enqueueNotifications(
          tx,
          deliveries.filter((delivery) => fresh.has(delivery.key)).map((delivery) => delivery.notification),
          now,
        );
      });
    },
  };
}
