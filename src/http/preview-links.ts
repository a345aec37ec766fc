import express, { type Router } from "express";
import { AppError } from "../app/app-error.ts";
import { previewConventionPdf } from "../app/documents/preview-convention-pdf.ts";
import type { TDocumentDeps } from "../app/ports/documents.ts";
import type { TPersonDirectory } from "../app/ports/directory.ts";
import { DEFAULT_LINK_TTL_MS, signDocumentLink, verifyDocumentLink } from "./document-links.ts";
import { sendLinkRefusal } from "./link-refusal-page.ts";

// Draft previews ("Aperçu PDF") are rendered on demand, never stored: their links name the
// convention, not a document. A key derived for this purpose keeps a preview token from ever
// passing for a document token (their ids are in different namespaces).
function previewSecret(secret: string): string {
  return `${secret}:preview`;
}

/** The preview URL of a convention's draft PDF for one person, valid `ttlMs` from `now` (a bearer link, as a document's). */
export function previewLinkUrl(options: { secret: string; baseUrl: string; conventionId: number; personId: number; now: Date; ttlMs?: number }): string {
  const expiresAt = new Date(options.now.getTime() + (options.ttlMs ?? DEFAULT_LINK_TTL_MS));
  const token = signDocumentLink(previewSecret(options.secret), { documentId: options.conventionId, personId: options.personId, expiresAt });
  return `${options.baseUrl.replace(/\/+$/, "")}/documents/preview/${token}`;
}

/** GET /documents/preview/:token → the watermarked draft PDF, for someone who may view the convention. */
export function createPreviewRouter(deps: { documents: TDocumentDeps; directory: Pick<TPersonDirectory, "byId">; secret: string; now: () => Date }): Router {
  const router = express.Router();
  router.get("/documents/preview/:token", async (request, response) => {
    const check = verifyDocumentLink(previewSecret(deps.secret), request.params.token, deps.now());
    if (!check.ok) return sendLinkRefusal(request, response, check.reason === "expired" ? 410 : 403, check.reason === "expired" ? "expired" : "forbidden");
    try {
      // The person the link was minted for may have left the directory since.
      const person = await deps.directory.byId(check.claims.personId);
      if (person === null) return sendLinkRefusal(request, response, 403, "forbidden");
      const preview = await previewConventionPdf(deps.documents, person.actor, check.claims.documentId);
      response
        .status(200)
        .type("application/pdf")
        .setHeader("Content-Disposition", `inline; filename="${preview.filename}"`)
        .send(Buffer.from(preview.content));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sendLinkRefusal(request, response, error.code === "NOT_FOUND" ? 404 : 403, error.code === "NOT_FOUND" ? "notFound" : "forbidden");
    }
  });
  return router;
}
