import type {
  TValidationRecord,
  TAvenantFacts,
  TConventionParties,
  TDocumentKey,
  TDocumentStore,
  TNewDocument,
  TStoredDocument,
} from "../app/ports/documents.ts";
import { AppError } from "../app/app-error.ts";
import { sha256Hex } from "../app/documents/sha256-hex.ts";
import type { TConventionValues } from "../domain/convention.ts";
import type { ConventionDocument, Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { loadConventionRecords } from "./convention-records.ts";
import { toIsoDate } from "./convention-values.ts";
import { formatSiret } from "./form-labels.ts";

// Stored PDFs (ConventionDocument) and the directory records they print. A document is rendered
// outside any transaction (rendering reads the database and takes time: the embedded database
// has one connection), then stored in a short transaction under an advisory lock keyed on the
// convention, which checks again that no one stored it meanwhile: two simultaneous requests
// store one document. Which version of the convention a document shows is kept in its audit
// record ("document.generated", after.conventionVersion).

/** The outer client or a transaction's: both read the same way. */
type TReader = Prisma.TransactionClient | PrismaClient;
type TTx = Prisma.TransactionClient;

/** Class of the two-int advisory locks of documents (key 2 is the convention id). */
const DOCUMENT_LOCK_CLASS = 524_500_002;
const AUDIT = { entityType: "convention_document", action: "document.generated" } as const;

function toStoredDocument(row: ConventionDocument): TStoredDocument {
  return {
    id: row.id,
    conventionId: row.conventionId,
    avenantId: row.avenantId,
    kind: row.kind,
    filename: row.filename,
    sha256: row.sha256,
    content: row.content,
    createdAt: row.createdAt,
  };
}

async function findExisting(tx: TReader, key: TDocumentKey): Promise<ConventionDocument | null> {
  if (key.kind === "AVENANT") return tx.conventionDocument.findFirst({ where: { kind: "AVENANT", avenantId: key.avenantId }, orderBy: { id: "desc" } });
  const event = await tx.auditEvent.findFirst({
    where: {
      ...AUDIT,
      conventionId: key.conventionId,
      AND: [{ after: { path: ["kind"], equals: "CONVENTION" } }, { after: { path: ["conventionVersion"], equals: key.conventionVersion } }],
    },
    orderBy: { id: "desc" },
    select: { entityId: true },
  });
  return event ? tx.conventionDocument.findUnique({ where: { id: event.entityId } }) : null;
}

// A convention's document notes the last avenant it includes (null before any).
async function avenantOf(tx: TTx, key: TDocumentKey): Promise<number | null> {
  if (key.kind === "AVENANT") return key.avenantId;
  const last = await tx.avenant.findFirst({
    where: { conventionId: key.conventionId, status: "VALIDATED", appliedAt: { not: null } },
    orderBy: { numero: "desc" },
    select: { id: true },
  });
  return last?.id ?? null;
}

// Short: lock, check again, insert. Nothing slow runs here.
async function store(tx: TTx, key: TDocumentKey, filename: string, bytes: Uint8Array<ArrayBuffer>, sha256: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}::int4, ${key.conventionId}::int4)`;
  const existing = await findExisting(tx, key);
  if (existing) return { document: toStoredDocument(existing), created: false };
  const avenantId = await avenantOf(tx, key);
  const row = await tx.conventionDocument.create({ data: { conventionId: key.conventionId, avenantId, kind: key.kind, filename, sha256, content: bytes } });
  const version = key.kind === "CONVENTION" ? { conventionVersion: key.conventionVersion } : {};
  await tx.auditEvent.create({
    data: { ...AUDIT, entityId: row.id, conventionId: key.conventionId, actorId: null, after: { kind: key.kind, ...version, avenantId, filename, sha256 } },
  });
  return { document: toStoredDocument(row), created: true };
}

async function findOrCreate(prisma: PrismaClient, key: TDocumentKey, generate: () => Promise<TNewDocument>) {
  const existing = await findExisting(prisma, key);
  if (existing) return { document: toStoredDocument(existing), created: false };
  const { filename, content } = await generate();
  const bytes = new Uint8Array(content);
  const sha256 = sha256Hex(bytes);
  return prisma.$transaction((tx) => store(tx, key, filename, bytes, sha256));
}

async function loadAvenant(prisma: PrismaClient, avenantId: number): Promise<TAvenantFacts> {
  const row = await prisma.avenant.findUnique({ where: { id: avenantId } });
  if (!row) throw new AppError("NOT_FOUND", { entity: "avenant", id: avenantId });
  const items = await prisma.referenceItem.findMany({ where: { list: "MOTIF_AVENANT", code: { in: row.motifs } } });
  return {
    id: row.id,
    conventionId: row.conventionId,
    numero: row.numero,
    status: row.status,
    motifs: row.motifs.map((code) => {
      const item = items.find((candidate) => candidate.code === code);
      return { code, fr: item?.label ?? code, en: item?.labelEn ?? code };
    }),
    motifAutre: row.motifAutre,
    comment: row.comment,
    // Written by the avenant store from values its section schemas accepted (domain values: plain JSON).
    changes: (row.changes ?? {}) as Partial<TConventionValues>,
    previousValues: row.previousValues as Partial<TConventionValues> | null,
    decidedAt: row.decidedAt,
    appliedAt: row.appliedAt,
  };
}

/** Stored documents and the directory records of their PDFs, in PostgreSQL. */
export function createDocumentStore(prisma: PrismaClient): TDocumentStore {
  return {
    parties: (conventionId, values) => loadParties(prisma, conventionId, values),
    avenant: (avenantId) => loadAvenant(prisma, avenantId),
    findOrCreate: (key, generate) => findOrCreate(prisma, key, generate),
    get: async (documentId) => {
      const row = await prisma.conventionDocument.findUnique({ where: { id: documentId } });
      if (!row) throw new AppError("NOT_FOUND", { entity: "document", id: documentId });
      return toStoredDocument(row);
    },
  };
}

function contact(
  row: { civilite: string | null; lastName: string; firstName: string; fonction: string | null; phone: string | null; email: string | null } | null,
) {
  return row && { civilite: row.civilite, lastName: row.lastName, firstName: row.firstName, fonction: row.fonction, phone: row.phone, email: row.email };
}

// The validations of the current round: a refusal or an un-validation opens a new round, so
// these are the ones that stand. A draft (or a returned convention) has none yet.
async function validationsOf(prisma: PrismaClient, conventionId: number, round: number, state: string): Promise<TValidationRecord[]> {
  if (state !== "SUBMITTED" && state !== "VALIDATED") return [];
  const rows = await prisma.validationDecision.findMany({
    where: { conventionId, round, decision: "VALIDATED", step: { not: null } },
    orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    select: { step: true, decidedAt: true, decider: { select: { firstName: true, lastName: true } } },
  });
  return rows.flatMap((row) =>
    row.step === null ? [] : [{ step: row.step, decidedAt: row.decidedAt, deciderName: `${row.decider.firstName} ${row.decider.lastName.toUpperCase()}` }],
  );
}

/** The directory records a convention's values point to, as its PDF prints them. */
async function loadParties(prisma: PrismaClient, conventionId: number, values: TConventionValues): Promise<TConventionParties> {
  const [convention, { cpam, inscription, element, etablissement, service, tuteur, signataire, enseignant }] = await Promise.all([
    prisma.convention.findUnique({
      where: { id: conventionId },
      select: {
        student: { select: { birthDate: true } },
        centre: true,
        round: true,
        state: true,
        avenants: { where: { status: "VALIDATED", appliedAt: { not: null } }, orderBy: { numero: "asc" }, select: { numero: true } },
      },
    }),
    loadConventionRecords(prisma, values),
  ]);
  if (!convention) throw new AppError("NOT_FOUND", { entity: "convention", id: conventionId });
  const validations = await validationsOf(prisma, conventionId, convention.round, convention.state);
  const pays = etablissement ? await prisma.pays.findUnique({ where: { iso2: etablissement.countryIso2 } }) : null;
  // A draft has no centre yet (it is set at submission): its preview shows the centre that will
  // manage it, the one of its formation, so that the preview is the final document but for PROJET.
  const centre = convention.centre ?? (inscription ? await prisma.centreGestion.findUnique({ where: { id: inscription.formation.centreId } }) : null);
  return {
    birthDate: convention.student.birthDate ? toIsoDate(convention.student.birthDate) : null,
    cpam: cpam && { label: cpam.label, address: [cpam.address, `${cpam.postalCode} ${cpam.city}`].filter(Boolean).join(", ") },
    formation: inscription && { code: inscription.formation.code, label: inscription.formation.label, composante: inscription.formation.composante },
    element: element && { code: element.code, label: element.label },
    centre: centre && {
      name: centre.name,
      address: centre.address,
      phone: centre.phone,
      email: centre.email,
      signatory: centre.signatoryName ? { name: centre.signatoryName, title: centre.signatoryTitle } : null,
    },
    validations,
    etablissement: etablissement && {
      raisonSociale: etablissement.raisonSociale,
      siret: etablissement.siret ? formatSiret(etablissement.siret) : null,
      activite: etablissement.activite,
      addressLine: etablissement.addressLine,
      postalCode: etablissement.postalCode,
      city: etablissement.city,
      country: { fr: pays?.label ?? etablissement.countryIso2, en: pays?.labelEn ?? etablissement.countryIso2 },
      phone: etablissement.phone,
      email: etablissement.email,
    },
    service: service && { name: service.name, addressLine: service.addressLine, postalCode: service.postalCode, city: service.city },
    tuteur: contact(tuteur),
    signataire: contact(signataire),
    enseignant: enseignant && {
      lastName: enseignant.person.lastName,
      firstName: enseignant.person.firstName,
      email: enseignant.person.email,
      department: enseignant.department,
    },
    avenants: convention.avenants.map((avenant) => avenant.numero),
  };
}
