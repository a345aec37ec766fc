import { authorize } from "../../domain/permissions.ts";
import { AppError } from "../app-error.ts";
import { conventionSubject } from "../convention-subject.ts";
import type { TDocumentDownloadDeps, TStoredDocument } from "../ports/documents.ts";
import { sha256Hex } from "./sha256-hex.ts";

// A signed download link (src/http/document-links.ts) names a document and the person it was
// minted for; whoever holds it may use it. The adapter checks the signature and the clock;
// this use-case decides: the document is served only while the link is valid and its person
// may still view the convention (the student, the référent, a gestionnaire of its centre, an
// admin). Every use of a link to a document that exists, served or refused, is audited.

/** A link whose signature holds, as the adapter read it. */
export interface TDownloadLink {
  documentId: number;
  personId: number;
  expiresAt: Date;
  /** Signed by us but past `expiresAt`. */
  expired: boolean;
  /** The request's X-Request-Id, kept in the audit trail. */
  requestId: string | null;
}

/** What became of a download: the document, or why it is refused. */
export type TDocumentDownload =
  | { outcome: "served"; document: TStoredDocument }
  | { outcome: "refused"; reason: "not_found" }
  | { outcome: "refused"; reason: "expired" | "not_allowed"; conventionId: number };

function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.code === "NOT_FOUND") return null;
  throw error;
}

/** May `personId` view the convention? (The "view" permission of src/domain/permissions.ts.) */
async function mayView(deps: TDocumentDownloadDeps, personId: number, conventionId: number): Promise<boolean> {
  const person = await deps.directory.byId(personId);
  if (person === null) return false;
  const convention = await deps.conventions.get(conventionId).catch(notFoundAsNull);
  return convention !== null && authorize(person.actor, { kind: "view" }, conventionSubject(convention)).allowed;
}

/**
 * Serves the document a signed link names, if it exists, while the link is valid and its person
 * may still view the convention; audits the use, served or refused. Throws when the stored bytes
 * no longer match their SHA-256: that is an incident, not a download.
 */
export async function downloadDocument(deps: TDocumentDownloadDeps, link: TDownloadLink): Promise<TDocumentDownload> {
  const document = await deps.documents.get(link.documentId).catch(notFoundAsNull);
  if (document === null) return { outcome: "refused", reason: "not_found" };
  const access = {
    documentId: document.id,
    conventionId: document.conventionId,
    filename: document.filename,
    linkPersonId: link.personId,
    linkExpiresAt: link.expiresAt,
    requestId: link.requestId,
    at: deps.clock(),
  };
  if (link.expired) {
    await deps.accessLog.record({ ...access, action: "document.download_expired" });
    return { outcome: "refused", reason: "expired", conventionId: document.conventionId };
  }
  if (!(await mayView(deps, link.personId, document.conventionId))) {
    await deps.accessLog.record({ ...access, action: "document.download_refused" });
    return { outcome: "refused", reason: "not_allowed", conventionId: document.conventionId };
  }
  // The bytes served are the ones validated.
  if (sha256Hex(document.content) !== document.sha256) throw new Error(`document ${document.id}: content does not match its SHA-256`);
  await deps.accessLog.record({ ...access, action: "document.downloaded" });
  return { outcome: "served", document };
}
