import { AppError } from "../app/app-error.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** Who is acting, as the permission matrix sees them (src/domain/permissions.ts). */
export interface TActor {
  personId: number;
  /** Set when the person is a student (same id as the person). */
  studentId?: number;
  /** Set when the person is a teacher (same id as the person). */
  teacherId?: number;
  staffCentreIds: number[];
  isAdmin: boolean;
  locale: "fr" | "en";
}

/** Loads a person's roles from the directory, or throws UNKNOWN_PERSON. */
export async function loadActor(prisma: PrismaClient, personId: number): Promise<TActor> {
  const person = await prisma.person.findUnique({
    where: { id: personId },
    include: { student: true, teacher: true, staff: { include: { centres: true } } },
  });
  if (!person) throw new AppError("UNKNOWN_PERSON", { email: `#${personId}` });
  return {
    personId: person.id,
    ...(person.student ? { studentId: person.id } : {}),
    ...(person.teacher ? { teacherId: person.id } : {}),
    staffCentreIds: person.staff?.centres.map((centre) => centre.centreId) ?? [],
    isAdmin: person.staff?.isAdmin ?? false,
    locale: person.locale === "en" ? "en" : "fr",
  };
}

/** Finds the directory entry with this e-mail (case-insensitive), or throws UNKNOWN_PERSON. */
export async function loadActorByEmail(prisma: PrismaClient, email: string): Promise<TActor> {
  const person = await prisma.person.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!person) throw new AppError("UNKNOWN_PERSON", { email });
  return loadActor(prisma, person.id);
}
