// « propositions »: gestionnaires moderate the students' corrections of shared établissements from the chat (issue 16, item 3).
import { z } from "zod/v4";
import { PROPOSAL_REASON_INPUT_ID, proposalCard, proposalReasonFormCard, proposalsHeadingCard } from "../../cards/proposal-card.ts";
import { REASON_MAX } from "../../domain/workflow.ts";
import { fieldErrorMessage, namedFieldError } from "../../i18n/field-error-message.ts";
import { translate } from "../../i18n/translate.ts";
import { AppError, conflictOf, fieldErrorsOf } from "../app-error.ts";
import { applyEtablissementProposal } from "../hosts/apply-etablissement-proposal.ts";
import { decidedConflict, listEtablissementProposals, rejectEtablissementProposal } from "../hosts/moderate-etablissement-proposals.ts";
import type { TEtablissementChanges, TPendingProposal } from "../ports/hosts.ts";
import { conflictNotice } from "./conflict-notice.ts";
import type { TTurn } from "./context.ts";
import { parseData } from "./convention-actions.ts";
import { noticeEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";
import { ZId } from "./inbound-values.ts";

const ZProposalRef = z.object({ proposalId: ZId });
const ZReason = z.object({ [PROPOSAL_REASON_INPUT_ID]: z.string().max(10_000).default("") });

/** The key of a proposal's card in the moderator's conversation: posted once, then updated in place. */
export function proposalMessageKey(proposalId: number): string {
  return `etablissement-proposal:${proposalId}`;
}

// Told before anything is read, in words about proposals (not "this convention").
function assertModerator(turn: TTurn): void {
  if (!turn.actor.isAdmin && turn.actor.staffCentreIds.length === 0) throw new AppError("FORBIDDEN", { reason: "moderate_proposals" });
}

function changeLines(changes: TEtablissementChanges) {
  return Object.entries(changes).flatMap(([field, change]) => (change === undefined ? [] : [{ field, before: change.before, after: change.after }]));
}

function pendingCard(turn: TTurn, proposal: TPendingProposal): TEffect {
  const card = proposalCard(turn.locale, {
    id: proposal.id,
    etablissementLabel: proposal.etablissementLabel,
    proposerName: proposal.proposerName,
    changes: changeLines(proposal.changes),
    createdAt: proposal.createdAt,
    now: turn.deps.clock(),
    decision: null,
  });
  return { kind: "notify", personId: turn.actor.personId, conventionId: null, card, key: proposalMessageKey(proposal.id) };
}

/**
 * A pending proposal this moderator may decide (one concerning their centres; any for an
 * administrator). Null when it is no longer pending, so that the core answers who decided it.
 * One they may not see is answered as one that does not exist.
 */
async function pendingFor(turn: TTurn, proposalId: number): Promise<TPendingProposal | null> {
  const record = await turn.deps.hosts.getEtablissementProposal(proposalId);
  if (record === null) throw new AppError("NOT_FOUND", { entity: "etablissementProposal", id: proposalId });
  if (record.status !== "PENDING") return null;
  const visible = (await listEtablissementProposals(turn.deps, turn.actor)).find((item) => item.id === proposalId);
  if (visible === undefined) throw new AppError("NOT_FOUND", { entity: "etablissementProposal", id: proposalId });
  return visible;
}

/** The proposal's card as it stands now (decided: by whom and when, without buttons), same key: updated in place. */
async function currentCard(turn: TTurn, proposalId: number): Promise<TEffect> {
  const record = await turn.deps.hosts.getEtablissementProposal(proposalId);
  if (record === null) throw new AppError("NOT_FOUND", { entity: "etablissementProposal", id: proposalId });
  const host = await turn.deps.hosts.getEtablissement(record.etablissementId);
  const decision =
    record.decision !== null && (record.status === "APPLIED" || record.status === "REJECTED")
      ? { status: record.status, deciderName: record.decision.deciderName, decidedAt: record.decision.decidedAt }
      : null;
  const card = proposalCard(turn.locale, {
    id: record.id,
    etablissementLabel: host?.raisonSociale ?? "",
    proposerName: await turn.deps.workflow.personName(record.proposedById),
    changes: changeLines(record.changes),
    createdAt: null,
    now: turn.deps.clock(),
    decision,
  });
  return { kind: "notify", personId: turn.actor.personId, conventionId: null, card, key: proposalMessageKey(proposalId) };
}

/** « propositions »: a heading, then one card per pending proposal, oldest first. */
export async function showProposals(turn: TTurn, conventionId: number | null): Promise<TEffect[]> {
  assertModerator(turn);
  const proposals = await listEtablissementProposals(turn.deps, turn.actor);
  return [
    { kind: "post", conventionId, card: proposalsHeadingCard(turn.locale, proposals.length) },
    ...proposals.map((proposal) => pendingCard(turn, proposal)),
  ];
}

// A late or double click (someone else decided first): told who and when; the card shows it.
async function decisionAnswer(turn: TTurn, proposalId: number, attempt: () => Promise<TEffect[]>): Promise<TEffect[]> {
  try {
    return await attempt();
  } catch (error) {
    // One that does not exist and one of another centre get the same words: nothing said of either.
    if (error instanceof AppError && error.code === "NOT_FOUND" && error.params.entity === "etablissementProposal") {
      return [{ kind: "close_form" }, noticeEffect(turn, null, { tone: "warning", titleKey: "moderation:notFound", params: { id: proposalId } })];
    }
    const conflict = conflictOf(error);
    if (conflict === null || conflict.kind !== "proposal_decided") throw error;
    return [{ kind: "close_form" }, await currentCard(turn, proposalId), noticeEffect(turn, null, conflictNotice(turn.locale, conflict))];
  }
}

/** « Appliquer »: the établissement takes the proposed values; the student is told. */
export async function applyProposal(turn: TTurn, data: unknown): Promise<TEffect[]> {
  assertModerator(turn);
  const { proposalId } = parseData(ZProposalRef, data);
  return decisionAnswer(turn, proposalId, async () => {
    const pending = await pendingFor(turn, proposalId);
    if (pending === null) return answerDecided(turn, proposalId);
    try {
      await applyEtablissementProposal(turn.deps, turn.actor, proposalId);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (!(error instanceof AppError) || errors.length === 0) throw error;
      const message = errors.map((invalid) => fieldErrorMessage(turn.locale, invalid)).join("\n");
      return [noticeEffect(turn, null, { tone: "attention", titleKey: "moderation:applyBlocked", params: { id: proposalId, message } })];
    }
    return [
      await currentCard(turn, proposalId),
      noticeEffect(turn, null, { tone: "good", titleKey: "moderation:applied", params: { id: proposalId, etablissement: pending.etablissementLabel } }),
    ];
  });
}

// Clicked on a card already decided: the core's CONFLICT says by whom and when.
async function answerDecided(turn: TTurn, proposalId: number): Promise<TEffect[]> {
  throw decidedConflict(await turn.deps.hosts.getEtablissementProposal(proposalId), proposalId);
}

function reasonForm(turn: TTurn, pending: TPendingProposal, reason: string, error: string): TEffect {
  const card = proposalReasonFormCard(turn.locale, { id: pending.id, etablissementLabel: pending.etablissementLabel, reason, error, maxLength: REASON_MAX });
  return { kind: "form", conventionId: null, card, ...(error === "" ? {} : { errors: { [PROPOSAL_REASON_INPUT_ID]: error } }) };
}

/** « Refuser »: a form asks the reason, which the student will read. */
export async function openRefuseProposal(turn: TTurn, data: unknown): Promise<TEffect[]> {
  assertModerator(turn);
  const { proposalId } = parseData(ZProposalRef, data);
  return decisionAnswer(turn, proposalId, async () => {
    const pending = await pendingFor(turn, proposalId);
    if (pending === null) return answerDecided(turn, proposalId);
    return [reasonForm(turn, pending, "", "")];
  });
}

/** The refusal with its reason (required): the proposal is closed, the student told why. */
export async function refuseProposal(turn: TTurn, data: unknown): Promise<TEffect[]> {
  assertModerator(turn);
  const { proposalId } = parseData(ZProposalRef, data);
  const reason = parseData(ZReason, data)[PROPOSAL_REASON_INPUT_ID] ?? "";
  return decisionAnswer(turn, proposalId, async () => {
    const pending = await pendingFor(turn, proposalId);
    if (pending === null) return answerDecided(turn, proposalId);
    try {
      await rejectEtablissementProposal(turn.deps, turn.actor, proposalId, reason);
    } catch (error) {
      const [invalid] = fieldErrorsOf(error);
      if (invalid === undefined) throw error;
      const label = translate(turn.locale, "moderation:proposalRefusal.label");
      return [reasonForm(turn, pending, reason, namedFieldError(turn.locale, label, invalid.code, { max: REASON_MAX, ...invalid.params }))];
    }
    return [
      { kind: "close_form" },
      await currentCard(turn, proposalId),
      noticeEffect(turn, null, { tone: "default", titleKey: "moderation:refused", params: { id: proposalId, etablissement: pending.etablissementLabel } }),
    ];
  });
}
