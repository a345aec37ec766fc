import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import { WebClient, type RetryOptions } from "@slack/web-api";
import express, { type Router } from "express";
import type { TConversation } from "../../app/ports/conversation.ts";
import type { TClock } from "../../app/ports/clock.ts";
import type { TChannelRecords, TChatIdentityRecords } from "../shared/ports.ts";
import { dedupeMiddleware } from "./dedupe-middleware.ts";
import { registerHandlers } from "./register-handlers.ts";
import { createSlackIdentities } from "./slack-identity.ts";
import { boltLogger, type TSlackLogger } from "./slack-logger.ts";
import { createSlackPort, type TSlackEffectsDeps } from "./slack-port.ts";
import { slackRequestGuard } from "./slack-request-guard.ts";

// The Slack app: one endpoint, /slack/events, for events, interactivity, typeahead options and
// the slash command, on the application's own HTTP server (mount `router`). Requests are
// checked by our signature guard (verify-slack-request.ts, clock injected), then parsed and
// dispatched by Bolt (its own check switched off: it cannot be given a clock).

/** Where Slack sends everything (slack/manifest.yml). */
export const SLACK_EVENTS_PATH = "/slack/events";

/** What the Slack app needs. */
export interface TSlackAppOptions {
  botToken: string;
  signingSecret: string;
  /** Web API base URL (SLACK_API_URL), Slack's by default; tests point it at a local fake. */
  apiUrl?: string | undefined;
  /** The bot's ids, when known: otherwise auth.test is called once, on the first request (never at start). */
  botId?: string | undefined;
  botUserId?: string | undefined;
  conversation: TConversation;
  /** What the app remembers (platform SLACK): posted messages, processed events. */
  records: TChannelRecords;
  /** Slack users linked to directory people. */
  identityRecords: TChatIdentityRecords;
  logger: TSlackLogger;
  clock?: TClock;
  /** Answer Slack only once the listener is done: for tests (and FaaS), never in production. */
  processBeforeResponse?: boolean;
  /** Web API retries; tests pass { retries: 0 } so that a failing call fails at once. */
  retryConfig?: RetryOptions;
}

/** The running pieces: the router to mount, the Web API client, and what notifications need to apply effects. */
export interface TSlackApp {
  router: Router;
  client: WebClient;
  effects: TSlackEffectsDeps;
  app: App;
}

// A few quick retries: a click's trigger_id expires after 3 s, and the outbox retries later on
// its own. (The client's default keeps retrying for 30 minutes.)
const DEFAULT_RETRIES: RetryOptions = { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 1500 };

type TBotIds = { botId: string; botUserId: string };

function botIdsOnce(client: WebClient, known: Partial<TBotIds>): () => Promise<TBotIds> {
  let pending: Promise<TBotIds> | undefined;
  return () => {
    if (known.botId !== undefined && known.botUserId !== undefined) return Promise.resolve({ botId: known.botId, botUserId: known.botUserId });
    pending ??= client.auth.test().then(
      (result) => ({ botId: result.bot_id ?? "", botUserId: result.user_id ?? "" }),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}

/** Creates the Slack app: Bolt on an ExpressReceiver whose router serves /slack/events behind the signature guard. */
export function createSlackApp(options: TSlackAppOptions): TSlackApp {
  const logger = boltLogger(options.logger, LogLevel.INFO);
  const clientOptions = {
    logger,
    retryConfig: options.retryConfig ?? DEFAULT_RETRIES,
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
  };
  const client = new WebClient(options.botToken, clientOptions);
  const router = express.Router();
  const clock = options.clock ?? (() => new Date());
  const claimSignature = (signature: string) => options.records.claimSignature(signature, clock());
  router.post(SLACK_EVENTS_PATH, slackRequestGuard({ signingSecret: options.signingSecret, clock, logger: options.logger, claimSignature }));
  const receiver = new ExpressReceiver({
    signingSecret: options.signingSecret,
    signatureVerification: false,
    endpoints: SLACK_EVENTS_PATH,
    router,
    processBeforeResponse: options.processBeforeResponse ?? false,
    logger,
  });
  const botIds = botIdsOnce(client, { botId: options.botId, botUserId: options.botUserId });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: options.botToken, ...(await botIds()) }),
    clientOptions,
    logger,
    tokenVerificationEnabled: false,
    // State lives in PostgreSQL only (several instances): no in-memory conversation store.
    convoStore: false,
  });
  const effects: TSlackEffectsDeps = {
    client,
    logger: options.logger,
    port: createSlackPort({ client, logger: options.logger }),
    records: options.records,
    identities: createSlackIdentities({ records: options.identityRecords, client }),
  };
  app.use(dedupeMiddleware({ records: options.records, logger: options.logger }));
  registerHandlers(app, { ...effects, conversation: options.conversation });
  return { router, client, effects, app };
}
