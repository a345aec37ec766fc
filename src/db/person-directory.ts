import { AppError } from "../app/app-error.ts";
import type { TPersonDirectory, TStudentProfile } from "../app/ports/directory.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { loadActor } from "./load-actor.ts";

/** The directory in PostgreSQL: a chat account is the person with the same e-mail. */
export function createPersonDirectory(prisma: PrismaClient): TPersonDirectory {
  const directoryPerson = async (person: { id: number; firstName: string; lastName: string }) => {
    const { locale, ...actor } = await loadActor(prisma, person.id);
    return { actor, locale, displayName: `${person.firstName} ${person.lastName}` };
  };
  return {
    byEmail: async (email) => {
      const person = await prisma.person.findUnique({ where: { email: email.trim().toLowerCase() } });
      return person ? directoryPerson(person) : null;
    },
    byId: async (personId) => {
      const person = await prisma.person.findUnique({ where: { id: personId } });
      return person ? directoryPerson(person) : null;
    },
    setLocale: async (personId, locale) => {
      await prisma.person.update({ where: { id: personId }, data: { locale } });
    },
    studentProfile: async (studentId): Promise<TStudentProfile> => {
      const student = await prisma.student.findUnique({
        where: { personId: studentId },
        include: {
          person: true,
          inscriptions: {
            orderBy: { academicYear: "desc" },
            include: { formation: { include: { elementsPedagogiques: { orderBy: { code: "asc" } } } } },
          },
        },
      });
      if (!student) throw new AppError("NOT_FOUND", { entity: "student", id: studentId });
      return {
        lastName: student.person.lastName,
        firstName: student.person.firstName,
        studentNumber: student.studentNumber,
        email: student.person.email,
        phone: student.person.phone,
        addressLine: student.addressLine,
        postalCode: student.postalCode,
        city: student.city,
        countryIso2: student.countryIso2,
        inscriptions: student.inscriptions.map((inscription) => ({
          id: inscription.id,
          academicYear: inscription.academicYear,
          typeConvention: inscription.typeConvention,
          formationCode: inscription.formation.code,
          formationLabel: inscription.formation.label,
          centreId: inscription.formation.centreId,
          elements: inscription.formation.elementsPedagogiques.map((element) => ({
            id: element.id,
            code: element.code,
            label: element.label,
            ects: element.ects?.toNumber() ?? null,
          })),
        })),
      };
    },
  };
}
