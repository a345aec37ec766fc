import { AppError } from "../app-error.ts";
import { loadConventionPdfModel } from "./load-pdf-models.ts";
import type { TDocumentDeps, TStoredDocument } from "../ports/documents.ts";

/** "convention-51928.pdf". */
export function conventionFilename(convention: { id: number; numero: number | null }): string {
  return `convention-${convention.numero ?? convention.id}.pdf`;
}

/**
 * The PDF of a VALIDATED convention at its current version: generated once and stored
 * (ConventionDocument CONVENTION, with its SHA-256); later and concurrent calls return the
 * stored one. After an avenant the version has changed, so a new document is made and the
 * old one kept. `created` tells whether this call made it.
 */
export async function ensureConventionDocument(deps: TDocumentDeps, conventionId: number): Promise<{ document: TStoredDocument; created: boolean }> {
  const convention = await deps.conventions.get(conventionId);
  if (convention.state !== "VALIDATED") throw new AppError("FORBIDDEN", { reason: "not_validated" });
  return deps.documents.findOrCreate({ kind: "CONVENTION", conventionId, conventionVersion: convention.version }, async () => {
    const model = await loadConventionPdfModel(deps, convention);
    return { filename: conventionFilename(convention), content: await deps.renderer.convention(model, {}) };
  });
}
