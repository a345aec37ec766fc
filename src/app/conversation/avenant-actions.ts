import { bareFieldError } from "../../i18n/field-error-message.ts";
import { z } from "zod/v4";
import { headerOf } from "./convention-views.ts";
import { ZId } from "./inbound-values.ts";
import { avenantApprovalCard } from "../../cards/avenant-approval-card.ts";
import { avenantErrorMessage } from "../../cards/avenant-format.ts";
import { avenantFormErrorsByInput, avenantRequestFormCard } from "../../cards/avenant-request-form-card.ts";
import { formAnswers, reasonFormCard } from "../../cards/index.ts";
import { SECTION_IDS, type TFieldError } from "../../domain/sections/index.ts";
import { AppError, avenantErrorsOf, conflictOf, fieldErrorsOf } from "../app-error.ts";
import { avenantApprovalView } from "../avenants/avenant-approval-view.ts";
import { avenantFormView, type TRejectedAvenant } from "../avenants/avenant-form-view.ts";
import { avenantMessageKey } from "../avenants/avenant-notifications.ts";
import { decideAvenant, decidedConflict } from "../avenants/decide-avenant.ts";
import type { TStoredAvenant } from "../ports/avenants.ts";
import { requestAvenant } from "../avenants/request-avenant.ts";
import { assertAllowed } from "../convention-subject.ts";
import type { TNotificationPayload } from "../notifications/notification.ts";
import type { TStoredConvention } from "../ports/conventions.ts";
import { conflictNotice } from "./conflict-notice.ts";
import type { TTurn } from "./context.ts";
import { parseData, visibleConvention } from "./convention-actions.ts";
import { noticeEffect, progressEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";

const ZConventionRef = z.object({ conventionId: ZId, version: z.coerce.number().int().positive().optional() });
const ZAvenantRef = z.object({ avenantId: ZId });
const ZReason = z.object({ reason: z.string().max(10_000).default("") });
// A multi-select sends "DATES,SUJET"; a playground may send a list.
const ZMotifs = z.object({ motifs: z.union([z.string().max(500), z.array(z.string().max(40)).max(20)]).default("") });
const ZTexts = z.object({ motifAutre: z.string().max(10_000).default(""), comment: z.string().max(10_000).default("") });

/** The reader's copy of an avenant's approval card, posted once in the convention's thread and updated in place. */
export async function avenantApprovalEffect(turn: TTurn, avenantId: number): Promise<TEffect> {
  const view = await avenantApprovalView(turn.deps, turn.actor, turn.locale, avenantId);
  const card = avenantApprovalCard(turn.locale, view);
  return { kind: "notify", personId: turn.actor.personId, conventionId: view.conventionId, card, key: avenantMessageKey(view.conventionId, view.avenantId) };
}

async function formEffect(turn: TTurn, convention: TStoredConvention, rejected?: TRejectedAvenant): Promise<TEffect> {
  const view = await avenantFormView(turn.deps, convention, turn.locale, rejected);
  const card = avenantRequestFormCard(turn.locale, view);
  if (!rejected) return { kind: "form", conventionId: convention.id, card };
  return { kind: "form", conventionId: convention.id, card, errors: avenantFormErrorsByInput(turn.locale, view) };
}

/** "Demander un avenant": the form, prefilled with the convention's current values. */
export async function openAvenantRequest(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(ZConventionRef, data);
  const convention = await visibleConvention(turn, conventionId);
  assertAllowed(turn.actor, { kind: "request_avenant" }, convention);
  return [await formEffect(turn, convention)];
}

// The submission as the form sends it: the motives, the texts, and every convention field it carries.
function readRequest(data: Record<string, unknown>) {
  const raw = parseData(ZMotifs, data).motifs;
  const motifs = (Array.isArray(raw) ? raw : raw.split(",")).map((motif) => motif.trim()).filter((motif) => motif !== "");
  const texts = parseData(ZTexts, data);
  const changes = SECTION_IDS.reduce<Record<string, unknown>>((all, sectionId) => ({ ...all, ...formAnswers(sectionId, data) }), {});
  return { motifs, ...texts, changes };
}

/** The request: sent to the centre's gestionnaires, or the form again with each error. */
export async function requestAvenantAction(turn: TTurn, data: Record<string, unknown>): Promise<TEffect[]> {
  const { conventionId, version } = parseData(ZConventionRef, data);
  const request = readRequest(data);
  try {
    const avenant = await requestAvenant(turn.deps, turn.actor, { conventionId, ...(version === undefined ? {} : { expectedVersion: version }), ...request });
    const convention = await turn.deps.conventions.get(conventionId);
    const params = { avenant: avenant.numero, numero: convention.numero ?? convention.id };
    return [{ kind: "close_form" }, noticeEffect(turn, conventionId, { tone: "good", titleKey: "cards:avenantNotice.requested", params })];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const errors = avenantErrorsOf(error);
    if (errors.length > 0) {
      const convention = await visibleConvention(turn, conventionId);
      const rejected = { motifs: request.motifs, motifAutre: request.motifAutre, comment: request.comment, answers: request.changes, errors };
      return [await formEffect(turn, convention, rejected)];
    }
    if (error.code === "STALE_VERSION") {
      const convention = await visibleConvention(turn, conventionId);
      return [noticeEffect(turn, conventionId, { tone: "warning", titleKey: "errors:STALE_VERSION" }), await formEffect(turn, convention)];
    }
    throw error;
  }
}

// A late or double click, or the loser of two simultaneous clicks: told who decided; its card refreshed.
async function decisionAnswer(turn: TTurn, avenantId: number, attempt: () => Promise<TEffect[]>): Promise<TEffect[]> {
  try {
    return await attempt();
  } catch (error) {
    const conflict = conflictOf(error);
    if (conflict === null) throw error;
    const card = await avenantApprovalEffect(turn, avenantId);
    const conventionId = card.kind === "notify" ? card.conventionId : null;
    return [noticeEffect(turn, conventionId, conflictNotice(turn.locale, conflict)), card];
  }
}

/** "Valider" on an avenant's card: its changes are applied to the convention, unless a rule now forbids them. */
export async function validateAvenant(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { avenantId } = parseData(ZAvenantRef, data);
  return decisionAnswer(turn, avenantId, async () => {
    try {
      const avenant = await decideAvenant(turn.deps, turn.actor, { avenantId, decision: "VALIDATED" });
      const convention = await turn.deps.conventions.get(avenant.conventionId);
      const params = { avenant: avenant.numero, numero: convention.numero ?? convention.id };
      return [
        await avenantApprovalEffect(turn, avenantId),
        noticeEffect(turn, convention.id, { tone: "good", titleKey: "cards:avenantNotice.youValidated", params }),
      ];
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "INVALID_INPUT" || error.params.reason !== "avenant_blocked") throw error;
      const card = await avenantApprovalEffect(turn, avenantId);
      const avenant = await turn.deps.avenants.get(avenantId);
      const messages = avenantErrorsOf(error)
        .map((detail) => avenantErrorMessage(turn.locale, detail))
        .join("\n");
      const notice = {
        tone: "attention" as const,
        titleKey: "cards:avenantNotice.blocked",
        textKey: "cards:avenantNotice.messages",
        params: { avenant: avenant.numero, messages },
      };
      return [noticeEffect(turn, avenant.conventionId, notice), card];
    }
  });
}

// The avenant and its convention, when the reader may decide it (FORBIDDEN otherwise).
async function decidable(turn: TTurn, avenantId: number): Promise<{ avenant: TStoredAvenant; convention: TStoredConvention }> {
  const avenant = await turn.deps.avenants.get(avenantId);
  const convention = await visibleConvention(turn, avenant.conventionId);
  assertAllowed(turn.actor, { kind: "decide_avenant" }, convention);
  return { avenant, convention };
}

async function reasonForm(
  turn: TTurn,
  target: { avenant: TStoredAvenant; convention: TStoredConvention },
  reason = "",
  error: TFieldError | null = null,
): Promise<TEffect> {
  const { avenant, convention } = target;
  const header = await headerOf(turn.deps.formData, convention, turn.locale);
  const data = { avenantId: avenant.id };
  const view = {
    conventionId: convention.id,
    numero: convention.numero,
    studentName: header.studentName,
    purpose: "refuse_avenant" as const,
    data,
    avenantNumero: avenant.numero,
    reason,
    error,
  };
  const card = reasonFormCard(turn.locale, view);
  if (!error) return { kind: "form", conventionId: convention.id, card };
  const message = bareFieldError(turn.locale, error.code, { max: 2000 });
  return { kind: "form", conventionId: convention.id, card, errors: { reason: message } };
}

/** "Refuser" on an avenant's card: a form asks the reason (a stale card's click is told who decided). */
export async function openRefuseAvenant(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { avenantId } = parseData(ZAvenantRef, data);
  return decisionAnswer(turn, avenantId, async () => {
    const target = await decidable(turn, avenantId);
    if (target.avenant.status !== "SUBMITTED") throw decidedConflict(target.avenant);
    return [await reasonForm(turn, target)];
  });
}

/** The refusal with its reason: the convention stays as it is, the student is told why. */
export async function refuseAvenant(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { avenantId } = parseData(ZAvenantRef, data);
  const { reason } = parseData(ZReason, data);
  return decisionAnswer(turn, avenantId, async () => {
    try {
      const avenant = await decideAvenant(turn.deps, turn.actor, { avenantId, decision: "REFUSED", reason });
      const notice = noticeEffect(turn, avenant.conventionId, {
        tone: "default",
        titleKey: "cards:avenantNotice.youRefused",
        params: { avenant: avenant.numero },
      });
      return [{ kind: "close_form" }, await avenantApprovalEffect(turn, avenantId), notice];
    } catch (error) {
      const [invalid] = fieldErrorsOf(error);
      if (invalid === undefined) throw error;
      return [await reasonForm(turn, await decidable(turn, avenantId), reason, invalid)];
    }
  });
}

/** The student's thread hears of the decision on their avenant: a notice with the refusal reason, and the progress card. */
export async function avenantDecisionEffects(turn: TTurn, payload: Extract<TNotificationPayload, { kind: "avenant_decision" }>): Promise<TEffect[]> {
  const [convention, avenant, decider] = await Promise.all([
    turn.deps.conventions.get(payload.conventionId),
    turn.deps.avenants.get(payload.avenantId),
    turn.deps.workflow.personName(payload.deciderId),
  ]);
  const params = { avenant: avenant.numero, numero: convention.numero ?? convention.id, decider, reason: payload.reason ?? "" };
  const notice =
    payload.decision === "VALIDATED"
      ? { tone: "good" as const, titleKey: "cards:avenantNotice.studentValidated", params }
      : { tone: "attention" as const, titleKey: "cards:avenantNotice.studentRefused", textKey: "cards:avenantNotice.studentRefusedText", params };
  return [await progressEffect(turn, convention), noticeEffect(turn, convention.id, notice)];
}

/**
 * The requester of an avenant cancelled by the un-validation of its convention hears why: in the
 * convention's thread for its student (with the progress card refreshed), in the conversation for staff.
 */
export async function avenantCancelledEffects(turn: TTurn, payload: Extract<TNotificationPayload, { kind: "avenant_cancelled" }>): Promise<TEffect[]> {
  const [convention, avenant, actor] = await Promise.all([
    turn.deps.conventions.get(payload.conventionId),
    turn.deps.avenants.get(payload.avenantId),
    turn.deps.workflow.personName(payload.actorId),
  ]);
  const ownThread = turn.actor.studentId !== undefined && turn.actor.studentId === convention.studentId;
  const params = { avenant: avenant.numero, numero: convention.numero ?? convention.id, actor, reason: payload.reason ?? "" };
  const notice = noticeEffect(turn, ownThread ? convention.id : null, {
    tone: "warning",
    titleKey: "operations:avenantCancelled.title",
    textKey: payload.reason ? "operations:avenantCancelled.textWithReason" : "operations:avenantCancelled.text",
    params,
  });
  return ownThread ? [await progressEffect(turn, convention), notice] : [notice];
}
