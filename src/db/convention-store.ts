import type { TConventionStore, TConventionUpdate, TStoredConvention } from "../app/ports.ts";
import type { TValidationStep } from "../domain/convention.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { getConvention, updateConvention, type TConventionRecord } from "./convention-repository.ts";
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

/** Conventions in PostgreSQL, through Prisma. */
export function createConventionStore(prisma: PrismaClient): TConventionStore {
  return {
    get: async (id) => toStoredConvention(prisma, await getConvention(prisma, id)),
    update: async (id, expectedVersion, update: TConventionUpdate, audit) => {
      const { dureeEffectiveCalculee, ...values } = update;
      const changes = toConventionChanges(values);
      if (dureeEffectiveCalculee !== undefined) changes.fields.dureeEffectiveCalculee = dureeEffectiveCalculee;
      const record = await updateConvention(prisma, id, expectedVersion, changes, {
        actorId: audit.actorId,
        action: audit.action,
        ...(audit.before ? { before: audit.before as Prisma.InputJsonValue } : {}),
        ...(audit.after ? { after: audit.after as Prisma.InputJsonValue } : {}),
      });
      return toStoredConvention(prisma, record);
    },
  };
}
