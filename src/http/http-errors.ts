import { randomUUID } from "node:crypto";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { AppError } from "../app/app-error.ts";
import { translate } from "../i18n/translate.ts";

export interface THttpLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Every answer carries an X-Request-Id (the caller's, when it is a sane token): the log line of a failure names it. */
export function requestId(): RequestHandler {
  return (request, response, next) => {
    const given = request.get("x-request-id");
    const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    response.locals.requestId = id;
    response.setHeader("X-Request-Id", id);
    next();
  };
}

type TClientStatus = 400 | 404 | 405 | 413 | 415;
const CLIENT_CODES: Record<TClientStatus, string> = {
  400: "BAD_REQUEST",
  404: "NOT_FOUND",
  405: "METHOD_NOT_ALLOWED",
  413: "PAYLOAD_TOO_LARGE",
  415: "UNSUPPORTED_MEDIA_TYPE",
};

/** A client mistake that express or its parsers flagged (status 4xx on the error), else null. */
function clientStatusOf(error: unknown): TClientStatus | null {
  if (error instanceof URIError) return 400;
  if (typeof error !== "object" || error === null) return null;
  const status = (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return null;
  return status in CLIENT_CODES ? (status as TClientStatus) : 400;
}

function wantsJson(request: Request): boolean {
  return (
    request.path.startsWith("/playground/") ||
    request.is("application/json") === "application/json" ||
    request.accepts(["text/plain", "application/json"]) === "application/json"
  );
}

function send(request: Request, response: Parameters<ErrorRequestHandler>[2], status: number, code: string, key: string): void {
  const id = String(response.locals.requestId ?? "");
  const fr = translate("fr", `errors:http.${key}`);
  const en = translate("en", `errors:http.${key}`);
  response.status(status).setHeader("Cache-Control", "no-store");
  if (wantsJson(request)) {
    response.json({ error: { code, message: fr, messageEn: en, requestId: id } });
    return;
  }
  response
    .type("text/plain; charset=utf-8")
    .send(`${fr}\n${en}\n${translate("fr", "errors:http.reference", { id })} / ${translate("en", "errors:http.reference", { id })}\n`);
}

/** Unknown routes: a short localised answer rather than express's page. */
export function notFound(): RequestHandler {
  return (request, response) => send(request, response, 404, "NOT_FOUND", "notFound");
}

/**
 * The HTTP app's one error handler: a code, a localised message and the request id in the answer,
 * whatever NODE_ENV is; the error itself (stack, paths, SQL) only in the log.
 */
export function errorAnswer(logger: THttpLogger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    const requestIdValue: unknown = response.locals.requestId;
    if (error instanceof AppError && error.code === "BUSY") {
      logger.warn({ err: error, requestId: requestIdValue, method: request.method }, "request answered BUSY");
      return send(request, response, 503, "BUSY", "busy");
    }
    const status = clientStatusOf(error);
    if (status !== null) {
      logger.warn({ err: error, requestId: requestIdValue, method: request.method, status }, "request refused");
      return send(
        request,
        response,
        status,
        CLIENT_CODES[status],
        CLIENT_CODES[status] === "NOT_FOUND" ? "notFound" : status === 413 ? "tooLarge" : "badRequest",
      );
    }
    logger.error({ err: error, requestId: requestIdValue, method: request.method, path: request.path }, "request failed");
    send(request, response, 500, "INTERNAL", "internal");
  };
}
