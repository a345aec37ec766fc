import { DOCUMENT_ACCESS_ACTIONS } from "../app/ports/documents.ts";
import type { TStaffQueries } from "../app/ports/conventions.ts";
import type { THistoryEntry, TStaffListItem } from "../cards/views.ts";
import { normalizeSearchText } from "../domain/normalize-name.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { containsEveryWordSql, foldedSql } from "./host-search-sql.ts";
import { toIsoDate } from "./convention-values.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const listInclude = {
  etablissement: { select: { raisonSociale: true } },
  inscription: { select: { academicYear: true, formation: { select: { code: true, label: true } } } },
} as const satisfies Prisma.ConventionInclude;

type TListRow = Prisma.ConventionGetPayload<{ include: typeof listInclude }>;

function toItem(row: TListRow, now: Date): TStaffListItem {
  const formation = row.inscription ? `${row.inscription.formation.code} - ${row.inscription.formation.label}` : null;
  return {
    conventionId: row.id,
    numero: row.numero,
    studentName: [row.etudiantFirstName, row.etudiantLastName].filter(Boolean).join(" "),
    formation,
    etablissementName: row.etablissement?.raisonSociale ?? null,
    dateDebut: row.dateDebut ? toIsoDate(row.dateDebut) : null,
    step: row.currentStep,
    state: row.state,
    waitingDays: row.submittedAt ? Math.floor((now.getTime() - row.submittedAt.getTime()) / DAY_MS) : 0,
  };
}

function asRecord(value: Prisma.JsonValue | null): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

// Turns an audit event's before/after into the history card's lines.
function toEntry(event: {
  occurredAt: Date;
  action: string;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  actor: { firstName: string; lastName: string } | null;
}): THistoryEntry {
  const before = asRecord(event.before);
  const after = asRecord(event.after);
  const meta = new Set(["section", "step", "reason", "round"]);
  // A link's use records the request, not changed values: its phrase says it all.
  const isAccess = (DOCUMENT_ACCESS_ACTIONS as readonly string[]).includes(event.action);
  const fields = isAccess ? [] : [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !meta.has(field));
  return {
    at: event.occurredAt,
    actorName: event.actor ? `${event.actor.firstName} ${event.actor.lastName}` : null,
    action: event.action,
    section: typeof after.section === "string" ? after.section : null,
    step: typeof after.step === "string" ? after.step : null,
    reason: typeof after.reason === "string" ? after.reason : null,
    changes: fields
      .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
      .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
  };
}

/** Staff lists and the audit trail, in PostgreSQL. */
export function createStaffQueries(prisma: PrismaClient): TStaffQueries {
  return {
    toValidate: async (actor, now) => {
      const mine: Prisma.ConventionWhereInput[] = [];
      if (actor.teacherId !== undefined) mine.push({ currentStep: "PEDAGOGIQUE", enseignantId: actor.teacherId });
      if (actor.staffCentreIds.length > 0) {
        mine.push({ currentStep: { in: ["VERIFICATION_ADMINISTRATIVE", "VALIDATION_ADMINISTRATIVE"] }, centreId: { in: [...actor.staffCentreIds] } });
      }
      if (mine.length === 0) return [];
      const rows = await prisma.convention.findMany({
        where: { state: "SUBMITTED", OR: mine },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        include: listInclude,
        take: 200,
      });
      return rows.map((row) => toItem(row, now));
    },
    search: async (actor, query, now) => {
      if (actor.staffCentreIds.length === 0 && !actor.isAdmin) return [];
      const scope: Prisma.ConventionWhereInput = actor.isAdmin ? {} : { centreId: { in: [...actor.staffCentreIds] } };
      const digits = query.replace(/\D/gu, "");
      const words = normalizeSearchText(query)
        .split(" ")
        .filter((word) => word.length > 0 && !/^\d+$/u.test(word));
      const byNumber: Prisma.ConventionWhereInput[] = digits ? [{ numero: Number(digits) }] : [];
      // Accent- and case-insensitive on the student's names as written on the convention.
      const folded = foldedSql(Prisma.sql`coalesce("etudiantLastName", '') || ' ' || coalesce("etudiantFirstName", '')`);
      const ids = words.length
        ? (await prisma.$queryRaw<Array<{ id: number }>>(Prisma.sql`SELECT "id" FROM "Convention" WHERE ${containsEveryWordSql(folded, words)} LIMIT 200`)).map(
            (row) => row.id,
          )
        : [];
      const byName: Prisma.ConventionWhereInput[] = ids.length ? [{ id: { in: ids } }] : [];
      if (byNumber.length + byName.length === 0) return [];
      const rows = await prisma.convention.findMany({
        where: { ...scope, state: { not: "DRAFT" }, OR: [...byNumber, ...byName] },
        orderBy: [{ submittedAt: "desc" }],
        include: listInclude,
        take: 50,
      });
      return rows.map((row) => toItem(row, now));
    },
    history: async (conventionId, limit) => {
      const [events, total] = await Promise.all([
        prisma.auditEvent.findMany({
          where: { conventionId },
          orderBy: { id: "desc" },
          take: limit,
          include: { actor: { select: { firstName: true, lastName: true } } },
        }),
        prisma.auditEvent.count({ where: { conventionId } }),
      ]);
      return { entries: events.map(toEntry), omitted: Math.max(0, total - events.length) };
    },
  };
}
