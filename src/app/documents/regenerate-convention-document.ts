import { AppError } from "../app-error.ts";
import { ensureConventionDocument } from "./ensure-convention-document.ts";
import type { TDocumentDeps, TStoredDocument } from "../ports/documents.ts";

/**
 * After a validated avenant was applied: the convention's PDF as amended, a new document
 * (the previous ones are kept). Idempotent: a second call returns the same document.
 */
export async function regenerateConventionDocument(deps: TDocumentDeps, avenantId: number): Promise<{ document: TStoredDocument; created: boolean }> {
  const avenant = await deps.documents.avenant(avenantId);
  if (avenant.status !== "VALIDATED" || avenant.appliedAt === null) throw new AppError("FORBIDDEN", { reason: "avenant_not_applied" });
  return ensureConventionDocument(deps, avenant.conventionId);
}
