import type { PrismaClient } from "../generated/prisma/client.ts";

// A download link is a bearer link: whoever holds it opens the document. The audit trail keeps
// every use of one, served or refused, under the document and its convention, with the person
// the link was minted for (the only identity a link carries) and the request that used it.

/** The audit actions of a download link's use. */
export const DOCUMENT_ACCESS_ACTIONS = ["document.downloaded", "document.download_expired", "document.download_refused"] as const;

export type TDocumentAccessAction = (typeof DOCUMENT_ACCESS_ACTIONS)[number];

/** One use of a download link. */
export type TDocumentAccess = {
  action: TDocumentAccessAction;
  documentId: number;
  conventionId: number;
  filename: string;
  /** The person the link was minted for; the one who opened it is whoever held it. */
  linkPersonId: number;
  linkExpiresAt: Date;
  /** The X-Request-Id of the request, when the HTTP app gave one. */
  requestId: string | null;
  at: Date;
};

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
