import type { IncomingMessage } from "node:http";
import type { RequestHandler } from "express";
import type { TClock } from "../../app/ports/clock.ts";
import type { TSlackLogger } from "./slack-logger.ts";
import { verifySlackRequest } from "./verify-slack-request.ts";

// The door of /slack/events: reads the raw body once, checks Slack's signature and timestamp
// with our own clock, and only then lets Bolt parse it (Bolt reads `req.rawBody` when it is
// set). A refused request gets a bare 401 and reaches no listener.

/** Slack's payloads are small (a view is at most 250 kB, with its state a little more). */
const DEFAULT_BODY_LIMIT = 1024 * 1024;

class BodyTooLargeError extends Error {}

// A body over the limit is read to its end and dropped, so the sender gets a real 413; one
// far beyond it (16×) is cut off instead of being read for nothing.
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 16 * limit) {
        request.destroy();
        reject(new BodyTooLargeError(`body far over ${limit} bytes`));
      } else if (size <= limit) chunks.push(chunk);
    });
    request.on("end", () => (size > limit ? reject(new BodyTooLargeError(`body over ${limit} bytes`)) : resolve(Buffer.concat(chunks))));
    request.on("error", reject);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

// What Slack never sends twice: a slash command and a modal's submission (or closing), a
// shortcut. Events and clicks carry their own delivery ids (dedupe-middleware.ts); these do
// not, so the signature itself names them: an identical signed request seen again inside the
// five-minute window is someone replaying it, acknowledged and dropped.
const SENT_ONCE_PAYLOADS = new Set(["view_submission", "view_closed", "shortcut", "message_action"]);

function isSentOnce(form: URLSearchParams | null): boolean {
  if (form === null) return false;
  if (form.has("command")) return true;
  try {
    const payload: unknown = JSON.parse(form.get("payload") ?? "null");
    return typeof payload === "object" && payload !== null && "type" in payload && SENT_ONCE_PAYLOADS.has(String(payload.type));
  } catch {
    return false;
  }
}

// Slack's certificate check of a slash command URL ("ssl_check=1") may come unsigned: it is
// answered 200 and goes no further, so it can change nothing.
function isSslCheck(form: URLSearchParams | null): boolean {
  return form !== null && form.get("ssl_check") === "1" && !form.has("payload") && !form.has("command");
}

/** The fields of a form-encoded body (commands, interactions), or null for another body (events are JSON). */
function formOf(request: IncomingMessage, body: Buffer): URLSearchParams | null {
  return String(request.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded") ? new URLSearchParams(body.toString("utf8")) : null;
}

/** Express middleware that refuses (401) any request Slack did not sign within the last five minutes. */
export function slackRequestGuard(options: {
  signingSecret: string;
  clock: TClock;
  logger: TSlackLogger;
  /** Records a signed request sent once; false when it was seen already (a replay). */
  claimSignature: (signature: string) => Promise<boolean>;
  bodyLimit?: number;
}): RequestHandler {
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  return async (request, response, next) => {
    let body: Buffer;
    try {
      body = await readBody(request, limit);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      options.logger.warn({ err: error }, tooLarge ? "Slack request refused: body too large" : "Slack request body unreadable");
      response.status(tooLarge ? 413 : 400).end();
      return;
    }
    const form = formOf(request, body);
    if (isSslCheck(form)) {
      response.status(200).end();
      return;
    }
    const check = verifySlackRequest({
      signingSecret: options.signingSecret,
      body,
      timestamp: header(request, "x-slack-request-timestamp"),
      signature: header(request, "x-slack-signature"),
      now: options.clock(),
    });
    if (!check.ok) {
      options.logger.warn({ reason: check.reason, ip: request.socket.remoteAddress }, "Slack request refused: signature check failed");
      response.status(401).end();
      return;
    }
    const signature = header(request, "x-slack-signature") ?? "";
    if (isSentOnce(form) && !(await options.claimSignature(signature))) {
      options.logger.warn({ ip: request.socket.remoteAddress }, "Slack request replayed: acknowledged and ignored");
      response.status(200).end();
      return;
    }
    Object.assign(request, { rawBody: body });
    next();
  };
}
