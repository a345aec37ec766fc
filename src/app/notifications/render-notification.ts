import type { TNoticeView } from "../../cards/views.ts";
import { translate } from "../../i18n/translate.ts";
import { ensureAvenantDocument } from "../documents/ensure-avenant-document.ts";
import { ensureConventionDocument } from "../documents/ensure-convention-document.ts";
import type { TStoredDocument } from "../ports/documents.ts";
import { regenerateConventionDocument } from "../documents/regenerate-convention-document.ts";
import { avenantApprovalEffect, avenantCancelledEffects, avenantDecisionEffects } from "../conversation/avenant-actions.ts";
import type { TConversationDeps } from "../ports/conversation-deps.ts";
import type { TTurn } from "../conversation/context.ts";
import { noticeEffect, progressEffect } from "../conversation/effect-builders.ts";
import type { TEffect } from "../conversation/effects.ts";
import { withDocumentLinks } from "../conversation/pdf-links.ts";
import { approvalEffect } from "../conversation/workflow-actions.ts";
import type { TNotificationPayload } from "./notification.ts";
import { digestCard } from "../../cards/digest-card.ts";
import { formatDate } from "../../cards/card-format.ts";

/** A reminder about one convention: in the student's thread for a student, in the main conversation otherwise. */
function reminderEffects(turn: TTurn, payload: Extract<TNotificationPayload, { kind: "reminder" }>): TEffect[] {
  const forStudent = payload.reminder === "draft" || payload.reminder === "returned" || payload.reminder === "starting_soon";
  const params = {
    numero: payload.numero ?? "",
    student: payload.studentName,
    days: payload.days,
    count: payload.days,
    date: payload.dateDebut === null ? "" : formatDate(payload.dateDebut),
    referent: payload.referentName ?? "",
  };
  const tone = payload.reminder === "escalation" || payload.reminder === "starting_soon" ? ("attention" as const) : ("warning" as const);
  return [
    noticeEffect(turn, forStudent ? payload.conventionId : null, {
      tone,
      titleKey: `reminders:reminder.${payload.reminder}.title`,
      textKey: `reminders:reminder.${payload.reminder}.text`,
      footnoteKey: "reminders:reminder.footnote",
      params,
      actions: [
        { titleKey: "reminders:buttons.open", verb: forStudent ? "open_convention" : "open_approval", data: { conventionId: payload.conventionId } },
        { titleKey: "reminders:buttons.pause", verb: "pause_reminders", data: {} },
      ],
    }),
  ];
}

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

/**
 * The PDF of a validated convention, for one recipient: the file itself (uploaded where the
 * channel can, e.g. Slack) and a signed download link minted for them, valid a few minutes,
 * with "Nouveau lien" to get another.
 * The document is generated once and stored with its SHA-256; every recipient gets those bytes.
 */
async function documentEffects(turn: TTurn, conventionId: number, notice: TNoticeView): Promise<TEffect[]> {
  const { document } = await ensureConventionDocument(turn.deps.documents, conventionId);
  return attach(turn, conventionId, [document], notice);
}

/** The files themselves and one notice with a signed download link per file, and "Nouveau lien". */
function attach(turn: TTurn, conventionId: number, documents: TStoredDocument[], notice: TNoticeView, comments?: readonly string[]): TEffect[] {
  const comment = translate(turn.locale, notice.titleKey, notice.params);
  const files: TEffect[] = documents.map((document, i) => ({
    kind: "file",
    conventionId,
    filename: document.filename,
    content: Buffer.from(document.content),
    sha256: document.sha256,
    comment: comments?.[i] ?? comment,
  }));
  return [...files, noticeEffect(turn, conventionId, withDocumentLinks(turn, conventionId, documents, notice))];
}

/**
 * A validated avenant's documents: its own PDF (old → new values) and the convention's PDF as
 * amended, each generated once and stored with its SHA-256.
 */
async function avenantDocumentEffects(turn: TTurn, conventionId: number, avenantId: number): Promise<TEffect[]> {
  const avenant = await turn.deps.avenants.get(avenantId);
  if (avenant.status !== "VALIDATED") return [];
  // One after the other: rendering is CPU work, and the embedded database has one connection.
  const own = await ensureAvenantDocument(turn.deps.documents, avenantId);
  const amended = await regenerateConventionDocument(turn.deps.documents, avenantId);
  const notice: TNoticeView = { tone: "good", titleKey: "workflow:avenantDocuments", params: { avenant: avenant.numero } };
  // Two files side by side: each one says which it is.
  const convention = await turn.deps.conventions.get(conventionId);
  const params = { avenant: avenant.numero, numero: convention.numero ?? convention.id };
  const comments = [translate(turn.locale, "workflow:fileAvenant", params), translate(turn.locale, "workflow:fileAmended", params)];
  return attach(turn, conventionId, [own.document, amended.document], notice, comments);
}

// The proposer hears, in their main conversation, whether their correction of a shared host was applied, and why not.
async function proposalDecisionEffect(turn: TTurn, payload: Extract<TNotificationPayload, { kind: "etablissement_proposal_decided" }>): Promise<TEffect> {
  const host = await turn.deps.hosts.getEtablissement(payload.etablissementId);
  const params = { name: host?.raisonSociale ?? "", decider: await turn.deps.workflow.personName(payload.deciderId), reason: payload.reason ?? "" };
  return payload.decision === "APPLIED"
    ? noticeEffect(turn, null, { tone: "good", titleKey: "conversation:hostModeration.applied", params })
    : noticeEffect(turn, null, {
        tone: "attention",
        titleKey: "conversation:hostModeration.rejected",
        textKey: "conversation:hostModeration.rejectedText",
        params,
      });
}

async function validatedEffects(turn: TTurn, conventionId: number): Promise<TEffect[]> {
  const convention = await turn.deps.conventions.get(conventionId);
  const numero = convention.numero ?? convention.id;
  if (turn.actor.personId === convention.studentId) {
    const notice: TNoticeView = { tone: "good", titleKey: "workflow:student.validated", textKey: "workflow:student.validatedText", params: { numero } };
    return [await progressEffect(turn, convention), ...(await documentEffects(turn, conventionId, notice))];
  }
  const student = [convention.values.etudiantFirstName, convention.values.etudiantLastName].filter(Boolean).join(" ");
  return documentEffects(turn, conventionId, { tone: "good", titleKey: "workflow:staff.validated", params: { numero, student } });
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
      return [await avenantApprovalEffect(turn, payload.avenantId)];
    case "avenant_update":
      return [await avenantApprovalEffect(turn, payload.avenantId), ...(await avenantDocumentEffects(turn, payload.conventionId, payload.avenantId))];
    case "avenant_decision":
      return [...(await avenantDecisionEffects(turn, payload)), ...(await avenantDocumentEffects(turn, payload.conventionId, payload.avenantId))];
    case "avenant_cancelled":
      return avenantCancelledEffects(turn, payload);
    case "etablissement_proposal_decided":
      return [await proposalDecisionEffect(turn, payload)];
    case "digest":
      return [{ kind: "post", conventionId: null, card: digestCard(turn.locale, payload) }];
    case "reminder":
      return reminderEffects(turn, payload);
  }
}
