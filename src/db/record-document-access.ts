import type { TDocumentAccess, TDocumentAccessLog } from "../app/ports/documents.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

// The PostgreSQL side of TDocumentAccessLog: every use of a download link, served or refused.

/** Writes one use of a download link to the audit trail (entity "convention_document"). */
export async function recordDocumentAccess(prisma: PrismaClient, access: TDocumentAccess): Promise<void> {
  // The link's person may have left the directory since the link was made: the id stays in `after`.
  const person = await prisma.person.findUnique({ where: { id: access.linkPersonId }, select: { id: true } });
  await prisma.auditEvent.create({
    data: {
      occurredAt: access.at,
      actorId: person?.id ?? null,
      entityType: "convention_document",
      entityId: access.documentId,
      conventionId: access.conventionId,
      action: access.action,
      after: {
        filename: access.filename,
        linkPersonId: access.linkPersonId,
        linkExpiresAt: access.linkExpiresAt.toISOString(),
        requestId: access.requestId,
      },
    },
  });
}

/** The download links' audit trail in PostgreSQL. */
export function createDocumentAccessLog(prisma: PrismaClient): TDocumentAccessLog {
  return { record: (access) => recordDocumentAccess(prisma, access) };
}
