import type { TDb } from "./import-types.ts";

/** Creates or updates the directory person owning `email`; a phone left undefined is kept. */
export async function upsertPerson(
  db: TDb,
  person: { email: string; lastName: string; firstName: string; phone?: string | null | undefined },
): Promise<number> {
  const { id } = await db.person.upsert({ where: { email: person.email }, create: person, update: person, select: { id: true } });
  return id;
}
