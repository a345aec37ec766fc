import { Application, type TeamsAdapter, type TurnState } from "@microsoft/teams-ai";
import type { TurnContext } from "botbuilder";
import express, { type RequestHandler, type Router } from "express";
import type { TConversation } from "../../app/ports/conversation.ts";
import { toLocale, translate } from "../../i18n/translate.ts";
import type { TChannelLogger, TChannelRecords, TChatIdentityRecords } from "../shared/ports.ts";
import { createBackground, registerTeamsHandlers, type TTeamsHandlerDeps } from "./teams-handlers.ts";
import type { TTeamsDirectory } from "./teams-graph.ts";
import { createTeamsIdentities, TEAMS_PUBLIC_SERVICE_URL } from "./teams-identity.ts";
import { createTeamsPort, type TFileOffers } from "./teams-port.ts";

// The Teams app: one endpoint, /api/messages, on the application's own HTTP server. Every
// request is authenticated first (the guard given: Bot Framework JWT), its JSON parsed on this
// route only (a global parser would break Slack's receiver), then run by teams-ai's
// Application on botbuilder's CloudAdapter. teams-ai stays behind this folder: the rest of
// Stagebot sees the channel layer's port.

/** Where Teams sends every activity (the bot's messaging endpoint). */
export const TEAMS_MESSAGES_PATH = "/api/messages";

/** What the Teams app needs. */
export interface TTeamsAppOptions {
  appId: string;
  /** The adapter, made with the bot's credentials (or, in tests, pointed at local fakes). */
  adapter: TeamsAdapter;
  /** Checks each request before anything reads it; a refused one is answered 401 there. */
  guard?: RequestHandler;
  conversation: TConversation;
  records: TChannelRecords;
  identityRecords: TChatIdentityRecords;
  /** Documents offered with a file-consent card, until the person answers. */
  offers: TFileOffers;
  /** With Graph: people who never wrote to the bot are found by e-mail and their chat opened (the tenant is the bot's). */
  reach?: { directory: TTeamsDirectory; tenantId: string; serviceUrl?: string } | undefined;
  logger: TChannelLogger;
}

/** The running pieces: the router to mount, and what notifications need to apply effects. */
export interface TTeamsApp {
  router: Router;
  effects: TTeamsHandlerDeps;
  /** Resolves once the work left after answering Teams is done (tests, shutdown). */
  idle(): Promise<void>;
}

/** Creates the Teams app on its adapter. */
export function createTeamsApp(options: TTeamsAppOptions): TTeamsApp {
  const { adapter, logger } = options;
  const effects: TTeamsHandlerDeps = {
    port: createTeamsPort({ adapter, appId: options.appId, logger, offers: options.offers }),
    records: options.records,
    identities: createTeamsIdentities({
      records: options.identityRecords,
      logger,
      reach: options.reach && { ...options.reach, adapter, appId: options.appId, serviceUrl: options.reach.serviceUrl ?? TEAMS_PUBLIC_SERVICE_URL },
    }),
    conversation: options.conversation,
    logger,
    background: createBackground(logger),
    offers: options.offers,
  };
  const app = new Application<TurnState>({
    adapter,
    botAppId: options.appId,
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });
  const say = (context: TurnContext, key: string) => translate(toLocale(context.activity.locale), key);
  registerTeamsHandlers(app, effects, (context) => say(context, "teams:done"), say);
  adapter.onTurnError = async (context, error) => {
    // Logged with its details; the person is told in their language, never shown a stack.
    logger.error({ err: error, activityType: context.activity.type, activityId: context.activity.id }, "Teams turn failed");
    if (context.activity.type === "message") await context.sendActivity(translate(toLocale(context.activity.locale), "teams:failed"));
  };
  const router = express.Router();
  const json = express.json({ limit: "256kb" });
  const handlers: RequestHandler[] = [...(options.guard ? [options.guard] : []), json];
  router.post(TEAMS_MESSAGES_PATH, ...handlers, async (request, response) => {
    await adapter.process(request, response, async (context) => {
      await app.run(context);
    });
  });
  return { router, effects, idle: () => effects.background.idle() };
}
