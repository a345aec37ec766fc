// Loads the demo university once: centres, formations, people and hosts, in one transaction so
// a failed seed leaves nothing half-made. The reference lists must be loaded first
// (seedReferenceData): the demo's codes point into them.
import { normalizeName } from "../../domain/normalize-name.ts";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.ts";
import { DEMO_ETABLISSEMENTS, type TDemoEtablissement } from "./demo-etablissements.ts";
import { DEMO_STAFF, DEMO_STUDENTS, DEMO_TEACHERS } from "./demo-people.ts";
import { DEMO_CENTRES, DEMO_FORMATIONS, DEMO_MARKER_CENTRE_CODE, DEMO_TYPE_CONVENTION } from "./demo-university.ts";

export { DEMO_PEOPLE, type TDemoPerson, type TDemoRole } from "./demo-people.ts";

type TTx = Prisma.TransactionClient;

// Instances starting together would both find no demo and both insert it; the second one
// waits on this transaction-scoped lock, then sees the marker and does nothing.
const DEMO_SEED_LOCK_ID = 524_500_001;

/** Loads the demo university unless its marker centre exists; `created` tells which happened. */
export async function seedDemo(prisma: PrismaClient): Promise<{ created: boolean }> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_SEED_LOCK_ID})`;
      const marker = await tx.centreGestion.findUnique({ where: { code: DEMO_MARKER_CENTRE_CODE }, select: { id: true } });
      if (marker) return { created: false };
      const centreIds = await createCentres(tx);
      const formationIds = await createFormations(tx, centreIds);
      await createStudents(tx, formationIds);
      await createTeachers(tx);
      await createStaff(tx, centreIds);
      for (const etablissement of DEMO_ETABLISSEMENTS) await createEtablissement(tx, etablissement);
      return { created: true };
    },
    // The first start on embedded PGlite is slow; the default 5 s would abort the seed.
    { timeout: 60_000, maxWait: 30_000 },
  );
}

function idOf(ids: ReadonlyMap<string, number>, code: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`Demo data refers to unknown code ${code}`);
  return id;
}

async function createCentres(tx: TTx): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const centre of DEMO_CENTRES) {
    const created = await tx.centreGestion.create({ data: centre, select: { id: true } });
    ids.set(centre.code, created.id);
  }
  return ids;
}

async function createFormations(tx: TTx, centreIds: ReadonlyMap<string, number>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const { elements, centreCode, ...formation } of DEMO_FORMATIONS) {
    const created = await tx.formation.create({
      data: { ...formation, centreId: idOf(centreIds, centreCode), elementsPedagogiques: { create: elements } },
      select: { id: true },
    });
    ids.set(formation.code, created.id);
  }
  return ids;
}

async function createStudents(tx: TTx, formationIds: ReadonlyMap<string, number>): Promise<void> {
  for (const s of DEMO_STUDENTS) {
    const inscriptions = s.inscriptions.map((inscription) => ({
      academicYear: inscription.academicYear,
      formationId: idOf(formationIds, inscription.formationCode),
      typeConvention: DEMO_TYPE_CONVENTION,
    }));
    await tx.person.create({
      data: {
        email: s.email,
        lastName: s.lastName,
        firstName: s.firstName,
        phone: s.phone,
        student: {
          create: {
            studentNumber: s.studentNumber,
            birthDate: new Date(`${s.birthDate}T00:00:00Z`),
            addressLine: s.addressLine,
            postalCode: s.postalCode,
            city: s.city,
            countryIso2: "FR",
            inscriptions: { create: inscriptions },
          },
        },
      },
    });
  }
}

async function createTeachers(tx: TTx): Promise<void> {
  for (const { department, ...person } of DEMO_TEACHERS) {
    await tx.person.create({ data: { ...person, teacher: { create: { department } } } });
  }
}

async function createStaff(tx: TTx, centreIds: ReadonlyMap<string, number>): Promise<void> {
  for (const { isAdmin, centreCodes, ...person } of DEMO_STAFF) {
    const centres = centreCodes.map((code) => ({ centreId: idOf(centreIds, code) }));
    await tx.person.create({ data: { ...person, staff: { create: { isAdmin, centres: { create: centres } } } } });
  }
}

async function createEtablissement(tx: TTx, demo: TDemoEtablissement): Promise<void> {
  const { services, contacts, ...fields } = demo;
  const etablissement = await tx.etablissement.create({
    data: {
      ...fields,
      normalizedName: normalizeName(demo.raisonSociale),
      // The demo's hosts are known to the university: no gestionnaire needs to check them.
      verified: true,
      services: { create: services.map((service) => ({ ...service, countryIso2: demo.countryIso2 })) },
    },
    include: { services: { select: { id: true, name: true } } },
  });
  const serviceIds = new Map(etablissement.services.map((service) => [service.name, service.id]));
  await tx.contact.createMany({
    data: contacts.map(({ service, ...contact }) => ({
      ...contact,
      etablissementId: etablissement.id,
      serviceId: service === null ? null : idOf(serviceIds, service),
    })),
  });
}
