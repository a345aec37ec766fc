import { AppError } from "../app/app-error.ts";
import type { TNotification } from "../app/notifications/notification.ts";
import { Prisma, type DecisionKind, type PrismaClient, type ValidationStep } from "../generated/prisma/client.ts";
import { enqueueNotifications } from "./outbox.ts";

/** A convention with its interruption and irregular-schedule periods. */
export type TConventionRecord = Prisma.ConventionGetPayload<{ include: { interruptions: true; irregularPeriods: true } }>;

export interface TPeriodInput {
  dateDebut: Date;
  dateFin: Date;
}

/** Scalar changes of a convention plus, when given, the full new lists of periods. */
export interface TConventionChanges {
  fields: Prisma.ConventionUncheckedUpdateManyInput;
  interruptions?: TPeriodInput[];
  irregularPeriods?: Array<TPeriodInput & { hoursPerDay: number }>;
}

export interface TAuditEntry {
  actorId: number | null;
  action: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

const withPeriods = {
  interruptions: { orderBy: { dateDebut: "asc" } },
  irregularPeriods: { orderBy: { dateDebut: "asc" } },
} as const satisfies Prisma.ConventionInclude;

/** Reads one convention, or throws NOT_FOUND. */
export async function getConvention(prisma: PrismaClient | Prisma.TransactionClient, id: number): Promise<TConventionRecord> {
  const convention = await prisma.convention.findUnique({ where: { id }, include: withPeriods });
  if (!convention) throw new AppError("NOT_FOUND", { entity: "convention", id });
  return convention;
}

/**
 * Applies changes only if the convention is still at `expectedVersion` (optimistic locking),
 * in one transaction with its audit event: a stale update changes nothing and throws STALE_VERSION.
 */
export async function updateConvention(
  prisma: PrismaClient,
  id: number,
  expectedVersion: number,
  changes: TConventionChanges,
  audit: TAuditEntry,
): Promise<TConventionRecord> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.updateMany({
      where: { id, version: expectedVersion },
      data: { ...changes.fields, version: { increment: 1 } },
    });
    if (count === 0) await staleOrMissing(tx, id);
    if (changes.interruptions) {
      await tx.interruption.deleteMany({ where: { conventionId: id } });
      await tx.interruption.createMany({ data: changes.interruptions.map((period) => ({ ...period, conventionId: id })) });
    }
    if (changes.irregularPeriods) {
      await tx.irregularPeriod.deleteMany({ where: { conventionId: id } });
      await tx.irregularPeriod.createMany({ data: changes.irregularPeriods.map((period) => ({ ...period, conventionId: id })) });
    }
    await tx.auditEvent.create({
      data: { entityType: "convention", entityId: id, conventionId: id, ...audit },
    });
    return getConvention(tx, id);
  });
}

/** Creates a draft for a student, with its first answers when given, audited. */
export async function createDraft(
  prisma: PrismaClient,
  studentId: number,
  actorId: number,
  initial: TConventionChanges = { fields: {} },
): Promise<TConventionRecord> {
  return prisma.$transaction(async (tx) => {
    const created = await tx.convention.create({
      data: {
        ...(initial.fields as Prisma.ConventionUncheckedCreateInput),
        studentId,
        createdById: actorId,
        interruptions: { create: initial.interruptions ?? [] },
        irregularPeriods: { create: initial.irregularPeriods ?? [] },
      },
    });
    await tx.auditEvent.create({
      data: {
        entityType: "convention",
        entityId: created.id,
        conventionId: created.id,
        actorId,
        action: "convention.created",
        after: initial.fields as Prisma.InputJsonValue,
      },
    });
    return getConvention(tx, created.id);
  });
}

/** Throws STALE_VERSION when the convention exists at another version, NOT_FOUND when it does not exist. */
async function staleOrMissing(tx: Prisma.TransactionClient, id: number): Promise<never> {
  const exists = await tx.convention.count({ where: { id } });
  throw exists ? new AppError("STALE_VERSION", { id }) : new AppError("NOT_FOUND", { entity: "convention", id });
}

/** A pending avenant cancelled with a transition (an un-validation). */
export interface TAvenantCancellationRow {
  avenantId: number;
  audit: TAuditEntry;
  notifications: TNotification[];
}

/** A decision to record with a transition; the unique (convention, round, step) lets exactly one win. */
export interface TDecisionRow {
  round: number;
  step: ValidationStep | null;
  decision: DecisionKind;
  reason: string | null;
  deciderId: number;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Changes lifecycle fields at `expectedVersion`, assigning the next number when asked, with its
 * decision, audit event and notifications, all in one transaction: the notifications exist
 * if and only if the change does. A decision already taken on the step throws CONFLICT.
 */
export async function transitionConvention(
  prisma: PrismaClient,
  id: number,
  expectedVersion: number,
  fields: Prisma.ConventionUncheckedUpdateManyInput & { assignNumero?: boolean },
  audit: TAuditEntry,
  extra: { decision?: TDecisionRow; notifications?: TNotification[]; cancelAvenants?: TAvenantCancellationRow[]; now?: Date } = {},
): Promise<TConventionRecord> {
  return prisma.$transaction(async (tx) => {
    if (extra.decision) {
      try {
        await tx.validationDecision.create({ data: { ...extra.decision, conventionId: id } });
      } catch (error) {
        // Who won is read by the use-case, outside this (now failed) transaction. An
        // un-validation has no step, and nulls never collide in the unique key.
        const { round, step } = extra.decision;
        if (isUniqueViolation(error) && step !== null)
          throw new AppError("CONFLICT", { id }, { kind: "step_decided", conventionId: id, round, step, taken: null });
        throw error;
      }
    }
    const { assignNumero, ...data } = fields;
    const current = await tx.convention.findUnique({ where: { id }, select: { numero: true } });
    const numero = assignNumero && current && current.numero === null ? await nextConventionNumber(tx) : undefined;
    const { count } = await tx.convention.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, ...(numero === undefined ? {} : { numero }), version: { increment: 1 } },
    });
    if (count === 0) await staleOrMissing(tx, id);
    await tx.auditEvent.create({ data: { entityType: "convention", entityId: id, conventionId: id, ...audit } });
    if (extra.notifications?.length) await enqueueNotifications(tx, extra.notifications, extra.now ?? new Date());
    for (const cancellation of extra.cancelAvenants ?? []) {
      // Only an avenant still waiting: one decided in the meantime keeps its decision, and nobody is told it was cancelled.
      const cancelled = await tx.avenant.updateMany({
        where: { id: cancellation.avenantId, conventionId: id, status: "SUBMITTED" },
        data: { status: "CANCELLED", version: { increment: 1 } },
      });
      if (cancelled.count === 0) continue;
      await tx.auditEvent.create({ data: { entityType: "avenant", entityId: cancellation.avenantId, conventionId: id, ...cancellation.audit } });
      await enqueueNotifications(tx, cancellation.notifications, extra.now ?? new Date());
    }
    return getConvention(tx, id);
  });
}

/** Deletes a convention at `expectedVersion`; its audit trail stays, detached, with a deletion event. */
export async function deleteConvention(prisma: PrismaClient, id: number, expectedVersion: number, audit: TAuditEntry): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.convention.deleteMany({ where: { id, version: expectedVersion } });
    if (count === 0) await staleOrMissing(tx, id);
    await tx.auditEvent.create({ data: { entityType: "convention", entityId: id, conventionId: null, ...audit } });
  });
}

/** Takes the next convention number from its sequence (never reused). */
export async function nextConventionNumber(prisma: PrismaClient | Prisma.TransactionClient): Promise<number> {
  const rows = await prisma.$queryRaw<Array<{ numero: bigint }>>`SELECT nextval('convention_numero_seq') AS numero`;
  const numero = rows[0]?.numero;
  if (numero === undefined) throw new Error("convention_numero_seq returned no value");
  return Number(numero);
}
