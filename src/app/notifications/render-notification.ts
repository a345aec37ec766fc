import { translate } from "../../i18n/translate.ts";
import { avenantApprovalEffect, avenantDecisionEffects } from "../conversation/avenant-actions.ts";
import type { TConversationDeps } from "../conversation/deps.ts";
import type { TTurn } from "../conversation/context.ts";
import { noticeEffect, progressEffect } from "../conversation/effect-builders.ts";
import type { TEffect } from "../conversation/effects.ts";
import { approvalEffect } from "../conversation/workflow-actions.ts";
import type { TNotificationPayload } from "./notification.ts";

async function decisionEffects(turn: TTurn, payload: Extract<TNotificationPayload, { kind: "decision" }>): Promise<TEffect[]> {
  const convention = await turn.deps.conventions.get(payload.conventionId);
  const params = {
    step: payload.step ? translate(turn.locale, `domain:steps.${payload.step}`) : "",
    decider: await turn.deps.workflow.personName(payload.deciderId),
    reason: payload.reason ?? "",
  };
  const notice =
    payload.decision === "VALIDATED"
      ? { tone: "good" as const, titleKey: "workflow:student.stepValidated", params }
      : payload.decision === "REFUSED"
        ? { tone: "attention" as const, titleKey: "workflow:student.refused", textKey: "workflow:student.refusedText", params }
        : { tone: "warning" as const, titleKey: "workflow:student.unvalidated", textKey: "workflow:student.unvalidatedText", params };
  return [await progressEffect(turn, convention), noticeEffect(turn, convention.id, notice)];
}

async function validatedEffects(turn: TTurn, conventionId: number): Promise<TEffect[]> {
  const convention = await turn.deps.conventions.get(conventionId);
  const numero = convention.numero ?? convention.id;
  if (turn.actor.personId === convention.studentId) {
    return [
      await progressEffect(turn, convention),
      noticeEffect(turn, conventionId, { tone: "good", titleKey: "workflow:student.validated", textKey: "workflow:student.validatedText", params: { numero } }),
    ];
  }
  const student = [convention.values.etudiantFirstName, convention.values.etudiantLastName].filter(Boolean).join(" ");
  return [noticeEffect(turn, conventionId, { tone: "good", titleKey: "workflow:staff.validated", params: { numero, student } })];
}

/**
 * The effects a notification has in its recipient's conversation, rendered at delivery in
 * their language: an approval card (updated in place by its key), a decision in the student's
 * thread with the progress card refreshed, the news of a full validation; an avenant's card
 * for the gestionnaires, and its decision in the student's thread.
 */
export async function renderNotification(deps: TConversationDeps, recipientId: number, payload: TNotificationPayload): Promise<TEffect[]> {
  const recipient = await deps.directory.byId(recipientId);
  // Someone removed from the directory meanwhile: nothing to deliver.
  if (!recipient) return [];
  const turn: TTurn = { deps, actor: recipient.actor, locale: recipient.locale };
  switch (payload.kind) {
    case "approval_request":
    case "approval_update":
      return [await approvalEffect(turn, payload)];
    case "decision":
      return decisionEffects(turn, payload);
    case "validated":
      return validatedEffects(turn, payload.conventionId);
    case "avenant_request":
    case "avenant_update":
      return [await avenantApprovalEffect(turn, payload.avenantId)];
    case "avenant_decision":
      return avenantDecisionEffects(turn, payload);
  }
}
