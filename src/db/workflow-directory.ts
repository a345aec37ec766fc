import type { TWorkflowDirectory } from "../app/ports/directory.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Deciders and decisions of the validation workflow, in PostgreSQL. */
export function createWorkflowDirectory(prisma: PrismaClient): TWorkflowDirectory {
  const centreStaff = async (centreId: number) =>
    (await prisma.staffCentre.findMany({ where: { centreId }, select: { staffId: true }, orderBy: { staffId: "asc" } })).map((row) => row.staffId);
  return {
    centreSteps: async (centreId) => (await prisma.centreGestion.findUnique({ where: { id: centreId }, select: { steps: true } }))?.steps ?? [],
    stepDeciders: async (convention, step) => {
      if (step === "PEDAGOGIQUE") return convention.values.enseignantId === null ? [] : [convention.values.enseignantId];
      return convention.centreId === null ? [] : centreStaff(convention.centreId);
    },
    centreStaff,
    decisions: async (conventionId, round) => {
      const rows = await prisma.validationDecision.findMany({
        where: { conventionId, round },
        orderBy: { decidedAt: "asc" },
        include: { decider: { select: { firstName: true, lastName: true } } },
      });
      return rows.map((row) => ({
        round: row.round,
        step: row.step,
        decision: row.decision,
        reason: row.reason,
        deciderId: row.deciderId,
        deciderName: `${row.decider.firstName} ${row.decider.lastName}`,
        decidedAt: row.decidedAt,
      }));
    },
    personName: async (personId) => {
      const person = await prisma.person.findUnique({ where: { id: personId }, select: { firstName: true, lastName: true } });
      return person ? `${person.firstName} ${person.lastName}` : "";
    },
  };
}
