import type { TFormDrafts } from "../app/ports/form-drafts.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

/** The unsaved answers of section forms in PostgreSQL (FormDraft), apart from the convention's values. */
export function createFormDrafts(prisma: PrismaClient): TFormDrafts {
  return {
    async get(personId, conventionId, section) {
      const row = await prisma.formDraft.findUnique({ where: { personId_conventionId_section: { personId, conventionId, section } } });
      if (row === null || typeof row.answers !== "object" || row.answers === null || Array.isArray(row.answers)) return null;
      return { answers: row.answers, updatedAt: row.updatedAt };
    },
    async keep(personId, conventionId, section, answers) {
      const json = answers as Prisma.InputJsonObject;
      await prisma.formDraft.upsert({
        where: { personId_conventionId_section: { personId, conventionId, section } },
        create: { personId, conventionId, section, answers: json },
        update: { answers: json },
      });
    },
    async discard(personId, conventionId, section) {
      await prisma.formDraft.deleteMany({ where: { personId, conventionId, section } });
    },
  };
}
