// Conventions in every state the reminders look at, written straight into a seeded demo database.
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { DEMO } from "./demo.ts";

export const DAY_MS = 24 * 3_600_000;

/** What a fixture convention needs; everything else stays empty. */
export interface TFixtureConvention {
  student?: string;
  centre: "DEMO-PSY" | "DEMO-SCI";
  state: "DRAFT" | "SUBMITTED" | "RETURNED" | "VALIDATED";
  step?: "PEDAGOGIQUE" | "VERIFICATION_ADMINISTRATIVE" | "VALIDATION_ADMINISTRATIVE";
  /** Days before `now` it was submitted (and last touched). */
  ageDays: number;
  /** Days from `now` the internship starts. */
  startsInDays?: number;
  numero?: number;
}

/** Ids of the demo people and centres the reminders tests use. */
export async function demoIds(prisma: PrismaClient) {
  const person = async (email: string) => (await prisma.person.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
  const centre = async (code: string) => (await prisma.centreGestion.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  return {
    lea: await person(DEMO.lea),
    hugo: await person(DEMO.hugo),
    lambert: await person(DEMO.lambert),
    garcia: await person(DEMO.garcia),
    fontaine: await person(DEMO.fontaine),
    mansouri: await person(DEMO.mansouri),
    petit: await person(DEMO.petit),
    psy: await centre("DEMO-PSY"),
    sci: await centre("DEMO-SCI"),
  };
}

let numero = 90_000;

/** Inserts one convention as of `now`; returns its id. */
export async function insertConvention(prisma: PrismaClient, now: Date, fixture: TFixtureConvention): Promise<number> {
  const student = await prisma.person.findUniqueOrThrow({
    where: { email: fixture.student ?? DEMO.lea },
    include: { student: { include: { inscriptions: { include: { formation: true } } } } },
  });
  const centre = await prisma.centreGestion.findUniqueOrThrow({ where: { code: fixture.centre } });
  const inscriptions = student.student?.inscriptions ?? [];
  const inscription = inscriptions.find((each) => each.formation.centreId === centre.id) ?? inscriptions[0];
  const referent = await prisma.person.findUniqueOrThrow({ where: { email: DEMO.lambert } });
  const at = new Date(now.getTime() - fixture.ageDays * DAY_MS);
  const submitted = fixture.state !== "DRAFT";
  const start =
    fixture.startsInDays === undefined ? null : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + fixture.startsInDays));
  numero += 1;
  const created = await prisma.convention.create({
    data: {
      studentId: student.id,
      createdById: student.id,
      state: fixture.state,
      round: submitted ? 1 : 0,
      currentStep: fixture.state === "SUBMITTED" ? (fixture.step ?? "VALIDATION_ADMINISTRATIVE") : null,
      centreId: submitted ? centre.id : null,
      inscriptionId: inscription?.id ?? null,
      numero: submitted ? (fixture.numero ?? numero) : null,
      submittedAt: submitted ? at : null,
      etudiantFirstName: student.firstName,
      etudiantLastName: student.lastName,
      enseignantId: referent.id,
      dateDebut: start,
      createdAt: at,
    },
    select: { id: true },
  });
  // @updatedAt is set by Prisma on create: the age is what the reminders read.
  await prisma.$executeRaw`UPDATE "Convention" SET "updatedAt" = ${at} WHERE "id" = ${created.id}`;
  return created.id;
}
