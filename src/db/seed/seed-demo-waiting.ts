// Two submitted conventions in the demo university, so that a newcomer's first `npm start` has
// something waiting: the DEMO-PSY gestionnaires get a digest (one internship starting soon, hence
// urgent) and its référent a reminder. Loaded once, right after the demo university itself.
import type { PrismaClient } from "../../generated/prisma/client.ts";

const DAY_MS = 24 * 3_600_000;

/** Inserts the demo's waiting conventions, dated from `now`. */
export async function seedDemoWaiting(prisma: PrismaClient, now: Date): Promise<void> {
  const hugo = await prisma.person.findUnique({
    where: { email: "hugo.bernard@etu.univ-demo.fr" },
    include: { student: { include: { inscriptions: { include: { formation: true } } } } },
  });
  const referent = await prisma.person.findUnique({ where: { email: "sophie.lambert@univ-demo.fr" } });
  const host = await prisma.etablissement.findFirst({ where: { raisonSociale: "Assistance Publique - Hôpitaux de Marseille" }, include: { services: true } });
  const inscription = hugo?.student?.inscriptions[0];
  if (!hugo || !referent || !host || !inscription) return;
  const day = (offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
  const waiting = [
    { step: "PEDAGOGIQUE" as const, submittedDaysAgo: 4, startsIn: 45, sujet: "Observation des entretiens cliniques en service de pédiatrie" },
    { step: "VALIDATION_ADMINISTRATIVE" as const, submittedDaysAgo: 2, startsIn: 9, sujet: "Passation de bilans psychologiques auprès d'adolescents" },
  ];
  for (const convention of waiting) {
    const [{ numero } = { numero: 0n }] = await prisma.$queryRaw<Array<{ numero: bigint }>>`SELECT nextval('convention_numero_seq') AS numero`;
    const submittedAt = new Date(now.getTime() - convention.submittedDaysAgo * DAY_MS);
    const created = await prisma.convention.create({
      data: {
        numero: Number(numero),
        state: "SUBMITTED",
        round: 1,
        currentStep: convention.step,
        studentId: hugo.id,
        createdById: hugo.id,
        centreId: inscription.formation.centreId,
        submittedAt,
        createdAt: submittedAt,
        etudiantFirstName: hugo.firstName,
        etudiantLastName: hugo.lastName,
        etudiantEmail: hugo.email,
        etudiantNumber: hugo.student?.studentNumber ?? null,
        inscriptionId: inscription.id,
        academicYear: inscription.academicYear,
        typeConvention: inscription.typeConvention,
        etablissementId: host.id,
        serviceId: host.services[0]?.id ?? null,
        enseignantId: referent.id,
        paysIso2: "FR",
        sujet: convention.sujet,
        dateDebut: day(convention.startsIn),
        dateFin: day(convention.startsIn + 30),
        langue: "FR",
      },
      select: { id: true },
    });
    // The pedagogical step is behind the administrative one: it was validated the day after submission.
    if (convention.step === "VALIDATION_ADMINISTRATIVE") {
      await prisma.validationDecision.create({
        data: {
          conventionId: created.id,
          round: 1,
          step: "PEDAGOGIQUE",
          decision: "VALIDATED",
          deciderId: referent.id,
          decidedAt: new Date(submittedAt.getTime() + DAY_MS),
        },
      });
    }
  }
}
