import { normalizeName } from "../../domain/normalize-name.ts";
import type { TActor } from "../../domain/permissions.ts";
import { AppError, conflictOf } from "../app-error.ts";
import { duplicateSiretError, hostRef, isSiretConflict, type THostRef } from "./find-etablissement-duplicates.ts";
import type { TEtablissementFields, THostDeps } from "../ports/hosts.ts";
import { decidedConflict } from "./moderate-etablissement-proposals.ts";

/**
 * A gestionnaire (or an administrator) applies a student's proposal to the shared
 * établissement. Refused when the proposal was already decided (CONFLICT, naming who and when)
 * or when its SIRET now belongs to another établissement (INVALID_INPUT duplicate_siret).
 */
export async function applyEtablissementProposal(deps: THostDeps, actor: TActor, proposalId: number): Promise<THostRef> {
  if (!actor.isAdmin && actor.staffCentreIds.length === 0) throw new AppError("FORBIDDEN", { reason: "gestionnaire_only" });
  const proposal = await deps.hosts.getEtablissementProposal(proposalId);
  if (proposal === null) throw new AppError("NOT_FOUND", { entity: "etablissementProposal", id: proposalId });
  if (proposal.status !== "PENDING") throw decidedConflict(proposal, proposalId);
  const fields: Partial<TEtablissementFields> = {};
  for (const [field, change] of Object.entries(proposal.changes)) {
    if (change !== undefined) Object.assign(fields, { [field]: change.after });
  }
  const normalizedName = typeof fields.raisonSociale === "string" ? normalizeName(fields.raisonSociale) : null;
  try {
    return hostRef(await deps.hosts.applyEtablissementProposal(proposalId, fields, normalizedName, actor.personId));
  } catch (error) {
    // The other of two simultaneous applications: answered with who won.
    if (conflictOf(error)?.kind === "proposal_decided") throw decidedConflict(await deps.hosts.getEtablissementProposal(proposalId), proposalId);
    const existing = isSiretConflict(error) && fields.siret ? await deps.hosts.findEtablissementBySiret(fields.siret) : null;
    if (existing !== null) throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: [duplicateSiretError(existing)] });
    throw error;
  }
}
