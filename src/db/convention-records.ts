import type { TConventionValues } from "../domain/convention.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

const INT4_MAX = 2_147_483_647;

// A rejected submission's values are shown back as typed: only well-formed ids are looked up.
function byId<T>(id: unknown, find: (id: number) => Promise<T | null>): Promise<T | null> {
  return typeof id === "number" && Number.isInteger(id) && id > 0 && id <= INT4_MAX ? find(id) : Promise.resolve(null);
}

/** The directory records a convention's values point to (CPAM, inscription, host, contacts, référent), null where unset. */
export async function loadConventionRecords(prisma: PrismaClient, values: Partial<TConventionValues>) {
  const [cpam, inscription, element, etablissement, service, tuteur, signataire, enseignant] = await Promise.all([
    byId(values.cpamId, (id) => prisma.cpam.findUnique({ where: { id } })),
    byId(values.inscriptionId, (id) => prisma.inscription.findUnique({ where: { id }, include: { formation: true } })),
    byId(values.elementPedagogiqueId, (id) => prisma.elementPedagogique.findUnique({ where: { id } })),
    byId(values.etablissementId, (id) => prisma.etablissement.findUnique({ where: { id } })),
    byId(values.serviceId, (id) => prisma.service.findUnique({ where: { id } })),
    byId(values.tuteurId, (id) => prisma.contact.findUnique({ where: { id } })),
    byId(values.signataireId, (id) => prisma.contact.findUnique({ where: { id } })),
    byId(values.enseignantId, (id) => prisma.teacher.findUnique({ where: { personId: id }, include: { person: true } })),
  ]);
  return { cpam, inscription, element, etablissement, service, tuteur, signataire, enseignant };
}
