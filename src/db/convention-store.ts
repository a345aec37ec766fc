import type { TAuditRecord, TConventionStore, TConventionUpdate, TLifecycleUpdate, TStoredConvention } from "../app/ports/conventions.ts";
import type { TValidationStep } from "../domain/convention.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import {
  createDraft,
  deleteConvention,
  getConvention,
  transitionConvention,
  updateConvention,
  type TAuditEntry,
  type TConventionRecord,
} from "./convention-repository.ts";
import { toConventionChanges, toConventionValues } from "./convention-values.ts";

type TClient = PrismaClient | Prisma.TransactionClient;

async function lifecycleFacts(prisma: TClient, record: TConventionRecord) {
  const [centre, decisions] = await Promise.all([
    record.centreId === null ? null : prisma.centreGestion.findUnique({ where: { id: record.centreId } }),
    prisma.validationDecision.findMany({
      where: { conventionId: record.id, round: record.round, decision: "VALIDATED" },
      orderBy: { decidedAt: "asc" },
    }),
  ]);
  return {
    studentsMayRequestAvenant: centre?.studentsMayRequestAvenant ?? false,
    validatedStepsThisRound: decisions.map((decision) => decision.step).filter((step): step is TValidationStep => step !== null),
  };
}

/** The core's view of a stored convention. */
export async function toStoredConvention(prisma: TClient, record: TConventionRecord): Promise<TStoredConvention> {
  return {
    id: record.id,
    numero: record.numero,
    version: record.version,
    state: record.state,
    round: record.round,
    currentStep: record.currentStep,
    studentId: record.studentId,
    centreId: record.centreId,
    dureeEffectiveCalculee: record.dureeEffectiveCalculee?.toNumber() ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    values: toConventionValues(record),
    ...(await lifecycleFacts(prisma, record)),
  };
}

function auditEntry(audit: TAuditRecord): TAuditEntry {
  return {
    actorId: audit.actorId,
    action: audit.action,
    ...(audit.before ? { before: audit.before as Prisma.InputJsonValue } : {}),
    ...(audit.after ? { after: audit.after as Prisma.InputJsonValue } : {}),
  };
}

function changesOf(update: TConventionUpdate) {
  const { dureeEffectiveCalculee, ...values } = update;
  const changes = toConventionChanges(values);
  if (dureeEffectiveCalculee !== undefined) changes.fields.dureeEffectiveCalculee = dureeEffectiveCalculee;
  return changes;
}

function lifecycleFields(lifecycle: TLifecycleUpdate): Prisma.ConventionUncheckedUpdateManyInput & { assignNumero?: boolean } {
  const { numero, ruleResults, ...fields } = lifecycle;
  return {
    ...fields,
    ...(numero === "assign" ? { assignNumero: true } : {}),
    ...(ruleResults === undefined ? {} : { ruleResults: ruleResults as Prisma.InputJsonValue }),
  };
}

/** Conventions in PostgreSQL, through Prisma. */
export function createConventionStore(prisma: PrismaClient): TConventionStore {
  const stored = (record: TConventionRecord) => toStoredConvention(prisma, record);
  return {
    get: async (id) => stored(await getConvention(prisma, id)),
    update: async (id, expectedVersion, update, audit) => stored(await updateConvention(prisma, id, expectedVersion, changesOf(update), auditEntry(audit))),
    createDraft: async (studentId, actorId, initial) => stored(await createDraft(prisma, studentId, actorId, changesOf(initial))),
    listForStudent: async (studentId) => {
      const records = await prisma.convention.findMany({
        where: { studentId },
        orderBy: { updatedAt: "desc" },
        include: { interruptions: { orderBy: { dateDebut: "asc" } }, irregularPeriods: { orderBy: { dateDebut: "asc" } } },
      });
      return Promise.all(records.map(stored));
    },
    transition: async (id, expectedVersion, lifecycle, audit, { cancelAvenants, ...effects } = {}) =>
      stored(
        await transitionConvention(prisma, id, expectedVersion, lifecycleFields(lifecycle), auditEntry(audit), {
          ...effects,
          ...(cancelAvenants ? { cancelAvenants: cancelAvenants.map((cancellation) => ({ ...cancellation, audit: auditEntry(cancellation.audit) })) } : {}),
        }),
      ),
    delete: (id, expectedVersion, audit) => deleteConvention(prisma, id, expectedVersion, auditEntry(audit)),
  };
}
