import { pickValues } from "../../domain/avenant.ts";
import { computedDureeEffectiveHours } from "../../domain/convention-rules.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import type { TActor } from "../../domain/permissions.ts";
import { normalizeReason, REASON_MAX } from "../../domain/workflow.ts";
import { AppError, conflictOf, type TConflict } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import type { TClock } from "../ports/clock.ts";
import type { TAnswerChecks, TConventionStore, TRulesFactsSource, TStoredConvention } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";
import { amendedConventionErrors } from "./amended-convention-errors.ts";
import { avenantCards, avenantDeciders, avenantDecisionForStudent } from "./avenant-notifications.ts";
import type { TAvenantDecisionRecord, TAvenantStore, TStoredAvenant } from "../ports/avenants.ts";

/** A gestionnaire's decision on an avenant. */
export interface TDecideAvenantCommand {
  avenantId: number;
  decision: "VALIDATED" | "REFUSED";
  /** Required for a refusal, at most 2000 characters. */
  reason?: string;
}

type TDeps = {
  conventions: TConventionStore;
  avenants: TAvenantStore;
  checks: TAnswerChecks;
  facts: TRulesFactsSource;
  workflow: TWorkflowDirectory;
  clock: TClock;
};

/** The CONFLICT answering a click on an avenant already decided: who decided it, and when (null when no record says). */
export function decidedConflict(avenant: TStoredAvenant): AppError {
  const { decision } = avenant;
  const taken = decision && {
    decider: { personId: decision.deciderId, name: decision.deciderName },
    decidedAt: decision.decidedAt,
    decision: decision.decision,
  };
  const conflict: TConflict = { kind: "avenant_decided", avenantId: avenant.id, numero: avenant.numero, taken };
  return new AppError("CONFLICT", { id: avenant.id, status: avenant.status }, conflict);
}

async function alreadyDecided(deps: TDeps, avenantId: number): Promise<never> {
  throw decidedConflict(await deps.avenants.get(avenantId));
}

function refusalReason(reason: string | undefined): string {
  const normalized = normalizeReason(reason ?? "");
  if (normalized.ok) return normalized.reason;
  const code = normalized.code === "reason_too_long" ? "too_long" : "required";
  throw new AppError("INVALID_INPUT", { reason: normalized.code }, { kind: "fields", errors: [{ field: "reason", code, params: { max: REASON_MAX } }] });
}

// The convention may have changed since the request: the changes are checked again on it as it is now.
async function application(
  deps: TDeps,
  actorId: number,
  convention: TStoredConvention,
  avenant: TStoredAvenant,
): Promise<NonNullable<TAvenantDecisionRecord["apply"]>> {
  const errors = await amendedConventionErrors(deps, convention, avenant.changes);
  if (errors.length > 0) throw new AppError("INVALID_INPUT", { reason: "avenant_blocked" }, { kind: "avenant_fields", errors });
  const merged: TConventionValues = { ...convention.values, ...avenant.changes };
  const previousValues = pickValues(convention.values, Object.keys(avenant.changes));
  return {
    conventionId: convention.id,
    expectedVersion: convention.version,
    update: { ...avenant.changes, dureeEffectiveCalculee: computedDureeEffectiveHours(merged, await deps.facts.holidayZone(merged)) },
    previousValues,
    conventionAudit: { actorId, action: "avenant.applied", before: previousValues, after: { avenantNumero: avenant.numero, ...avenant.changes } },
  };
}

/**
 * Validates or refuses an avenant. Exactly one decision wins (one decision per avenant); a
 * second or late click is told who decided. A validation applies the changes to the convention
 * (its previous values kept on the avenant); decision, changes, audit and notifications (every
 * gestionnaire's card updated, the student told) commit together.
 */
export async function decideAvenant(deps: TDeps, actor: TActor, command: TDecideAvenantCommand): Promise<TStoredAvenant> {
  const avenant = await deps.avenants.get(command.avenantId);
  const convention = await deps.conventions.get(avenant.conventionId);
  // Cancelled with its convention's un-validation (unvalidate-convention.ts): said so, whatever the convention's state now.
  if (avenant.status === "CANCELLED")
    throw new AppError("CONFLICT", { id: avenant.id, status: avenant.status }, { kind: "avenant_cancelled", avenantId: avenant.id, numero: avenant.numero });
  assertAllowed(actor, { kind: "decide_avenant" }, convention);
  if (avenant.status !== "SUBMITTED") await alreadyDecided(deps, avenant.id);

  const reason = command.decision === "REFUSED" ? refusalReason(command.reason) : null;
  const decision = { decision: command.decision, reason, deciderId: actor.personId };
  const apply = command.decision === "VALIDATED" ? await application(deps, actor.personId, convention, avenant) : undefined;
  const deciders = await avenantDeciders(deps.workflow, convention);
  const status = { status: command.decision, avenantNumero: avenant.numero, ...(reason === null ? {} : { reason }) };
  try {
    return await deps.avenants.decide({
      avenantId: avenant.id,
      ...decision,
      decidedAt: deps.clock(),
      avenantAudit: {
        actorId: actor.personId,
        action: command.decision === "VALIDATED" ? "avenant.validated" : "avenant.refused",
        before: { status: avenant.status },
        after: status,
      },
      ...(apply ? { apply } : {}),
      notifications: [...avenantCards("update", deciders, convention.id, avenant.id), avenantDecisionForStudent(convention, avenant.id, decision)],
    });
  } catch (error) {
    // The other of two simultaneous decisions: answered with who won.
    if (conflictOf(error)?.kind === "avenant_decided") await alreadyDecided(deps, avenant.id);
    throw error;
  }
}
