// The shared host directory in PostgreSQL (or PGlite), through Prisma: the THostDirectory port.
import { AppError } from "../app/app-error.ts";
import type {
  TContactFields,
  TContactRecord,
  TEtablissementChanges,
  TEtablissementFields,
  TEtablissementQuery,
  TEtablissementRecord,
  THostDirectory,
  THostReferenceList,
  TServiceFields,
  TServiceRecord,
  TTeacherRecord,
} from "../app/ports/hosts.ts";
import { Prisma, ReferenceList, type PrismaClient } from "../generated/prisma/client.ts";
import { contactIdsSql, teacherIdsSql } from "./host-search-sql.ts";
import { enqueueProposalDecision, listPendingProposals, rejectProposalRow } from "./host-moderation.ts";

type TClient = PrismaClient | Prisma.TransactionClient;
type TEtablissementRow = Prisma.EtablissementGetPayload<object>;

const LISTS: Record<Exclude<THostReferenceList, "NAF" | "PAYS">, ReferenceList> = {
  TYPE_STRUCTURE: ReferenceList.TYPE_STRUCTURE,
  STATUT_JURIDIQUE: ReferenceList.STATUT_JURIDIQUE,
  EFFECTIF: ReferenceList.EFFECTIF,
};

// Services of one host are few; this only bounds a pathological one.
const MAX_SERVICES = 500;

async function countryLabels(prisma: TClient, rows: readonly TEtablissementRow[]): Promise<Map<string, string>> {
  const abroad = [...new Set(rows.map((row) => row.countryIso2).filter((iso2) => iso2 !== "FR"))];
  if (abroad.length === 0) return new Map();
  const pays = await prisma.pays.findMany({ where: { iso2: { in: abroad } }, select: { iso2: true, label: true } });
  return new Map(pays.map((country) => [country.iso2, country.label]));
}

function toEtablissement(row: TEtablissementRow, labels: ReadonlyMap<string, string>): TEtablissementRecord {
  const { createdById: _createdById, createdAt: _createdAt, ...fields } = row;
  return { ...fields, countryLabel: row.countryIso2 === "FR" ? null : (labels.get(row.countryIso2) ?? null) };
}

async function toEtablissements(prisma: TClient, rows: readonly TEtablissementRow[]): Promise<TEtablissementRecord[]> {
  const labels = await countryLabels(prisma, rows);
  return rows.map((row) => toEtablissement(row, labels));
}

async function toOneEtablissement(prisma: TClient, row: TEtablissementRow): Promise<TEtablissementRecord> {
  return toEtablissement(row, await countryLabels(prisma, [row]));
}

// The SIRET is the établissement's only unique column besides its id.
async function siretConflictAware<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", { entity: "etablissement", field: "siret" }, { kind: "siret_taken" });
    }
    throw error;
  }
}

const contactInclude = { service: { select: { name: true } } } as const satisfies Prisma.ContactInclude;

function toContact(row: Prisma.ContactGetPayload<{ include: typeof contactInclude }>): TContactRecord {
  const { service, createdAt: _createdAt, ...contact } = row;
  return { ...contact, serviceName: service?.name ?? null };
}

function toService(row: Prisma.ServiceGetPayload<object>): TServiceRecord {
  const { createdAt: _createdAt, ...service } = row;
  return service;
}

function inIdsOrder<T extends { id: number }>(ids: readonly number[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

// Separate queries so that an exact name or a name's start is never crowded out by the
// many names merely containing the words.
async function searchEtablissementRows(prisma: PrismaClient, query: TEtablissementQuery): Promise<TEtablissementRow[]> {
  const { name, words, siretPrefix, limit } = query;
  const orderBy = { normalizedName: "asc" } as const;
  const searches: Promise<TEtablissementRow[]>[] = [];
  if (name !== "") {
    searches.push(prisma.etablissement.findMany({ where: { normalizedName: name }, take: limit }));
    searches.push(prisma.etablissement.findMany({ where: { normalizedName: { startsWith: name } }, orderBy, take: limit }));
    searches.push(prisma.etablissement.findMany({ where: { normalizedName: { contains: ` ${name}` } }, orderBy, take: limit }));
    const everyWord = words.map((word) => ({ normalizedName: { contains: word } }));
    searches.push(prisma.etablissement.findMany({ where: { AND: everyWord }, orderBy, take: limit * 4 }));
  }
  if (siretPrefix !== null) {
    searches.push(prisma.etablissement.findMany({ where: { siret: { startsWith: siretPrefix } }, orderBy: { siret: "asc" }, take: limit }));
  }
  const rows = (await Promise.all(searches)).flat();
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

async function createEtablissementRow(prisma: PrismaClient, fields: TEtablissementFields, normalizedName: string, actorId: number) {
  const row = await siretConflictAware(() =>
    prisma.$transaction(async (tx) => {
      const created = await tx.etablissement.create({ data: { ...fields, normalizedName, createdById: actorId } });
      await tx.auditEvent.create({
        data: { actorId, entityType: "etablissement", entityId: created.id, action: "etablissement.created", after: { ...fields } },
      });
      return created;
    }),
  );
  return toOneEtablissement(prisma, row);
}

async function createProposalRow(prisma: PrismaClient, etablissementId: number, changes: TEtablissementChanges, actorId: number) {
  const json = changes as Prisma.InputJsonObject;
  return prisma.$transaction(async (tx) => {
    const proposal = await tx.etablissementProposal.create({ data: { etablissementId, proposedById: actorId, changes: json } });
    await tx.auditEvent.create({
      data: {
        actorId,
        entityType: "etablissement",
        entityId: etablissementId,
        action: "etablissement.change_proposed",
        after: { proposalId: proposal.id, changes: json },
      },
    });
    return { id: proposal.id };
  });
}

async function applyProposalRow(
  prisma: PrismaClient,
  proposalId: number,
  fields: Partial<TEtablissementFields>,
  normalizedName: string | null,
  actorId: number,
): Promise<TEtablissementRecord> {
  const row = await siretConflictAware(() =>
    prisma.$transaction(async (tx) => {
      // Only a PENDING proposal is applied: two gestionnaires clicking together apply it once.
      const { count } = await tx.etablissementProposal.updateMany({
        where: { id: proposalId, status: "PENDING" },
        data: { status: "APPLIED", decidedById: actorId, decidedAt: new Date() },
      });
      // Who decided first is read by the use-case, outside this transaction.
      if (count === 0)
        throw new AppError("CONFLICT", { entity: "etablissementProposal", id: proposalId }, { kind: "proposal_decided", proposalId, taken: null });
      const proposal = await tx.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } });
      const data = normalizedName === null ? fields : { ...fields, normalizedName };
      const updated = await tx.etablissement.update({ where: { id: proposal.etablissementId }, data });
      await tx.auditEvent.create({
        data: {
          actorId,
          entityType: "etablissement",
          entityId: updated.id,
          action: "etablissement.proposal_applied",
          after: { proposalId, changes: proposal.changes ?? {} },
        },
      });
      await enqueueProposalDecision(tx, proposal, "APPLIED", null, actorId, new Date());
      return updated;
    }),
  );
  return toOneEtablissement(prisma, row);
}

async function searchContactRows(prisma: PrismaClient, etablissementId: number, words: readonly string[], limit: number) {
  if (words.length === 0) {
    const orderBy = [{ lastName: "asc" }, { firstName: "asc" }] as const;
    const rows = await prisma.contact.findMany({ where: { etablissementId }, include: contactInclude, orderBy: [...orderBy], take: limit });
    return rows.map(toContact);
  }
  const ids = (await prisma.$queryRaw<{ id: number }[]>(contactIdsSql(etablissementId, words, limit))).map((row) => row.id);
  const rows = await prisma.contact.findMany({ where: { id: { in: ids }, etablissementId }, include: contactInclude });
  return inIdsOrder(ids, rows).map(toContact);
}

async function searchTeacherRows(prisma: PrismaClient, words: readonly string[], limit: number): Promise<TTeacherRecord[]> {
  const ids = (await prisma.$queryRaw<{ id: number }[]>(teacherIdsSql(words, limit))).map((row) => row.id);
  const people = await prisma.person.findMany({ where: { id: { in: ids } }, include: { teacher: { select: { department: true } } } });
  return inIdsOrder(ids, people).map((person) => ({
    personId: person.id,
    lastName: person.lastName,
    firstName: person.firstName,
    email: person.email,
    department: person.teacher?.department ?? null,
  }));
}

async function hasReferenceCode(prisma: PrismaClient, list: THostReferenceList, code: string): Promise<boolean> {
  switch (list) {
    case "NAF":
      return (await prisma.nafCode.count({ where: { code } })) > 0;
    case "PAYS":
      return (await prisma.pays.count({ where: { iso2: code, active: true } })) > 0;
    default:
      return (await prisma.referenceItem.count({ where: { list: LISTS[list], code, active: true } })) > 0;
  }
}

async function createServiceRow(prisma: PrismaClient, etablissementId: number, fields: TServiceFields, actorId: number) {
  return prisma.$transaction(async (tx) => {
    const service = await tx.service.create({ data: { ...fields, etablissementId } });
    await tx.auditEvent.create({
      data: { actorId, entityType: "service", entityId: service.id, action: "service.created", after: { ...fields, etablissementId } },
    });
    return toService(service);
  });
}

async function createContactRow(prisma: PrismaClient, etablissementId: number, fields: TContactFields, actorId: number) {
  return prisma.$transaction(async (tx) => {
    const contact = await tx.contact.create({ data: { ...fields, etablissementId }, include: contactInclude });
    await tx.auditEvent.create({
      data: { actorId, entityType: "contact", entityId: contact.id, action: "contact.created", after: { ...fields, etablissementId } },
    });
    return toContact(contact);
  });
}

/** The shared host directory, stored by Prisma; every creation and change is audited. */
export function createHostDirectory(prisma: PrismaClient): THostDirectory {
  return {
    searchEtablissements: async (query) => toEtablissements(prisma, await searchEtablissementRows(prisma, query)),
    recentEtablissements: async (limit) =>
      toEtablissements(prisma, await prisma.etablissement.findMany({ orderBy: [{ updatedAt: "desc" }, { id: "desc" }], take: limit })),
    getEtablissement: async (id) => {
      const row = await prisma.etablissement.findUnique({ where: { id } });
      return row === null ? null : toOneEtablissement(prisma, row);
    },
    findEtablissementBySiret: async (siret) => {
      const row = await prisma.etablissement.findUnique({ where: { siret } });
      return row === null ? null : toOneEtablissement(prisma, row);
    },
    findEtablissementsByNormalizedName: async (normalizedName) =>
      toEtablissements(prisma, await prisma.etablissement.findMany({ where: { normalizedName }, orderBy: { id: "asc" } })),
    createEtablissement: (fields, normalizedName, actorId) => createEtablissementRow(prisma, fields, normalizedName, actorId),
    createEtablissementProposal: (etablissementId, changes, actorId) => createProposalRow(prisma, etablissementId, changes, actorId),
    getEtablissementProposal: async (id) => {
      const row = await prisma.etablissementProposal.findUnique({ where: { id }, include: { decidedBy: { select: { firstName: true, lastName: true } } } });
      if (row === null) return null;
      const { decidedBy, decidedById, decidedAt, createdAt: _createdAt, ...proposal } = row;
      const decision =
        decidedBy !== null && decidedById !== null && decidedAt !== null
          ? { deciderId: decidedById, deciderName: `${decidedBy.firstName} ${decidedBy.lastName}`, decidedAt }
          : null;
      return { ...proposal, changes: row.changes as TEtablissementChanges, decision };
    },
    applyEtablissementProposal: (proposalId, fields, normalizedName, actorId) => applyProposalRow(prisma, proposalId, fields, normalizedName, actorId),
    listPendingProposals: (scope) => listPendingProposals(prisma, scope),
    rejectEtablissementProposal: (proposalId, reason, actorId) => rejectProposalRow(prisma, proposalId, reason, actorId),
    listServices: async (etablissementId) => {
      const orderBy = [{ name: "asc" }, { id: "asc" }] as const;
      return (await prisma.service.findMany({ where: { etablissementId }, orderBy: [...orderBy], take: MAX_SERVICES })).map(toService);
    },
    getService: async (id) => {
      const row = await prisma.service.findUnique({ where: { id } });
      return row === null ? null : toService(row);
    },
    createService: (etablissementId, fields, actorId) => createServiceRow(prisma, etablissementId, fields, actorId),
    searchContacts: (etablissementId, words, limit) => searchContactRows(prisma, etablissementId, words, limit),
    createContact: (etablissementId, fields, actorId) => createContactRow(prisma, etablissementId, fields, actorId),
    searchTeachers: (words, limit) => searchTeacherRows(prisma, words, limit),
    listCpam: () =>
      prisma.cpam.findMany({
        where: { active: true },
        orderBy: { code: "asc" },
        select: { id: true, code: true, departement: true, departementLabel: true, region: true, label: true, postalCode: true, city: true },
      }),
    listNafCodes: () => prisma.nafCode.findMany({ orderBy: { code: "asc" }, select: { code: true, label: true } }),
    hasReferenceCode: (list, code) => hasReferenceCode(prisma, list, code),
  };
}
