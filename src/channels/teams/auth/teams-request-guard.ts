import express, { type RequestHandler, type Response } from "express";
import { z } from "zod/v4";
import type { TClock } from "../../../app/ports/clock.ts";
import { translate } from "../../../i18n/translate.ts";
import type { TTeamsLogger } from "../teams-logger.ts";
import { openIdKeySource, SigningKeysUnavailableError, type TSigningKeySource } from "./open-id-keys.ts";
import { type TBotFrameworkTokenCheck, type TBotFrameworkTokenRefusal, verifyBotFrameworkToken } from "./verify-bot-framework-token.ts";

// The door of /api/messages: parses the activity (JSON only on this route: a global parser
// breaks Bolt's receiver), checks the connector's token against it with our clock, and only
// then hands the request on with `request.body` set, which is what botbuilder's CloudAdapter
// reads. We check here rather than rely on botbuilder: it answers a token signed with another
// key 500 (jsonwebtoken's error escapes its AuthenticationError mapping), accepts a key with no
// endorsements at all, and refreshes keys on its own clock. A refused request reaches nothing.

/** Teams messages are at most about 100 kB; an invoke with a card's inputs is far smaller. */
const DEFAULT_BODY_LIMIT = "1mb";

// Only the fields the check needs; the adapter validates the whole activity itself.
const ZActivityRouting = z.looseObject({
  serviceUrl: z.string().optional(),
  channelId: z.string().optional(),
  conversation: z.looseObject({ tenantId: z.string().optional() }).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().optional() }).optional() }).optional(),
});

/** Why the guard refused a request: a token reason, or an activity from another tenant. */
export type TTeamsRequestRefusal = TBotFrameworkTokenRefusal | "wrong_tenant";

export interface TTeamsRequestGuardOptions {
  /** TEAMS_APP_ID: the audience every token must name. */
  appId: string;
  /** TEAMS_APP_TENANT_ID: a single-tenant bot answers its own tenant's activities only. */
  tenantId: string;
  keys: TSigningKeySource;
  clock: TClock;
  logger: TTeamsLogger;
  bodyLimit?: string | number;
  clockSkewSeconds?: number;
}

/** The request id the HTTP app gave this request (response.locals is untyped). */
function requestIdOf(response: Response): string | undefined {
  const id: unknown = response.locals["requestId"];
  return typeof id === "string" ? id : undefined;
}

function refuse(response: Response, status: 401 | 503, key: "unauthorized" | "unavailable"): void {
  const requestId = requestIdOf(response);
  response.status(status).setHeader("Cache-Control", "no-store");
  if (status === 401) response.setHeader("WWW-Authenticate", 'Bearer realm="Bot Framework"');
  const code = status === 401 ? "UNAUTHORIZED" : "UNAVAILABLE";
  response.json({
    error: {
      code,
      message: translate("fr", `teams:auth.${key}`),
      messageEn: translate("en", `teams:auth.${key}`),
      ...(typeof requestId === "string" ? { requestId } : {}),
    },
  });
}

function tenantOf(activity: z.infer<typeof ZActivityRouting>): string | undefined {
  return activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
}

/**
 * Express middleware for /api/messages that refuses (401) any request the Bot Framework
 * Connector did not sign for this app, this activity's serviceUrl and channel, and this tenant.
 */
export function teamsRequestGuard(options: TTeamsRequestGuardOptions): RequestHandler {
  const parseJson = express.json({ limit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, type: () => true });
  const check = async (authorization: string | undefined, activity: z.infer<typeof ZActivityRouting>): Promise<TBotFrameworkTokenCheck> => {
    const input = {
      authorization,
      activity: { serviceUrl: activity.serviceUrl, channelId: activity.channelId },
      appId: options.appId,
      now: options.clock(),
      clockSkewSeconds: options.clockSkewSeconds,
    };
    const first = verifyBotFrameworkToken({ ...input, keys: await options.keys.current() });
    if (first.ok || first.reason !== "unknown_key") return first;
    return verifyBotFrameworkToken({ ...input, keys: await options.keys.refreshForUnknownKey(first.kid ?? "") });
  };
  const wantedTenant = options.tenantId.toLowerCase();

  const guard: RequestHandler = async (request, response, next) => {
    const log = (reason: TTeamsRequestRefusal) =>
      options.logger.warn({ reason, ip: request.socket.remoteAddress, requestId: requestIdOf(response) }, "Teams request refused: authentication failed");
    const authorization = request.get("authorization");
    // Without a token there is nothing to check the body against: refused before it is read.
    if (authorization === undefined || authorization.trim() === "") {
      log("missing_token");
      return refuse(response, 401, "unauthorized");
    }
    const activity = ZActivityRouting.safeParse(request.body);
    if (!activity.success) return next(Object.assign(new Error("the activity is not a JSON object"), { status: 400 }));
    let result: TBotFrameworkTokenCheck;
    try {
      result = await check(authorization, activity.data);
    } catch (error) {
      if (!(error instanceof SigningKeysUnavailableError)) return next(error);
      options.logger.error({ err: error, requestId: requestIdOf(response) }, "Teams request not checked: signing keys unavailable");
      return refuse(response, 503, "unavailable");
    }
    if (!result.ok) {
      log(result.reason);
      return refuse(response, 401, "unauthorized");
    }
    const tenant = tenantOf(activity.data);
    if (tenant !== undefined && tenant.toLowerCase() !== wantedTenant) {
      log("wrong_tenant");
      return refuse(response, 401, "unauthorized");
    }
    next();
  };

  return (request, response, next) => {
    if (request.get("authorization") === undefined) return guard(request, response, next);
    parseJson(request, response, (error?: unknown) => (error ? next(error) : guard(request, response, next)));
  };
}

/** The guard for the configured Teams bot, its keys read from `openIdMetadataUrl` (Microsoft's unless a test says otherwise). */
export function teamsRequestGuardFor(
  teams: { appId: string; tenantId: string; openIdMetadataUrl: string },
  deps: { clock: TClock; logger: TTeamsLogger; fetch?: typeof fetch },
): RequestHandler {
  const keys = openIdKeySource({ metadataUrl: teams.openIdMetadataUrl, clock: deps.clock, logger: deps.logger, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  return teamsRequestGuard({ appId: teams.appId, tenantId: teams.tenantId, keys, clock: deps.clock, logger: deps.logger });
}
