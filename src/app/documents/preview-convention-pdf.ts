import type { TActor } from "../../domain/permissions.ts";
import { assertAllowed } from "../convention-subject.ts";
import { loadConventionPdfModel } from "./load-pdf-models.ts";
import type { TDocumentDeps } from "../ports/documents.ts";

/**
 * The draft preview of a convention, for anyone who may view it: "PROJET" on every page and
 * no number. Rendered on demand, never stored.
 */
export async function previewConventionPdf(deps: TDocumentDeps, actor: TActor, conventionId: number): Promise<{ filename: string; content: Uint8Array }> {
  const convention = await deps.conventions.get(conventionId);
  assertAllowed(actor, { kind: "view" }, convention);
  const model = await loadConventionPdfModel(deps, convention);
  return { filename: `projet-convention-${convention.id}.pdf`, content: await deps.renderer.convention(model, { draft: true }) };
}
