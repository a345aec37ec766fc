import { authorize, type TActor } from "../../domain/permissions.ts";
import { AppError } from "../app-error.ts";
import { conventionSubject } from "../convention-subject.ts";
import { loadConventionPdfModel } from "./load-pdf-models.ts";
import type { TDocumentDeps } from "./ports.ts";

/**
 * The draft preview of a convention, for anyone who may view it: "PROJET" on every page and
 * no number. Rendered on demand, never stored.
 */
export async function previewConventionPdf(deps: TDocumentDeps, actor: TActor, conventionId: number): Promise<{ filename: string; content: Uint8Array }> {
  const convention = await deps.conventions.get(conventionId);
  const permission = authorize(actor, { kind: "view" }, conventionSubject(convention));
  if (!permission.allowed) throw new AppError("FORBIDDEN", { reason: permission.code });
  const model = await loadConventionPdfModel(deps, convention);
  return { filename: `projet-convention-${convention.id}.pdf`, content: await deps.renderer.convention(model, { draft: true }) };
}
