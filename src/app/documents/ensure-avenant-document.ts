import { AppError } from "../app-error.ts";
import { loadAvenantPdfModel } from "./load-pdf-models.ts";
import type { TDocumentDeps, TStoredDocument } from "../ports/documents.ts";

/**
 * The PDF of a VALIDATED avenant (convention and avenant numbers, motives, each value
 * old → new, signatures): generated once and stored (ConventionDocument AVENANT).
 */
export async function ensureAvenantDocument(deps: TDocumentDeps, avenantId: number): Promise<{ document: TStoredDocument; created: boolean }> {
  const avenant = await deps.documents.avenant(avenantId);
  if (avenant.status !== "VALIDATED") throw new AppError("FORBIDDEN", { reason: "not_validated" });
  return deps.documents.findOrCreate({ kind: "AVENANT", conventionId: avenant.conventionId, avenantId }, async () => {
    const convention = await deps.conventions.get(avenant.conventionId);
    const model = await loadAvenantPdfModel(deps, avenant, convention);
    return { filename: `avenant-${convention.numero ?? convention.id}-${avenant.numero}.pdf`, content: await deps.renderer.avenant(model) };
  });
}
