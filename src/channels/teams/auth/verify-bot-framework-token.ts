import { type KeyObject, verify } from "node:crypto";
import { z } from "zod/v4";

// The Bot Framework Connector signs every request it sends to /api/messages with a JWT (RS256)
// whose keys are published at login.botframework.com's OpenID metadata. A request is the
// connector's only when the signature holds under one of those keys, the key is endorsed for the
// activity's channel, the issuer is the connector, the audience is our app id, the token is
// within its lifetime and its `serviceurl` claim names the serviceUrl the activity asks us to
// answer at (otherwise a token stolen from one conversation could point our replies elsewhere).
// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication

/** The issuer of every token the Bot Framework Connector sends to a bot (public cloud). */
export const BOT_FRAMEWORK_TOKEN_ISSUER = "https://api.botframework.com";

/** Allowed difference between our clock and the connector's, as Microsoft's own validators allow. */
export const BOT_FRAMEWORK_CLOCK_SKEW_SECONDS = 5 * 60;

/** The only channel this door serves. */
export const TEAMS_CHANNEL_ID = "msteams";

/** A signing key from the JWKS, ready to verify with. */
export interface TSigningKey {
  kid: string;
  key: KeyObject;
  /** The channels the key may sign for (Bot Framework's extension of the JWK). */
  endorsements: readonly string[];
}

/** Why a token was refused (for the log, never for the caller). */
export type TBotFrameworkTokenRefusal =
  | "missing_token"
  | "malformed_token"
  | "unsupported_algorithm"
  | "unknown_key"
  | "bad_signature"
  | "wrong_channel"
  | "not_endorsed"
  | "wrong_issuer"
  | "wrong_audience"
  | "expired"
  | "not_yet_valid"
  | "wrong_service_url";

/** The outcome of a check: the token's claims when accepted, or a reason. */
export type TBotFrameworkTokenCheck = { ok: true; claims: TBotFrameworkClaims } | { ok: false; reason: TBotFrameworkTokenRefusal; kid?: string };

/** What a check reads: the Authorization header, the activity's routing fields, our app id, the keys known now and the clock. */
export interface TBotFrameworkTokenInput {
  authorization: string | undefined;
  activity: { serviceUrl: string | undefined; channelId: string | undefined };
  appId: string;
  keys: readonly TSigningKey[];
  now: Date;
  issuer?: string;
  clockSkewSeconds?: number;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/i;

const ZJson = z.string().transform((text, context) => {
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
  } catch {
    context.addIssue({ code: "custom", message: "not base64url JSON" });
    return z.NEVER;
  }
});

const ZTokenHeader = z.object({ alg: z.string(), kid: z.string().min(1) });

// zod 4 numbers are finite: NaN and Infinity are refused.
const ZNumericDate = z.number();

/** The claims Bot Framework tokens carry that we check (others pass through untouched). */
export const ZBotFrameworkClaims = z.looseObject({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: ZNumericDate,
  nbf: ZNumericDate.optional(),
  serviceurl: z.string().optional(),
});
export type TBotFrameworkClaims = z.infer<typeof ZBotFrameworkClaims>;

type TDecoded = { header: z.infer<typeof ZTokenHeader>; claims: TBotFrameworkClaims; signingInput: string; signature: Buffer };

function decode(authorization: string): TDecoded | null {
  const parts = BEARER.exec(authorization.trim());
  if (parts === null) return null;
  const [, headerPart = "", claimsPart = "", signaturePart = ""] = parts;
  const header = ZJson.pipe(ZTokenHeader).safeParse(headerPart);
  const claims = ZJson.pipe(ZBotFrameworkClaims).safeParse(claimsPart);
  if (!header.success || !claims.success) return null;
  return { header: header.data, claims: claims.data, signingInput: `${headerPart}.${claimsPart}`, signature: Buffer.from(signaturePart, "base64url") };
}

/** Checks a Bot Framework token against an activity; pure: the keys and the clock are arguments. */
export function verifyBotFrameworkToken(input: TBotFrameworkTokenInput): TBotFrameworkTokenCheck {
  if (input.appId === "") throw new Error("verifyBotFrameworkToken: the app id is empty");
  if (input.authorization === undefined || input.authorization.trim() === "") return { ok: false, reason: "missing_token" };
  const token = decode(input.authorization);
  if (token === null) return { ok: false, reason: "malformed_token" };
  const { header, claims } = token;
  // RS256 only: "none", HS256 with the public key as secret and the like never reach verify().
  if (header.alg !== "RS256") return { ok: false, reason: "unsupported_algorithm" };
  const signingKey = input.keys.find((candidate) => candidate.kid === header.kid);
  if (signingKey === undefined) return { ok: false, reason: "unknown_key", kid: header.kid };
  if (signingKey.key.asymmetricKeyType !== "rsa" || !verify("RSA-SHA256", Buffer.from(token.signingInput), signingKey.key, token.signature)) {
    return { ok: false, reason: "bad_signature" };
  }
  // From here the claims are the connector's own words.
  if (input.activity.channelId !== TEAMS_CHANNEL_ID) return { ok: false, reason: "wrong_channel" };
  if (!signingKey.endorsements.includes(input.activity.channelId)) return { ok: false, reason: "not_endorsed" };
  if (claims.iss !== (input.issuer ?? BOT_FRAMEWORK_TOKEN_ISSUER)) return { ok: false, reason: "wrong_issuer" };
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(input.appId)) return { ok: false, reason: "wrong_audience" };
  const skew = input.clockSkewSeconds ?? BOT_FRAMEWORK_CLOCK_SKEW_SECONDS;
  const now = input.now.getTime() / 1000;
  if (now >= claims.exp + skew) return { ok: false, reason: "expired" };
  if (claims.nbf !== undefined && now < claims.nbf - skew) return { ok: false, reason: "not_yet_valid" };
  if (input.activity.serviceUrl === undefined || claims.serviceurl !== input.activity.serviceUrl) return { ok: false, reason: "wrong_service_url" };
  return { ok: true, claims };
}
