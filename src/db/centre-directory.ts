import type { TCentreDirectory } from "../app/ports/directory.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Centres de gestion in PostgreSQL: a formation's centre manages the conventions of its students. */
export function createCentreDirectory(prisma: PrismaClient): TCentreDirectory {
  return {
    centreOfInscription: async (inscriptionId) => {
      const inscription = await prisma.inscription.findUnique({
        where: { id: inscriptionId },
        select: { formation: { select: { centre: { select: { id: true, steps: true } } } } },
      });
      return inscription?.formation.centre ?? null;
    },
  };
}
