import { createHmac, timingSafeEqual } from "node:crypto";

// Slack signs every request it sends: "v0=" + hex HMAC-SHA256 of "v0:<timestamp>:<raw body>"
// with the app's signing secret. A request older than five minutes (or that far in the future)
// is refused too, so that a captured request cannot be replayed later.

/** Slack's replay window: five minutes either way. */
export const SLACK_REQUEST_TOLERANCE_SECONDS = 5 * 60;

/** Why a request was refused. */
export type TSlackRequestRefusal = "missing_headers" | "malformed_timestamp" | "stale" | "future" | "malformed_signature" | "bad_signature";

/** The outcome of a check: accepted, or refused with its reason (for the log, never for the caller). */
export type TSlackRequestCheck = { ok: true } | { ok: false; reason: TSlackRequestRefusal };

/** What a check reads: the secret, the raw body exactly as received, the two headers, and the clock. */
export type TSlackRequestInput = {
  signingSecret: string;
  body: string | Uint8Array;
  timestamp: string | undefined;
  signature: string | undefined;
  now: Date;
  toleranceSeconds?: number;
};

const VERSION = "v0";
const SIGNATURE = /^v0=([0-9a-f]{64})$/;
const TIMESTAMP = /^\d{1,12}$/;

/** The signature Slack would send for this body at this timestamp ("v0=<hex>"). */
export function slackSignature(signingSecret: string, timestamp: string, body: string | Uint8Array): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`${VERSION}:${timestamp}:`);
  hmac.update(body);
  return `${VERSION}=${hmac.digest("hex")}`;
}

/** Checks a request's signature and age; pure: the clock is an argument, the comparison constant-time. */
export function verifySlackRequest(input: TSlackRequestInput): TSlackRequestCheck {
  if (input.signingSecret === "") throw new Error("verifySlackRequest: the signing secret is empty");
  const { timestamp, signature } = input;
  if (timestamp === undefined || signature === undefined || timestamp === "" || signature === "") return { ok: false, reason: "missing_headers" };
  if (!TIMESTAMP.test(timestamp)) return { ok: false, reason: "malformed_timestamp" };
  const tolerance = input.toleranceSeconds ?? SLACK_REQUEST_TOLERANCE_SECONDS;
  const age = Math.floor(input.now.getTime() / 1000) - Number(timestamp);
  if (age > tolerance) return { ok: false, reason: "stale" };
  if (age < -tolerance) return { ok: false, reason: "future" };
  const received = SIGNATURE.exec(signature.toLowerCase())?.[1];
  if (received === undefined) return { ok: false, reason: "malformed_signature" };
  const expected = slackSignature(input.signingSecret, timestamp, input.body).slice(VERSION.length + 1);
  // Both are 32 bytes once decoded: timingSafeEqual compares them in constant time.
  const same = timingSafeEqual(Buffer.from(received, "hex"), Buffer.from(expected, "hex"));
  return same ? { ok: true } : { ok: false, reason: "bad_signature" };
}
