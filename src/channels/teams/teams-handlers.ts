import type { TurnContext } from "botbuilder";
import type { Application, TurnState } from "@microsoft/teams-ai";
import type { TConversation } from "../../app/ports/conversation.ts";
import type { TCard } from "../../app/conversation/effects.ts";
import { z } from "zod/v4";
import { ZInboundEvent, ZSearchQuery, type TIdentity, type TInboundEvent } from "../../app/conversation/events.ts";
import { applyEffects, type TChannelDeps } from "../shared/apply-effects.ts";
import type { TChannelLogger } from "../shared/ports.ts";
import type { TTeamsIdentities, TTeamsRef, TTeamsTarget } from "./teams-identity.ts";
import type { TFileOffers, TTeamsContext } from "./teams-port.ts";

// Teams' activities → the core's neutral events → effects back in Teams. Typed words are
// messages; a click is an Action.Execute invoke (answered in place) or, on clients that fall
// back, an Action.Submit message with the same verb and data; typeaheads are search invokes.
// An activity Teams sends again (a retry) is processed once.

/** What the routes need. */
export type TTeamsHandlerDeps = TChannelDeps<TTeamsRef, TTeamsContext> & {
  identities: TTeamsIdentities;
  conversation: TConversation;
  logger: TChannelLogger;
  /** Work that goes on after the invoke is answered (its failures are logged). */
  background: TBackground;
  /** Documents offered with a file-consent card. */
  offers: TFileOffers;
};

/** Work running after an answer was sent: tracked, so that a test or a shutdown can wait for it. */
export interface TBackground {
  run(what: string, work: Promise<unknown>): void;
  /** Resolves once everything started so far has finished. */
  idle(): Promise<void>;
}

/** The background work of one app. */
export function createBackground(logger: TChannelLogger): TBackground {
  const pending = new Set<Promise<unknown>>();
  return {
    run(what, work) {
      const tracked = work.catch((error: unknown) => logger.error({ err: error, what }, "Teams: work after the answer failed"));
      pending.add(tracked);
      void tracked.finally(() => pending.delete(tracked));
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

const identityOf = (target: TTeamsTarget): TIdentity => ({ platform: "TEAMS", email: target.email });

/** Claims the activity's id; false for one processed already (a retry of the connector). */
async function firstTime(deps: TTeamsHandlerDeps, context: TurnContext): Promise<boolean> {
  const id = context.activity.id;
  if (id === undefined || id === "") return true;
  if (await deps.records.claimEvent(`activity:${context.activity.conversation.id}:${id}`)) return true;
  deps.logger.info({ activityId: id }, "Teams activity already processed: ignored");
  return false;
}

/** A click's verb and data read into the core's event; a forged or outdated one is logged, and null. */
function clickEvent(deps: TTeamsHandlerDeps, raw: Record<string, unknown>, verb: unknown): TInboundEvent | null {
  const { verb: _inData, ...data } = raw;
  const parsed = ZInboundEvent.safeParse({ kind: "action", verb, data });
  if (parsed.success) return parsed.data;
  deps.logger.warn({ verb: typeof verb === "string" ? verb.slice(0, 60) : typeof verb }, "Teams click refused as invalid");
  return null;
}

/** A promise with its resolve, for the answer an invoke waits for. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/**
 * Runs a click. For an Action.Execute, the invoke is answered as soon as the card clicked has
 * its answer (a form, the outcome, the refreshed card), and the rest of the effects (posts,
 * other cards) goes on after: Teams waits only a few seconds for an invoke.
 */
async function onClick(deps: TTeamsHandlerDeps, context: TurnContext, event: TInboundEvent, invoke: boolean): Promise<TCard | null> {
  const target = await deps.identities.ofActivity(context);
  const effects = await deps.conversation.handle(identityOf(target), event);
  if (!invoke) {
    await applyEffects(deps, target, effects);
    return null;
  }
  const answered = deferred<TCard | null>();
  const clickedMessageId = context.activity.replyToId;
  const teams: TTeamsContext = { invoke: { clickedMessageId, answer: null, answered: (card) => answered.resolve(card) } };
  const work = (async () => {
    await applyEffects(deps, target, effects, { context: teams });
    const shown = teams.invoke?.answer ?? teams.invoke?.outcome ?? null;
    if (shown !== null || clickedMessageId === undefined) return shown;
    // Nothing answered the card clicked (a form cancelled in the progress card it replaced):
    // it becomes its convention's progress card again.
    const conventionId = await deps.records.conventionOfThread(target.channelId, clickedMessageId);
    if (conventionId === null) return null;
    await applyEffects(deps, target, await deps.conversation.handle(identityOf(target), { kind: "action", verb: "open_convention", data: { conventionId } }), {
      context: teams,
    });
    return teams.invoke?.answer ?? null;
  })();
  deps.background.run(
    "click",
    work.then(answered.resolve, (error: unknown) => {
      answered.resolve(null);
      throw error;
    }),
  );
  return answered.promise;
}

/** The content type of the card that shows a file uploaded to the person's OneDrive. */
const FILE_INFO_CARD = "application/vnd.microsoft.teams.card.file.info";

const ZConsent = z.object({
  context: z.object({ offer: z.string().uuid() }),
  uploadInfo: z
    .object({
      uploadUrl: z.string().url(),
      contentUrl: z.string().url(),
      name: z.string().min(1),
      uniqueId: z.string().optional(),
      fileType: z.string().optional(),
    })
    .optional(),
});

/** The person accepted a document: its bytes go to the upload URL Teams gave, then the file's card is shown. */
async function onFileAccepted(deps: TTeamsHandlerDeps, context: TurnContext, say: (key: string) => string): Promise<void> {
  const consent = ZConsent.safeParse(context.activity.value);
  if (!consent.success || consent.data.uploadInfo === undefined) {
    deps.logger.warn({}, "Teams file consent refused as invalid");
    return;
  }
  const { offer: token } = consent.data.context;
  const info = consent.data.uploadInfo;
  const channelId = context.activity.conversation.id;
  const offer = await deps.offers.take(channelId, token);
  if (offer === null) {
    await context.sendActivity(say("teams:fileGone"));
    return;
  }
  const length = offer.content.length;
  const uploaded = await fetch(info.uploadUrl, {
    method: "PUT",
    headers: { "content-type": "application/pdf", "content-length": String(length), "content-range": `bytes 0-${length - 1}/${length}` },
    body: offer.content,
  });
  if (!uploaded.ok) throw new Error(`Teams file upload answered ${uploaded.status}`);
  await deps.offers.forget(channelId, token);
  const card = {
    contentType: FILE_INFO_CARD,
    contentUrl: info.contentUrl,
    name: info.name,
    content: { uniqueId: info.uniqueId, fileType: info.fileType ?? "pdf" },
  };
  await context.sendActivity({ type: "message", attachments: [card] });
  deps.logger.info({ filename: offer.filename, sha256: offer.sha256 }, "Teams: document uploaded to the person's OneDrive");
}

/** Registers every route of the Teams app. */
export function registerTeamsHandlers(
  app: Application<TurnState>,
  deps: TTeamsHandlerDeps,
  okText: (context: TurnContext) => string,
  say: (context: TurnContext, key: string) => string,
): void {
  app.fileConsentAccept(async (context) => {
    if (await firstTime(deps, context)) await onFileAccepted(deps, context, (key) => say(context, key));
  });
  app.fileConsentDecline(async (context) => {
    const consent = ZConsent.safeParse(context.activity.value);
    if (consent.success) await deps.offers.forget(context.activity.conversation.id, consent.data.context.offer);
    await context.sendActivity(say(context, "teams:fileDeclined"));
  });

  app.adaptiveCards.actionExecute(/^[a-z_]+$/u, async (context, _state, data: Record<string, unknown>) => {
    const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    const event = (await firstTime(deps, context)) ? clickEvent(deps, data, verb) : null;
    const answer = event === null ? null : await onClick(deps, context, event, true);
    // Teams wants an answer: without a card to show, a short message keeps the card as it is.
    return answer ?? okText(context);
  });

  // The fallback of every Action.Execute (Teams mobile): the same verb, in the submitted data.
  app.adaptiveCards.actionSubmit(/^[a-z_]+$/u, async (context, _state, data: Record<string, unknown>) => {
    if (!(await firstTime(deps, context))) return;
    const event = clickEvent(deps, data, data["verb"]);
    if (event !== null) await onClick(deps, context, event, false);
  });

  app.adaptiveCards.search(/^[a-z_]+$/u, async (context, _state, query) => {
    const value = (context.activity.value ?? {}) as { data?: unknown };
    const target = await deps.identities.ofActivity(context);
    if (target.personId === null) return [];
    // Teams sends the query and the dataset; the convention (whose établissement's services and
    // contacts are searched) is the one of the card typed in, as recorded (the core checks the
    // person may see it).
    const data = typeof value.data === "object" && value.data !== null ? (value.data as Record<string, unknown>) : {};
    const replyToId = context.activity.replyToId;
    const conventionId = data["conventionId"] ?? (replyToId === undefined ? null : await deps.records.conventionOfThread(target.channelId, replyToId));
    const parsed = ZSearchQuery.safeParse({ dataset: query.parameters.dataset, text: query.parameters.queryText ?? "", data: { ...data, conventionId } });
    if (!parsed.success) return [];
    const choices = await deps.conversation.search(identityOf(target), parsed.data);
    return choices.map((choice) => ({ title: choice.title, value: choice.value }));
  });

  app.message(/[\s\S]*/u, async (context) => {
    const text = (context.activity.text ?? "").trim();
    if (text === "" || !(await firstTime(deps, context))) return;
    const target = await deps.identities.ofActivity(context);
    const effects = await deps.conversation.handle(identityOf(target), { kind: "message", text: text.slice(0, 4000), conventionId: null });
    await applyEffects(deps, target, effects);
  });

  // The app installed for someone (by them, or for everyone by the setup policy): their chat is
  // saved, so that approval cards can reach them, and they are greeted with the help.
  app.conversationUpdate("membersAdded", async (context) => {
    const added = context.activity.membersAdded ?? [];
    if (!added.some((member) => member.id === context.activity.recipient.id)) return;
    const target = await deps.identities.ofActivity(context);
    await applyEffects(deps, target, await deps.conversation.handle(identityOf(target), { kind: "message", text: "aide", conventionId: null }));
  });
}
