import type { TAvenantDecisionRecord, TAvenantStore, TStoredAvenant } from "../app/ports/avenants.ts";
import { AppError } from "../app/app-error.ts";
import type { TAuditRecord } from "../app/ports/conventions.ts";
import { isMotifAvenant, parseAvenantChanges } from "../domain/avenant.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { Prisma, type PrismaClient } from "../generated/prisma/client.ts";
import { toConventionChanges } from "./convention-values.ts";
import { enqueueNotifications } from "./outbox.ts";

const include = {
  requestedBy: { select: { firstName: true, lastName: true } },
  decisions: { orderBy: { decidedAt: "asc" }, include: { decider: { select: { firstName: true, lastName: true } } } },
} as const satisfies Prisma.AvenantInclude;

type TAvenantRow = Prisma.AvenantGetPayload<{ include: typeof include }>;
type TClient = PrismaClient | Prisma.TransactionClient;

// Notifications are due at once by the database's time, whatever the use-case's clock says
// (as for transitionConvention): the dispatcher claims by real time.

// Every avenant decision is recorded under this step: avenants have one, administrative, decision.
const AVENANT_STEP = "VALIDATION_ADMINISTRATIVE";

// Values were checked before they were written: a row that no longer reads is corrupt, not a user's error.
function readValues(json: Prisma.JsonValue | null, what: string, id: number): Partial<TConventionValues> {
  const parsed = parseAvenantChanges(json ?? {});
  if (parsed.errors.length > 0) throw new Error(`avenant ${id}: unreadable ${what}: ${JSON.stringify(parsed.errors)}`);
  return parsed.values;
}

function toStoredAvenant(row: TAvenantRow): TStoredAvenant {
  // One decision per avenant (unique on avenant and step).
  const decision = row.decisions[0];
  return {
    id: row.id,
    conventionId: row.conventionId,
    numero: row.numero,
    status: row.status,
    motifs: row.motifs.filter(isMotifAvenant),
    motifAutre: row.motifAutre,
    comment: row.comment,
    changes: readValues(row.changes, "changes", row.id),
    previousValues: row.previousValues === null ? null : readValues(row.previousValues, "previousValues", row.id),
    requestedById: row.requestedById,
    requestedByName: `${row.requestedBy.firstName} ${row.requestedBy.lastName}`,
    createdAt: row.createdAt,
    decision:
      decision && decision.decision !== "UNVALIDATED"
        ? {
            decision: decision.decision,
            reason: decision.reason,
            deciderId: decision.deciderId,
            deciderName: `${decision.decider.firstName} ${decision.decider.lastName}`,
            decidedAt: decision.decidedAt,
          }
        : null,
  };
}

async function getAvenant(prisma: TClient, id: number): Promise<TStoredAvenant> {
  const row = await prisma.avenant.findUnique({ where: { id }, include });
  if (!row) throw new AppError("NOT_FOUND", { entity: "avenant", id });
  return toStoredAvenant(row);
}

function json(values: object): Prisma.InputJsonObject {
  // Domain values are plain JSON (strings, numbers, booleans, null, lists of periods).
  return values;
}

function auditData(audit: TAuditRecord, entity: { entityType: string; entityId: number; conventionId: number }): Prisma.AuditEventUncheckedCreateInput {
  return {
    ...entity,
    actorId: audit.actorId,
    action: audit.action,
    ...(audit.before ? { before: json(audit.before) } : {}),
    ...(audit.after ? { after: json(audit.after) } : {}),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// The changes written into the convention at the version they were checked on, like a section save.
async function applyToConvention(tx: Prisma.TransactionClient, apply: NonNullable<TAvenantDecisionRecord["apply"]>): Promise<void> {
  const { dureeEffectiveCalculee, ...values } = apply.update;
  const changes = toConventionChanges(values);
  if (dureeEffectiveCalculee !== undefined) changes.fields.dureeEffectiveCalculee = dureeEffectiveCalculee;
  const id = apply.conventionId;
  const { count } = await tx.convention.updateMany({ where: { id, version: apply.expectedVersion }, data: { ...changes.fields, version: { increment: 1 } } });
  if (count === 0) throw new AppError("STALE_VERSION", { id });
  if (changes.interruptions) {
    await tx.interruption.deleteMany({ where: { conventionId: id } });
    await tx.interruption.createMany({ data: changes.interruptions.map((period) => ({ ...period, conventionId: id })) });
  }
  await tx.auditEvent.create({ data: auditData(apply.conventionAudit, { entityType: "convention", entityId: id, conventionId: id }) });
}

// Who won is read by the use-case, outside this (failed) transaction: the conflict names the avenant only.
function decidedConflict(avenant: { id: number; numero: number }): AppError {
  return new AppError("CONFLICT", { id: avenant.id }, { kind: "avenant_decided", avenantId: avenant.id, numero: avenant.numero, taken: null });
}

async function recordDecision(tx: Prisma.TransactionClient, record: TAvenantDecisionRecord, numero: number): Promise<void> {
  try {
    await tx.avenantDecision.create({
      data: {
        avenantId: record.avenantId,
        step: AVENANT_STEP,
        decision: record.decision,
        reason: record.reason,
        deciderId: record.deciderId,
        decidedAt: record.decidedAt,
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw decidedConflict({ id: record.avenantId, numero });
    throw error;
  }
}

/** Avenants in PostgreSQL, through Prisma. */
export function createAvenantStore(prisma: PrismaClient): TAvenantStore {
  return {
    get: (id) => getAvenant(prisma, id),
    request: (record, effects) =>
      prisma.$transaction(async (tx) => {
        // The convention's row lock serialises numbering: two requests never take the same number.
        await tx.$queryRaw`SELECT "id" FROM "Convention" WHERE "id" = ${record.conventionId} FOR UPDATE`;
        const last = await tx.avenant.aggregate({ where: { conventionId: record.conventionId }, _max: { numero: true } });
        const created = await tx.avenant.create({
          data: {
            conventionId: record.conventionId,
            numero: (last._max.numero ?? 0) + 1,
            status: "SUBMITTED",
            motifs: [...record.motifs],
            motifAutre: record.motifAutre,
            comment: record.comment,
            changes: json(record.changes),
            requestedById: record.requestedById,
            submittedAt: record.submittedAt,
          },
        });
        const { audit, notifications } = effects({ id: created.id, numero: created.numero });
        await tx.auditEvent.create({ data: auditData(audit, { entityType: "avenant", entityId: created.id, conventionId: record.conventionId }) });
        await enqueueNotifications(tx, notifications, new Date());
        return getAvenant(tx, created.id);
      }),

    async pendingOf(conventionId) {
      const rows = await prisma.avenant.findMany({ where: { conventionId, status: "SUBMITTED" }, orderBy: { numero: "asc" }, include });
      return rows.map(toStoredAvenant);
    },
    decide: (record) =>
      prisma.$transaction(async (tx) => {
        const avenant = await tx.avenant.findUniqueOrThrow({ where: { id: record.avenantId }, select: { id: true, numero: true, conventionId: true } });
        await recordDecision(tx, record, avenant.numero);
        const applied = record.apply ? { previousValues: json(record.apply.previousValues), appliedAt: record.decidedAt } : {};
        const { count } = await tx.avenant.updateMany({
          where: { id: record.avenantId, status: "SUBMITTED" },
          data: { status: record.decision, decidedAt: record.decidedAt, version: { increment: 1 }, ...applied },
        });
        if (count === 0) throw decidedConflict(avenant);
        await tx.auditEvent.create({
          data: auditData(record.avenantAudit, { entityType: "avenant", entityId: record.avenantId, conventionId: avenant.conventionId }),
        });
        if (record.apply) await applyToConvention(tx, record.apply);
        await enqueueNotifications(tx, record.notifications, new Date());
        return getAvenant(tx, record.avenantId);
      }),

    motifChoices: async (locale) =>
      (await prisma.referenceItem.findMany({ where: { list: "MOTIF_AVENANT", active: true }, orderBy: [{ position: "asc" }, { label: "asc" }] })).map(
        (item) => ({
          value: item.code,
          title: locale === "en" ? item.labelEn : item.label,
        }),
      ),
  };
}
