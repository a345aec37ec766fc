// The company register's answers in PostgreSQL, by query: a day's worth spares the register
// (7 requests a second per IP) and answers a repeated typeahead at once.
import { z } from "zod/v4";
import type { TRegisterCache, TRegisterEtablissement } from "../app/ports/company-register.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";

const zText = z.string().nullable();

// Rows may have been written by another version of the code: read back through the contract.
const ZCachedSites = z.array(
  z.object({
    siren: z.string(),
    siret: z.string(),
    raisonSociale: z.string(),
    nafCode: zText,
    natureJuridique: zText,
    trancheEffectif: zText,
    addressLine: zText,
    postalCode: zText,
    city: zText,
    siege: z.boolean(),
    closed: z.boolean(),
  }) satisfies z.ZodType<TRegisterEtablissement>,
);

/** The register cache on `prisma`; an unreadable row counts as absent. */
export function createRegisterCache(prisma: PrismaClient): TRegisterCache {
  return {
    async get(key, notBefore) {
      const row = await prisma.companyRegisterCache.findUnique({ where: { key } });
      if (row === null || row.fetchedAt < notBefore) return null;
      const parsed = ZCachedSites.safeParse(row.payload);
      return parsed.success ? parsed.data : null;
    },
    async put(key, etablissements, fetchedAt) {
      const payload = etablissements.map((site) => ({ ...site })) as Prisma.InputJsonArray;
      await prisma.companyRegisterCache.upsert({ where: { key }, create: { key, payload, fetchedAt }, update: { payload, fetchedAt } });
    },
  };
}
