import { bareFieldError } from "../../i18n/field-error-message.ts";
import { z } from "zod/v4";
import { headerOf } from "./convention-views.ts";
import { ZId } from "./inbound-values.ts";
import { approvalCard, historyCard, reasonFormCard, staffListCard } from "../../cards/index.ts";
import type { TStaffListItem, TStaffListView } from "../../cards/views.ts";
import { VALIDATION_STEPS, type TValidationStep } from "../../domain/convention.ts";
import type { TFieldError } from "../../domain/sections/index.ts";
import { translate } from "../../i18n/translate.ts";
import { AppError, conflictOf, fieldErrorsOf } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import { approvalMessageKey } from "../notifications/notification.ts";
import { approvalView } from "../workflow/approval-view.ts";
import { decideStep } from "../workflow/decide-step.ts";
import { labelHistory } from "../workflow/label-history.ts";
import { unvalidateConvention } from "../workflow/unvalidate-convention.ts";
import { conflictNotice } from "./conflict-notice.ts";
import type { TTurn } from "./context.ts";
import { parseData, visibleConvention } from "./convention-actions.ts";
import { noticeEffect, progressEffect } from "./effect-builders.ts";
import type { TEffect } from "./effects.ts";

const ZStepRef = z.object({ conventionId: ZId, round: z.coerce.number().int().min(0), step: z.enum(VALIDATION_STEPS) });
const ZReason = z.object({ reason: z.string().max(10_000).default("") });
const HISTORY_LIMIT = 40;

/** The reader's copy of a step's approval card, posted once in the convention's thread and updated in place. */
export async function approvalEffect(turn: TTurn, card: { conventionId: number; round: number; step: TValidationStep }): Promise<TEffect> {
  const view = await approvalView(turn.deps, turn.actor, turn.locale, card);
  return {
    kind: "notify",
    personId: turn.actor.personId,
    conventionId: card.conventionId,
    card: approvalCard(turn.locale, view),
    key: approvalMessageKey(card.conventionId, card.round, card.step),
  };
}

/** "Ouvrir" from a list: the approval card of the step now waiting (or of the last decided one). */
export async function openApproval(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(z.object({ conventionId: ZId }), data);
  const convention = await visibleConvention(turn, conventionId);
  const step = convention.currentStep ?? convention.validatedStepsThisRound.at(-1) ?? "VALIDATION_ADMINISTRATIVE";
  return [await approvalEffect(turn, { conventionId, round: convention.round, step })];
}

function stepName(turn: TTurn, step: TValidationStep): string {
  return translate(turn.locale, `domain:steps.${step}`);
}

// A late or double click, or the loser of two simultaneous clicks: told who decided; its card refreshed.
async function decisionAnswer(turn: TTurn, ref: z.infer<typeof ZStepRef>, attempt: () => Promise<TEffect[]>): Promise<TEffect[]> {
  try {
    return await attempt();
  } catch (error) {
    const conflict = conflictOf(error);
    if (conflict === null) throw error;
    return [noticeEffect(turn, ref.conventionId, conflictNotice(turn.locale, conflict)), await approvalEffect(turn, ref)];
  }
}

/** "Valider" on an approval card. */
export async function validateStep(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const ref = parseData(ZStepRef, data);
  return decisionAnswer(turn, ref, async () => {
    const { convention, event } = await decideStep(turn.deps, turn.actor, { ...ref, decision: "VALIDATED" });
    const titleKey = event === "validated" ? "workflow:youValidatedAll" : "workflow:youValidated";
    return [
      await approvalEffect(turn, ref),
      noticeEffect(turn, convention.id, { tone: "good", titleKey, params: { step: stepName(turn, ref.step), numero: convention.numero ?? convention.id } }),
    ];
  });
}

async function reasonForm(
  turn: TTurn,
  conventionId: number,
  purpose: "refuse_step" | "unvalidate",
  data: Record<string, unknown>,
  reason = "",
  error: TFieldError | null = null,
): Promise<TEffect> {
  const convention = await visibleConvention(turn, conventionId);
  const header = await headerOf(turn.deps.formData, convention, turn.locale);
  const card = reasonFormCard(turn.locale, { conventionId, numero: convention.numero, studentName: header.studentName, purpose, data, reason, error });
  return {
    kind: "form",
    conventionId,
    card,
    ...(error ? { errors: { reason: bareFieldError(turn.locale, error.code, { max: 2000 }) } } : {}),
  };
}

/** "Refuser": a form asks the reason. */
export async function openRefuse(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const ref = parseData(ZStepRef, data);
  // The form names the student: only whoever may decide the step sees it.
  const convention = await visibleConvention(turn, ref.conventionId);
  assertAllowed(turn.actor, { kind: "decide", step: ref.step }, convention);
  return [await reasonForm(turn, ref.conventionId, "refuse_step", { round: ref.round, step: ref.step })];
}

/** The refusal with its reason. */
export async function refuseStep(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const ref = parseData(ZStepRef, data);
  const { reason } = parseData(ZReason, data);
  return decisionAnswer(turn, ref, async () => {
    try {
      const { convention } = await decideStep(turn.deps, turn.actor, { ...ref, decision: "REFUSED", reason });
      return [
        { kind: "close_form" },
        await approvalEffect(turn, ref),
        noticeEffect(turn, convention.id, { tone: "default", titleKey: "workflow:youRefused", params: { step: stepName(turn, ref.step) } }),
      ];
    } catch (error) {
      const [invalid] = fieldErrorsOf(error);
      if (invalid === undefined) throw error;
      return [await reasonForm(turn, ref.conventionId, "refuse_step", { round: ref.round, step: ref.step }, reason, invalid)];
    }
  });
}

/** "Retirer la validation" (gestionnaire): a form asks the reason. */
export async function openUnvalidate(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(z.object({ conventionId: ZId }), data);
  const convention = await visibleConvention(turn, conventionId);
  assertAllowed(turn.actor, { kind: "unvalidate" }, convention);
  if (convention.state !== "VALIDATED") throw new AppError("FORBIDDEN", { reason: "not_validated" });
  return [await reasonForm(turn, conventionId, "unvalidate", {})];
}

/** The un-validation with its reason: the convention is open again. */
export async function unvalidate(turn: TTurn, data: unknown): Promise<TEffect[]> {
  const { conventionId } = parseData(z.object({ conventionId: ZId }), data);
  const { reason } = parseData(ZReason, data);
  try {
    const convention = await unvalidateConvention(turn.deps, turn.actor, { conventionId, reason });
    return [
      { kind: "close_form" },
      await progressEffect(turn, convention),
      noticeEffect(turn, conventionId, { tone: "default", titleKey: "workflow:youUnvalidated" }),
    ];
  } catch (error) {
    const [invalid] = fieldErrorsOf(error);
    if (invalid === undefined) throw error;
    return [await reasonForm(turn, conventionId, "unvalidate", {}, reason, invalid)];
  }
}

function groupByStep(items: TStaffListItem[]): TStaffListView["groups"] {
  const groups: TStaffListView["groups"] = [];
  for (const item of items) {
    const group = groups.find((candidate) => candidate.step === item.step);
    if (group) group.items.push(item);
    else groups.push({ step: item.step, items: [item] });
  }
  return groups;
}

/** "À valider": what waits for the reader, by step, oldest first. */
export async function toValidate(turn: TTurn, conventionId: number | null): Promise<TEffect[]> {
  const items = await turn.deps.staff.toValidate(turn.actor, turn.deps.clock());
  const card = staffListCard(turn.locale, { kind: "to_validate", query: "", groups: groupByStep(items) });
  return [{ kind: "post", conventionId, card }];
}

/** A gestionnaire finds a convention of their centres by number or student name. */
export async function findConvention(turn: TTurn, query: string, conventionId: number | null = null): Promise<TEffect[]> {
  const items = await turn.deps.staff.search(turn.actor, query, turn.deps.clock());
  const card = staffListCard(turn.locale, { kind: "search", query, groups: [{ step: null, items }] });
  return [{ kind: "post", conventionId, card }];
}

/** The "Historique" card: every change and decision, who, when, before and after. */
export async function showHistory(turn: TTurn, data: unknown, answeredIn?: number | null): Promise<TEffect[]> {
  const { conventionId } = parseData(z.object({ conventionId: ZId }), data);
  const convention = await turn.deps.conventions.get(conventionId);
  assertAllowed(turn.actor, { kind: "view_history" }, convention);
  const history = await turn.deps.staff.history(conventionId, HISTORY_LIMIT);
  const [header, entries] = await Promise.all([
    headerOf(turn.deps.formData, convention, turn.locale),
    labelHistory(turn.deps.formData, history.entries, turn.locale),
  ]);
  const card = historyCard(turn.locale, { header, entries, omitted: history.omitted });
  // Typed somewhere ("historique 12" in the main conversation), it is answered there; a button answers in its convention's thread.
  return [{ kind: "post", conventionId: answeredIn === undefined ? conventionId : answeredIn, card }];
}
