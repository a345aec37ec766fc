import type { TRulesFactsSource, TStoredConvention } from "../app/ports/conventions.ts";
import type { TConventionRulesFacts } from "../domain/convention-rules.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { DEFAULT_GRATIFICATION_RATES, holidayZoneOf, type TGratificationRates, type THolidayZone } from "../domain/rules/index.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { toIsoDate } from "./convention-values.ts";

async function studentConventions(prisma: PrismaClient, convention: TStoredConvention) {
  const others = await prisma.convention.findMany({
    where: { studentId: convention.studentId, id: { not: convention.id }, state: { not: "CANCELLED" }, etablissementId: { not: null } },
    select: { etablissementId: true, academicYear: true, state: true, dureeEffectiveSaisie: true, dureeEffectiveCalculee: true },
  });
  return others.map((other) => ({
    hostId: other.etablissementId ?? 0,
    academicYear: other.academicYear ?? "",
    hours: (other.dureeEffectiveSaisie ?? other.dureeEffectiveCalculee)?.toNumber() ?? 0,
    state: other.state,
  }));
}

async function tutorConventions(prisma: PrismaClient, convention: TStoredConvention) {
  const tuteurId = convention.values.tuteurId;
  if (tuteurId === null) return [];
  const others = await prisma.convention.findMany({
    where: { tuteurId, id: { not: convention.id }, dateDebut: { not: null }, dateFin: { not: null } },
    select: { dateDebut: true, dateFin: true, state: true },
  });
  return others.flatMap((other) =>
    other.dateDebut && other.dateFin ? [{ start: toIsoDate(other.dateDebut), end: toIsoDate(other.dateFin), state: other.state }] : [],
  );
}

// D124-3: the référent's other conventions, counted like a tuteur's, and their own ceiling.
async function referentFacts(prisma: PrismaClient, convention: TStoredConvention) {
  const enseignantId = convention.values.enseignantId;
  if (enseignantId === null) return { referentConventions: [], referentMaxConventions: null };
  const [teacher, others] = await Promise.all([
    prisma.teacher.findUnique({ where: { personId: enseignantId }, select: { maxConventions: true } }),
    prisma.convention.findMany({
      where: { enseignantId, id: { not: convention.id }, dateDebut: { not: null }, dateFin: { not: null } },
      select: { dateDebut: true, dateFin: true, state: true },
    }),
  ]);
  const referentConventions = others.flatMap((other) =>
    other.dateDebut && other.dateFin ? [{ start: toIsoDate(other.dateDebut), end: toIsoDate(other.dateFin), state: other.state }] : [],
  );
  return { referentConventions, referentMaxConventions: teacher?.maxConventions ?? null };
}

// R124-10: the host's other conventions, and its headcount as its effectif band says (extra {min, max}).
async function hostFacts(prisma: PrismaClient, convention: TStoredConvention, effectifCode: string | null | undefined) {
  const etablissementId = convention.values.etablissementId;
  if (etablissementId === null) return { hostConventions: [], hostHeadcount: null };
  const [others, band] = await Promise.all([
    prisma.convention.findMany({
      where: { etablissementId, id: { not: convention.id }, dateDebut: { not: null }, dateFin: { not: null } },
      select: { dateDebut: true, dateFin: true, state: true },
    }),
    effectifCode ? prisma.referenceItem.findUnique({ where: { list_code: { list: "EFFECTIF", code: effectifCode } }, select: { extra: true } }) : null,
  ]);
  const hostConventions = others.flatMap((other) =>
    other.dateDebut && other.dateFin ? [{ start: toIsoDate(other.dateDebut), end: toIsoDate(other.dateFin), state: other.state }] : [],
  );
  const extra = band?.extra;
  const min = typeof extra === "object" && extra !== null && !Array.isArray(extra) ? extra["min"] : undefined;
  const max = typeof extra === "object" && extra !== null && !Array.isArray(extra) ? extra["max"] : undefined;
  const hostHeadcount = typeof min === "number" && typeof max === "number" && min <= max ? { min, max } : null;
  return { hostConventions, hostHeadcount };
}

// A draft has no centre yet (set at submission): the centre that will manage it is its formation's.
async function centreSettings(prisma: PrismaClient, convention: TStoredConvention) {
  const select = { refuseTrainingHoursBelow200: true } as const;
  if (convention.centreId !== null) return prisma.centreGestion.findUnique({ where: { id: convention.centreId }, select });
  const inscriptionId = convention.values.inscriptionId;
  if (inscriptionId === null) return null;
  const inscription = await prisma.inscription.findUnique({ where: { id: inscriptionId }, select: { formation: { select: { centre: { select } } } } });
  return inscription?.formation.centre ?? null;
}

// The place of work: the service's address, else the établissement's, else the convention's country.
async function holidayZoneFor(prisma: PrismaClient, values: TConventionValues): Promise<THolidayZone> {
  const select = { postalCode: true, countryIso2: true } as const;
  const [service, etablissement] = await Promise.all([
    values.serviceId === null ? null : prisma.service.findUnique({ where: { id: values.serviceId }, select }),
    values.etablissementId === null ? null : prisma.etablissement.findUnique({ where: { id: values.etablissementId }, select }),
  ]);
  return holidayZoneOf(service, etablissement, { countryIso2: values.paysIso2, postalCode: null });
}

/** The directory and the other conventions, as the legal rules need them. */
export function createRulesFactsSource(prisma: PrismaClient): TRulesFactsSource {
  return {
    factsFor: async (convention, today): Promise<TConventionRulesFacts> => {
      const etablissementId = convention.values.etablissementId;
      const [student, etablissement, studentOthers, tutorOthers, referent, centre] = await Promise.all([
        prisma.student.findUnique({ where: { personId: convention.studentId }, select: { birthDate: true } }),
        etablissementId === null ? null : prisma.etablissement.findUnique({ where: { id: etablissementId }, select: { siret: true, effectifCode: true } }),
        studentConventions(prisma, convention),
        tutorConventions(prisma, convention),
        referentFacts(prisma, convention),
        centreSettings(prisma, convention),
      ]);
      const holidayZone = await holidayZoneFor(prisma, convention.values);
      return {
        today,
        birthDate: student ? toIsoDate(student.birthDate) : null,
        siret: etablissement?.siret ?? null,
        studentConventions: studentOthers,
        tutorConventions: tutorOthers,
        ...referent,
        trainingHoursBelow200Refused: centre?.refuseTrainingHoursBelow200 ?? false,
        holidayZone,
        ...(await hostFacts(prisma, convention, etablissement?.effectifCode)),
      };
    },
    holidayZone: (values) => holidayZoneFor(prisma, values),
    // The admin's table (GratificationRate); the legal defaults while it is empty.
    gratificationRates: async (): Promise<TGratificationRates> => {
      const rows = await prisma.gratificationRate.findMany();
      if (rows.length === 0) return DEFAULT_GRATIFICATION_RATES;
      return Object.fromEntries(rows.map((row) => [row.year, row.hourlyMinimum.toNumber()]));
    },
  };
}
