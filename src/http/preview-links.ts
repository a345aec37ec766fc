import express, { type Router } from "express";
import { AppError } from "../app/app-error.ts";
import { previewConventionPdf } from "../app/documents/preview-convention-pdf.ts";
import type { TDocumentDeps } from "../app/documents/ports.ts";
import { loadActor } from "../db/load-actor.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { translate } from "../i18n/translate.ts";
import { DEFAULT_LINK_TTL_MS, signDocumentLink, verifyDocumentLink } from "./document-links.ts";

// Draft previews ("Aperçu PDF") are rendered on demand, never stored: their links name the
// convention, not a document. A key derived for this purpose keeps a preview token from ever
// passing for a document token (their ids are in different namespaces).
function previewSecret(secret: string): string {
  return `${secret}:preview`;
}

/** The preview URL of a convention's draft PDF for one person, valid an hour. */
export function previewLinkUrl(options: { secret: string; baseUrl: string; conventionId: number; personId: number; now: Date }): string {
  const expiresAt = new Date(options.now.getTime() + DEFAULT_LINK_TTL_MS);
  const token = signDocumentLink(previewSecret(options.secret), { documentId: options.conventionId, personId: options.personId, expiresAt });
  return `${options.baseUrl.replace(/\/+$/, "")}/documents/preview/${token}`;
}

/** GET /documents/preview/:token → the watermarked draft PDF, for someone who may view the convention. */
export function createPreviewRouter(deps: { prisma: PrismaClient; documents: TDocumentDeps; secret: string; now: () => Date }): Router {
  const router = express.Router();
  router.get("/documents/preview/:token", async (request, response) => {
    const check = verifyDocumentLink(previewSecret(deps.secret), request.params.token, deps.now());
    if (!check.ok) {
      const key = check.reason === "expired" ? "pdf:download.expired" : "pdf:download.forbidden";
      response.status(check.reason === "expired" ? 410 : 403).type("text/plain; charset=utf-8").send(`${translate("fr", key)}\n${translate("en", key)}`);
      return;
    }
    try {
      const actor = await loadActor(deps.prisma, check.claims.personId);
      const preview = await previewConventionPdf(deps.documents, actor, check.claims.documentId);
      response
        .status(200)
        .type("application/pdf")
        .setHeader("Content-Disposition", `inline; filename="${preview.filename}"`)
        .send(Buffer.from(preview.content));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      response.status(error.code === "NOT_FOUND" ? 404 : 403).type("text/plain; charset=utf-8").send(`${translate("fr", "pdf:download.forbidden")}\n${translate("en", "pdf:download.forbidden")}`);
    }
  });
  return router;
}
