import type { TDocumentDownloadDeps } from "../app/ports/documents.ts";
import type { TClock } from "../app/ports/clock.ts";
import { createConventionStore } from "../db/convention-store.ts";
import { createDocumentStore } from "../db/document-store.ts";
import { createPersonDirectory } from "../db/person-directory.ts";
import { createDocumentAccessLog } from "../db/record-document-access.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";

/** The ports of a download through a signed link (downloadDocument), on one PostgreSQL database. */
export function createDocumentDownloadDeps(prisma: PrismaClient, clock: TClock = () => new Date()): TDocumentDownloadDeps {
  return {
    documents: createDocumentStore(prisma),
    conventions: createConventionStore(prisma),
    directory: createPersonDirectory(prisma),
    accessLog: createDocumentAccessLog(prisma),
    clock,
  };
}
