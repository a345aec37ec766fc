import { helpCard, progressCard } from "../../cards/index.ts";
import type { TLocale } from "../../i18n/translate.ts";
import { authorize, decidesValidations } from "../../domain/permissions.ts";
import { conventionSubject } from "../convention-subject.ts";
import { AppError, conflictOf } from "../app-error.ts";
import { openAvenantRequest, openRefuseAvenant, refuseAvenant, requestAvenantAction, validateAvenant } from "./avenant-actions.ts";
import { conflictNotice } from "./conflict-notice.ts";
import { audienceOf, type TTurn } from "./context.ts";
import { progressView } from "./convention-views.ts";
import type { TConversation } from "../ports/conversation.ts";
import {
  askDelete,
  confirmDelete,
  help,
  listOwnConventions,
  newConvention,
  openConvention,
  openSection,
  previewPdf,
  saveSectionAction,
  showRecap,
  submit,
} from "./convention-actions.ts";
import type { TConversationDeps } from "../ports/conversation-deps.ts";
import { noticeEffect, progressEffect } from "./effect-builders.ts";
import type { TCard, TEffect } from "./effects.ts";
import type { TInboundEvent, TVerb } from "./events.ts";
import { hostAction, searchChoices } from "./host-actions.ts";
import { newLink } from "./link-actions.ts";
import { cleanInbound, INT4_MAX, recordIdOf } from "./inbound-values.ts";
import { discardFormDraft, formClosed } from "./form-draft-actions.ts";
import { applyProposal, openRefuseProposal, refuseProposal, showProposals } from "./proposal-actions.ts";
import { parseTextCommand } from "./text-commands.ts";
import { requeueNotification, showDeadLetters } from "./operations-actions.ts";
import { openReminderSettings, pauseReminders, resumeReminders, saveReminderSettings } from "./reminder-actions.ts";
import { findConvention, openApproval, openRefuse, openUnvalidate, refuseStep, showHistory, toValidate, unvalidate, validateStep } from "./workflow-actions.ts";

type THandler = (turn: TTurn, data: Record<string, unknown>) => Promise<TEffect[]>;

const HANDLERS: Record<TVerb, THandler> = {
  new_convention: (turn) => newConvention(turn),
  list_conventions: (turn, data) => listOwnConventions(turn, typeof data.conventionId === "number" ? data.conventionId : null),
  help: async (turn) => help(turn, null),
  open_convention: openConvention,
  open_section: openSection,
  save_section: saveSectionAction,
  show_recap: showRecap,
  submit_convention: submit,
  delete_convention: askDelete,
  confirm_delete: confirmDelete,
  cancel: async () => [{ kind: "close_form" }],
  form_closed: formClosed,
  discard_form_draft: discardFormDraft,
  open_etablissement_create: (turn, data) => hostAction(turn, data, "open_etablissement_create"),
  create_etablissement: (turn, data) => hostAction(turn, data, "create_etablissement"),
  propose_etablissement_change: (turn, data) => hostAction(turn, data, "propose_etablissement_change"),
  open_service_create: (turn, data) => hostAction(turn, data, "open_service_create"),
  create_service: (turn, data) => hostAction(turn, data, "create_service"),
  open_contact_create: (turn, data) => hostAction(turn, data, "open_contact_create"),
  create_contact: (turn, data) => hostAction(turn, data, "create_contact"),
  open_approval: openApproval,
  validate_step: validateStep,
  open_refuse: openRefuse,
  refuse_step: refuseStep,
  open_unvalidate: openUnvalidate,
  unvalidate,
  to_validate: (turn, data) => toValidate(turn, threadOfData(data)),
  find_convention: (turn, data) => findConvention(turn, typeof data.query === "string" ? data.query : "", threadOfData(data)),
  show_history: showHistory,
  preview_pdf: previewPdf,
  new_link: newLink,
  open_avenant_request: openAvenantRequest,
  request_avenant: requestAvenantAction,
  validate_avenant: validateAvenant,
  open_refuse_avenant: openRefuseAvenant,
  refuse_avenant: refuseAvenant,
  requeue_notification: requeueNotification,
  pause_reminders: (turn, data) => pauseReminders(turn, threadOfData(data)),
  resume_reminders: (turn, data) => resumeReminders(turn, threadOfData(data)),
  open_reminder_settings: (turn, data) => openReminderSettings(turn, typeof data.code === "string" ? data.code : null),
  save_reminder_settings: saveReminderSettings,
  apply_etablissement_proposal: applyProposal,
  open_refuse_etablissement_proposal: openRefuseProposal,
  refuse_etablissement_proposal: refuseProposal,
};

function threadOfData(data: Record<string, unknown>): number | null {
  return recordIdOf(data.conventionId);
}

/** "reprendre [n]": the convention with that number (or id), else the thread's, else the latest editable one. */
async function resume(turn: TTurn, numero: number | null, threadConventionId: number | null): Promise<TEffect[]> {
  const own = turn.actor.studentId === undefined ? [] : await turn.deps.conventions.listForStudent(turn.actor.studentId);
  const target =
    numero !== null
      ? (own.find((convention) => convention.numero === numero) ?? own.find((convention) => convention.id === numero))
      : (own.find((convention) => convention.id === threadConventionId) ??
        own.find((convention) => convention.state === "DRAFT" || convention.state === "RETURNED"));
  if (!target) {
    if (audienceOf(turn.actor) === "staff") return [hiddenNotice(turn)];
    return [noticeEffect(turn, threadConventionId, { tone: "warning", titleKey: "conversation:notFound.title", params: { numero: numero ?? "" } })];
  }
  return openConvention(turn, { conventionId: target.id });
}

/** A convention's id from its number, among those the staff can find (or the student's own). */
async function conventionIdOfNumber(turn: TTurn, numero: number): Promise<number | null> {
  if (numero > INT4_MAX) return null;
  const found = await turn.deps.staff.search(turn.actor, String(numero), turn.deps.clock());
  const own = turn.actor.studentId === undefined ? [] : await turn.deps.conventions.listForStudent(turn.actor.studentId);
  return found.find((item) => item.numero === numero)?.conventionId ?? own.find((item) => item.numero === numero)?.id ?? null;
}

async function handleText(turn: TTurn, text: string, conventionId: number | null): Promise<TEffect[]> {
  const command = parseTextCommand(text);
  switch (command.kind) {
    case "new":
      return newConvention(turn);
    case "list":
      return listOwnConventions(turn, conventionId);
    case "help":
      return help(turn, conventionId);
    case "resume":
      // Staff find a convention by its number; a student opens their own.
      if (command.numero !== null && turn.actor.studentId === undefined) return findConvention(turn, String(command.numero), conventionId);
      return resume(turn, command.numero, conventionId);
    case "to_validate":
      return toValidate(turn, conventionId);
    case "search":
      return findConvention(turn, command.query, conventionId);
    case "history": {
      const target = command.numero === null ? conventionId : await conventionIdOfNumber(turn, command.numero);
      if (target === null) return [hiddenNotice(turn)];
      return showHistory(turn, { conventionId: target }, conventionId);
    }
    case "language": {
      await turn.deps.directory.setLocale(turn.actor.personId, command.locale);
      const now = { ...turn, locale: command.locale };
      return [noticeEffect(now, conventionId, { tone: "good", titleKey: "conversation:language.title", textKey: "conversation:language.text" })];
    }
    case "dead_letters":
      return showDeadLetters(turn, conventionId);
    case "pause_reminders":
      return pauseReminders(turn, conventionId);
    case "resume_reminders":
      return resumeReminders(turn, conventionId);
    case "reminder_settings":
      return openReminderSettings(turn, command.code);
    case "proposals":
      return showProposals(turn, conventionId);
    case "unknown": {
      const staff = audienceOf(turn.actor) === "staff";
      const textKey = staff ? "conversation:notUnderstood.staffText" : "conversation:notUnderstood.text";
      return [
        noticeEffect(turn, conventionId, { tone: "default", titleKey: "conversation:notUnderstood.title", textKey }),
        ...(conventionId === null ? [{ kind: "post" as const, conventionId, card: helpCard(turn.locale, audienceOf(turn.actor)) }] : []),
      ];
    }
  }
}

/**
 * The answer to a convention the person may not see, or that does not exist: the same words
 * for both, in the main conversation (no thread is made for it), so that a refusal tells
 * nothing of a convention's existence or of the centre it belongs to.
 */
function hiddenNotice(turn: TTurn): TEffect {
  const textKey = audienceOf(turn.actor) === "staff" ? "conversation:hidden.staffText" : "conversation:hidden.text";
  return noticeEffect(turn, null, { tone: "warning", titleKey: "conversation:hidden.title", textKey });
}

/** Whether the convention an event names is one the person cannot see (or none at all). */
async function hiddenFrom(turn: TTurn, conventionId: number): Promise<boolean> {
  try {
    const convention = await turn.deps.conventions.get(conventionId);
    return !authorize(turn.actor, { kind: "view" }, conventionSubject(convention)).allowed;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return true;
    throw error;
  }
}

// An AppError becomes a message to the person, in their language; anything else is a bug and propagates.
async function errorEffects(turn: TTurn, error: AppError, conventionId: number | null): Promise<TEffect[]> {
  // Checked before anything else is said: a refusal on a convention the person cannot see reveals nothing.
  if (conventionId !== null && (await hiddenFrom(turn, conventionId))) return [hiddenNotice(turn)];
  // A conflict says what was already done, by whom and when.
  const conflict = conflictOf(error);
  if (conflict !== null) return [noticeEffect(turn, conventionId, conflictNotice(turn.locale, conflict))];
  const params = { ...error.params, reason: String(error.params.reason ?? "") };
  const textKey = error.code === "FORBIDDEN" && error.params.reason ? `domain:permission.${String(error.params.reason)}` : undefined;
  const effects: TEffect[] = [
    noticeEffect(turn, conventionId, { tone: "attention", titleKey: `errors:${error.code}`, ...(textKey ? { textKey } : {}), params }),
  ];
  // After a conflict the person's view is stale: refresh the progress card.
  if (error.code === "STALE_VERSION" && conventionId !== null) {
    effects.push(await progressEffect(turn, await turn.deps.conventions.get(conventionId)));
  }
  return effects;
}

function threadOf(event: TInboundEvent): number | null {
  return recordIdOf(event.kind === "message" ? event.conventionId : event.data.conventionId);
}

/** The conversation core: identity by e-mail, then one use-case per event, its answer as effects. */
export function createConversation(deps: TConversationDeps): TConversation {
  async function turnFor(email: string): Promise<TTurn | null> {
    const person = await deps.directory.byEmail(email);
    return person ? { deps, actor: person.actor, locale: person.locale } : null;
  }

  return {
    async handle(identity, sent) {
      const event = cleanInbound(sent);
      const conventionId = threadOf(event);
      let turn: TTurn | null;
      try {
        turn = await turnFor(identity.email);
      } catch (error) {
        // Not even the person could be read (a busy database): answered in the default language.
        if (error instanceof AppError)
          return [noticeEffect({ locale: DEFAULT_LOCALE }, conventionId, { tone: "attention", titleKey: `errors:${error.code}`, params: {} })];
        throw error;
      }
      if (!turn) return [unknownPerson(identity.email)];
      try {
        if (event.kind === "message") return await handleText(turn, event.text, event.conventionId);
        return await HANDLERS[event.verb](turn, event.data);
      } catch (error) {
        if (error instanceof AppError) return errorEffects(turn, error, conventionId);
        throw error;
      }
    },
    async search(identity, sent) {
      const query = cleanInbound(sent);
      const turn = await turnFor(identity.email);
      return turn ? searchChoices(turn, query) : [];
    },
    async personIdOf(email) {
      return (await deps.directory.byEmail(email))?.actor.personId ?? null;
    },
    async home(identity) {
      const turn = await turnFor(identity.email);
      if (!turn) return cardsOf([unknownPerson(identity.email)]);
      const waiting = decidesValidations(turn.actor) ? await toValidate(turn, null) : [];
      return cardsOf([...(await listOwnConventions(turn, null)), ...waiting]);
    },
    async threads(identity) {
      const turn = await turnFor(identity.email);
      if (!turn || turn.actor.studentId === undefined) return [];
      const conventions = await deps.conventions.listForStudent(turn.actor.studentId);
      return Promise.all(
        conventions.map(async (convention) => {
          const view = await progressView(deps.formData, turn.actor, convention, turn.locale);
          return { conventionId: convention.id, title: String(convention.numero ?? `#${convention.id}`), progress: progressCard(turn.locale, view) };
        }),
      );
    },
  };
}

const DEFAULT_LOCALE: TLocale = "fr";

/** The cards of effects that show something to the person (a home is cards, not effects). */
function cardsOf(effects: readonly TEffect[]): TCard[] {
  return effects.flatMap((effect) => (effect.kind === "post" || effect.kind === "notify" ? [effect.card] : []));
}

/** Someone whose e-mail is not in the directory: told whom to contact; nothing is created. */
function unknownPerson(email: string): TEffect {
  const locale = DEFAULT_LOCALE;
  return noticeEffect({ locale }, null, {
    tone: "attention",
    titleKey: "errors:UNKNOWN_PERSON",
    textKey: "conversation:unknownPerson.text",
    params: { email },
  });
}
