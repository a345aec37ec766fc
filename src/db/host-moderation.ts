// Moderation of the shared établissements in PostgreSQL: the proposals waiting for a
// gestionnaire, their rejection, and the proposer's notification (same transaction, outbox).
import { AppError } from "../app/app-error.ts";
import { etablissementLabel } from "../app/hosts/host-labels.ts";
import type { TEtablissementChanges, TPendingProposal, TProposalScope } from "../app/ports/hosts.ts";
import type { Prisma, PrismaClient } from "../generated/prisma/client.ts";
import { enqueueNotifications } from "./outbox.ts";

/** The proposals a scope concerns (see THostDirectory.listPendingProposals). */
function scopeWhere(scope: TProposalScope): Prisma.EtablissementProposalWhereInput {
  if (scope.kind === "all") return { status: "PENDING" };
  const centreId = { in: [...scope.centreIds] };
  return {
    status: "PENDING",
    OR: [{ proposedBy: { student: { inscriptions: { some: { formation: { centreId } } } } } }, { etablissement: { conventions: { some: { centreId } } } }],
  };
}

/** Pending proposals of a scope, oldest first. */
export async function listPendingProposals(prisma: PrismaClient, scope: TProposalScope, limit = 100): Promise<TPendingProposal[]> {
  if (scope.kind === "centres" && scope.centreIds.length === 0) return [];
  const rows = await prisma.etablissementProposal.findMany({
    where: scopeWhere(scope),
    include: { etablissement: true, proposedBy: { select: { firstName: true, lastName: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id,
    etablissementId: row.etablissementId,
    etablissementLabel: etablissementLabel({ ...row.etablissement, countryLabel: null }),
    proposedById: row.proposedById,
    proposerName: `${row.proposedBy.firstName} ${row.proposedBy.lastName}`,
    changes: row.changes as TEtablissementChanges,
    createdAt: row.createdAt,
  }));
}

/** "établissement proposals waiting" for one centre de gestion: for the gestionnaires' reminder digest. */
export async function countEtablissementProposalsWaiting(prisma: PrismaClient, centreId: number): Promise<{ count: number; oldest: Date | null }> {
  const where = scopeWhere({ kind: "centres", centreIds: [centreId] });
  const [count, oldest] = await Promise.all([
    prisma.etablissementProposal.count({ where }),
    prisma.etablissementProposal.findFirst({ where, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { count, oldest: oldest?.createdAt ?? null };
}

/** Tells the proposer of a decision: enqueued in the decision's transaction. */
export async function enqueueProposalDecision(
  tx: Prisma.TransactionClient,
  proposal: { id: number; etablissementId: number; proposedById: number },
  decision: "APPLIED" | "REJECTED",
  reason: string | null,
  actorId: number,
  now: Date,
): Promise<void> {
  await enqueueNotifications(
    tx,
    [
      {
        recipientId: proposal.proposedById,
        dedupeKey: `etablissement_proposal:${proposal.id}:${decision}`,
        payload: {
          kind: "etablissement_proposal_decided",
          conventionId: null,
          proposalId: proposal.id,
          etablissementId: proposal.etablissementId,
          decision,
          reason,
          deciderId: actorId,
        },
      },
    ],
    now,
  );
}

/** Rejects a PENDING proposal with its reason, audits it and tells the proposer, in one transaction. */
export async function rejectProposalRow(prisma: PrismaClient, proposalId: number, reason: string, actorId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.etablissementProposal.updateMany({
      where: { id: proposalId, status: "PENDING" },
      data: { status: "REJECTED", decidedById: actorId, decidedAt: now, rejectionReason: reason },
    });
    if (count === 0) throw new AppError("CONFLICT", { entity: "etablissementProposal", id: proposalId }, { kind: "proposal_decided", proposalId, taken: null });
    const proposal = await tx.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } });
    await tx.auditEvent.create({
      data: {
        actorId,
        entityType: "etablissement",
        entityId: proposal.etablissementId,
        action: "etablissement.proposal_rejected",
        after: { proposalId, reason, changes: proposal.changes ?? {} },
      },
    });
    await enqueueProposalDecision(tx, proposal, "REJECTED", reason, actorId, now);
  });
}
