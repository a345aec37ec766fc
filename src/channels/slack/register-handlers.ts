import type { App, BlockAction, ButtonAction, SlackEventMiddlewareArgs, ViewClosedAction, ViewSubmitAction } from "@slack/bolt";
import { AppError } from "../../app/app-error.ts";
import type { TConversation } from "../../app/ports/conversation.ts";
import type { TIdentity } from "../../app/conversation/events.ts";
import { applyEffects } from "../shared/apply-effects.ts";
import { publishHome } from "./app-home.ts";
import {
  blockActionToEvent,
  blockSuggestionToQuery,
  DATASET_ACTION_PREFIX,
  isButtonAction,
  optionsResponse,
  viewSubmissionToData,
  type TViewStateValues,
} from "./block-kit/index.ts";
import type { TSlackTarget } from "./slack-identity.ts";
import { SLASH_COMMAND, slashCommandText } from "./slash-command.ts";
import { FORM_CALLBACK_ID, type TSlackContext, type TSlackEffectsDeps } from "./slack-port.ts";
import { viewSubmissionOutcome } from "./view-response.ts";

// Slack's payloads → the core's neutral events → effects back in Slack. Every interaction is
// acknowledged first and worked on after (Slack waits 3 seconds), except a modal's submission,
// whose answer IS the acknowledgement: that path only runs the core's save (a few ms).

/** What the listeners need. */
export type TSlackHandlerDeps = TSlackEffectsDeps & { conversation: TConversation };

const identityOf = (target: TSlackTarget): TIdentity => ({ platform: "SLACK", email: target.email });

/** The workspace of a payload (interactions carry `team`, events `team_id`). */
function teamOf(body: { team?: { id: string } | null; team_id?: string; user?: { team_id?: string } }): string {
  return body.team?.id ?? body.team_id ?? body.user?.team_id ?? "";
}

/** A payload read into the core's terms; a forged or outdated one (AppError) is logged, and null. */
function readPayload<T>(deps: TSlackHandlerDeps, what: string, read: () => T): T | null {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    deps.logger.warn({ code: error.code, params: error.params, what }, "Slack payload refused as invalid");
    return null;
  }
}

/** A button: from a message, the App Home or a modal. */
async function onButton(deps: TSlackHandlerDeps, body: BlockAction, action: ButtonAction): Promise<void> {
  const fromModal = body.view?.type === "modal" ? body.view : undefined;
  const event = readPayload(deps, "block_actions", () => blockActionToEvent(action, fromModal?.state.values as TViewStateValues | undefined));
  if (event === null) return;
  const target = await deps.identities.ofUser(teamOf(body), body.user.id);
  const effects = await deps.conversation.handle(identityOf(target), { kind: "action", ...event });
  const context: TSlackContext = { triggerId: body.trigger_id, view: fromModal && { id: fromModal.id, hash: fromModal.hash } };
  await applyEffects(deps, target, effects, { context });
  // The home shows states and what waits: after a click there, it is redrawn.
  if (body.view?.type === "home") await publishHome(deps, target);
}

function registerActions(app: App, deps: TSlackHandlerDeps): void {
  app.action<BlockAction>({ type: "block_actions" }, async ({ ack, body, action }) => {
    await ack();
    if (action.type !== "button" || !isButtonAction(action)) return;
    await onButton(deps, body, action);
  });
}

function registerSubmissions(app: App, deps: TSlackHandlerDeps): void {
  app.view<ViewSubmitAction>({ type: "view_submission", callback_id: FORM_CALLBACK_ID }, async ({ ack, body, view }) => {
    const submission = readPayload(deps, "view_submission", () => viewSubmissionToData(view.state.values as TViewStateValues, view.private_metadata));
    if (submission === null) return ack();
    const target = await deps.identities.ofUser(teamOf(body), body.user.id);
    const effects = await deps.conversation.handle(identityOf(target), { kind: "action", verb: submission.verb, data: submission.data });
    const { answer, rest } = viewSubmissionOutcome(effects, view, target);
    await ack(answer);
    await applyEffects(deps, target, rest);
  });
}

// A section form closed with Slack's own button (notify_on_close): its typed answers go to the
// core as form_closed, which keeps them aside and says so in the thread.
function registerClosings(app: App, deps: TSlackHandlerDeps): void {
  app.view<ViewClosedAction>({ type: "view_closed", callback_id: FORM_CALLBACK_ID }, async ({ ack, body, view }) => {
    await ack();
    const closed = readPayload(deps, "view_closed", () => viewSubmissionToData(view.state.values as TViewStateValues, view.private_metadata));
    if (closed === null || closed.verb !== "save_section") return;
    const target = await deps.identities.ofUser(teamOf(body), body.user.id);
    const effects = await deps.conversation.handle(identityOf(target), { kind: "action", verb: "form_closed", data: closed.data });
    await applyEffects(
      deps,
      target,
      effects.filter((effect) => effect.kind !== "close_form"),
    );
  });
}

function registerSearches(app: App, deps: TSlackHandlerDeps): void {
  app.options<"block_suggestion">({ type: "block_suggestion", action_id: new RegExp(`^${DATASET_ACTION_PREFIX}`) }, async ({ ack, body }) => {
    const query = readPayload(deps, "block_suggestion", () => blockSuggestionToQuery(body));
    if (query === null) return ack({ options: [] });
    const target = await deps.identities.ofUser(teamOf(body), body.user.id);
    const choices = target.personId === null ? [] : await deps.conversation.search(identityOf(target), query);
    await ack(optionsResponse(choices));
  });
}

type TMessageArgs = SlackEventMiddlewareArgs<"message">;

/** Text typed in the DM: in a convention's thread, it is about that convention. */
async function onDirectMessage(deps: TSlackHandlerDeps, { message, body }: Pick<TMessageArgs, "message" | "body">): Promise<void> {
  if (message.channel_type !== "im" || message.subtype !== undefined || message.bot_id !== undefined) return;
  const text = (message.text ?? "").trim();
  if (text === "") return;
  const target = await deps.identities.ofUser(body.team_id, message.user);
  const conventionId = message.thread_ts === undefined ? null : await deps.records.conventionOfThread(message.channel, message.thread_ts);
  const effects = await deps.conversation.handle(identityOf(target), { kind: "message", text: text.slice(0, 4000), conventionId });
  await applyEffects(deps, target, effects);
}

function registerMessages(app: App, deps: TSlackHandlerDeps): void {
  app.message(async ({ message, body }) => onDirectMessage(deps, { message, body }));
  app.command(SLASH_COMMAND, async ({ ack, command }) => {
    await ack();
    const target = await deps.identities.ofUser(command.team_id, command.user_id);
    const effects = await deps.conversation.handle(identityOf(target), { kind: "message", text: slashCommandText(command.text), conventionId: null });
    await applyEffects(deps, target, effects, { context: { triggerId: command.trigger_id } });
  });
  app.event("app_home_opened", async ({ event, body }) => {
    if (event.tab !== undefined && event.tab !== "home") return;
    await publishHome(deps, await deps.identities.ofUser(body.team_id, event.user));
  });
}

/** Registers every listener of the Slack app: buttons, modal submissions, typeahead searches, DMs, /convention and the App Home. */
export function registerHandlers(app: App, deps: TSlackHandlerDeps): void {
  registerActions(app, deps);
  registerSubmissions(app, deps);
  registerClosings(app, deps);
  registerSearches(app, deps);
  registerMessages(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error.original ?? error, code: error.code }, "Slack listener failed");
  });
}
