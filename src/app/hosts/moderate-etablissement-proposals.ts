import type { TActor } from "../../domain/permissions.ts";
import { REASON_MAX } from "../../domain/workflow.ts";
import { AppError, conflictOf } from "../app-error.ts";
import type { TEtablissementProposalRecord, THostDeps, TPendingProposal } from "../ports/hosts.ts";

/** Moderating the shared base is a gestionnaire's (or an administrator's) work, refused before anything is read or written. */
export function assertHostModerator(actor: TActor): void {
  if (!actor.isAdmin && actor.staffCentreIds.length === 0) throw new AppError("FORBIDDEN", { reason: "gestionnaire_only" });
}

/** The students' proposed changes waiting for this gestionnaire (those of their centres), oldest first; every one for an administrator. */
export async function listEtablissementProposals(deps: THostDeps, actor: TActor): Promise<TPendingProposal[]> {
  assertHostModerator(actor);
  return deps.hosts.listPendingProposals(actor.isAdmin ? { kind: "all" } : { kind: "centres", centreIds: actor.staffCentreIds });
}

/** The CONFLICT answering a proposal already applied or rejected: who did it, and when. */
export function decidedConflict(proposal: TEtablissementProposalRecord | null, proposalId: number): AppError {
  const decision = proposal?.decision ?? null;
  const status = proposal?.status;
  const taken =
    decision !== null && (status === "APPLIED" || status === "REJECTED")
      ? { decider: { personId: decision.deciderId, name: decision.deciderName }, decidedAt: decision.decidedAt, decision: status }
      : null;
  return new AppError("CONFLICT", { entity: "etablissementProposal", id: proposalId }, { kind: "proposal_decided", proposalId, taken });
}

/**
 * A gestionnaire rejects a proposal with a reason (required, at most REASON_MAX characters);
 * the proposer is told, with the reason, through the outbox. Already decided → CONFLICT naming who and when.
 */
export async function rejectEtablissementProposal(deps: THostDeps, actor: TActor, proposalId: number, reason: unknown): Promise<void> {
  assertHostModerator(actor);
  const text = typeof reason === "string" ? reason.trim() : "";
  if (text === "" || text.length > REASON_MAX) {
    const code = text === "" ? "required" : "too_long";
    throw new AppError("INVALID_INPUT", { section: "reason" }, { kind: "fields", errors: [{ field: "reason", code, params: { max: REASON_MAX } }] });
  }
  const proposal = await deps.hosts.getEtablissementProposal(proposalId);
  if (proposal === null) throw new AppError("NOT_FOUND", { entity: "etablissementProposal", id: proposalId });
  if (proposal.status !== "PENDING") throw decidedConflict(proposal, proposalId);
  try {
    await deps.hosts.rejectEtablissementProposal(proposalId, text, actor.personId);
  } catch (error) {
    if (conflictOf(error)?.kind === "proposal_decided") throw decidedConflict(await deps.hosts.getEtablissementProposal(proposalId), proposalId);
    throw error;
  }
}
