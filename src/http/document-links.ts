import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import express, { type Request, type Response, type Router } from "express";
import { INT4_MAX } from "../app/conversation/inbound-values.ts";
import { downloadDocument } from "../app/documents/download-document.ts";
import type { TDocumentDownloadDeps, TStoredDocument } from "../app/ports/documents.ts";
import type { THttpLogger } from "./http-errors.ts";
import { sendLinkRefusal } from "./link-refusal-page.ts";

// Signed, short-lived download links of stored PDFs: GET /documents/<token>. The token names
// the document, the person it was made for and its expiry, signed with HMAC-SHA256. It is a
// bearer link: whoever holds it may use it until it expires (PDF_LINK_TTL_MINUTES, 15 by
// default). This adapter checks the signature and the clock; the core (downloadDocument)
// decides whether the person it was made for may still view the convention, at every
// download, and audits every use, served or refused.

/** What a download link grants: one document, to one person, until a moment. */
export type TDocumentLinkClaims = { documentId: number; personId: number; expiresAt: Date };

/** The result of checking a token: its claims, or why it is refused. */
export type TDocumentLinkCheck =
  | { ok: true; claims: TDocumentLinkClaims }
  | { ok: false; reason: "malformed" | "bad_signature" }
  /** Signed by us but past its expiry: its claims are trusted, to say whose link it was. */
  | { ok: false; reason: "expired"; claims: TDocumentLinkClaims };

/**
 * How long a link lives unless PDF_LINK_TTL_MINUTES says otherwise. A link is a bearer link:
 * whoever holds it may open the document until then, so it lives just long enough to click it.
 */
export const DEFAULT_LINK_TTL_MS = 15 * 60 * 1000;

const PAYLOAD = /^v1:([1-9]\d{0,9}):([1-9]\d{0,9}):(\d{1,15})$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

/** A token for `claims` (pure: base64url payload "." base64url HMAC-SHA256 of it). */
export function signDocumentLink(secret: string, claims: TDocumentLinkClaims): string {
  const payload = Buffer.from(`v1:${claims.documentId}:${claims.personId}:${claims.expiresAt.getTime()}`, "utf8").toString("base64url");
  return `${payload}.${signature(secret, payload)}`;
}

/**
 * Checks a token against the secret and the clock (pure). The signature is compared in
 * constant time, as text, so a signature that decodes to the same bytes but is written
 * otherwise is refused; an expired token is reported as such only when its signature holds.
 */
export function verifyDocumentLink(secret: string, token: string, now: Date): TDocumentLinkCheck {
  const parts = token.split(".");
  const [payload, given] = parts;
  if (parts.length !== 2 || !payload || !given || !BASE64URL.test(payload) || !BASE64URL.test(given)) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(signature(secret, payload), "utf8");
  const actual = Buffer.from(given, "utf8");
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: "bad_signature" };
  const match = PAYLOAD.exec(Buffer.from(payload, "base64url").toString("utf8"));
  if (!match) return { ok: false, reason: "malformed" };
  const claims = { documentId: Number(match[1]), personId: Number(match[2]), expiresAt: new Date(Number(match[3])) };
  // Ids are PostgreSQL int4: one beyond names nothing (and the database would refuse it, 22003).
  if (claims.documentId > INT4_MAX || claims.personId > INT4_MAX) return { ok: false, reason: "malformed" };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: "expired", claims };
  return { ok: true, claims };
}

let processSecret: string | undefined;

/** PDF_LINK_SECRET, or a random secret for this process (its links die with it). */
export function documentLinkSecret(configured: string | undefined): string {
  if (configured) return configured;
  processSecret ??= randomBytes(32).toString("base64url");
  return processSecret;
}

/** PUBLIC_BASE_URL, or http://localhost:PORT. */
export function publicBaseUrl(configured: string | undefined, port: number): string {
  return (configured ?? `http://localhost:${port}`).replace(/\/+$/, "");
}

/** The download URL of a document for a person, valid `ttlMs` from `now`. */
export function documentLinkUrl(options: { secret: string; baseUrl: string; documentId: number; personId: number; now: Date; ttlMs?: number }): string {
  const expiresAt = new Date(options.now.getTime() + (options.ttlMs ?? DEFAULT_LINK_TTL_MS));
  const token = signDocumentLink(options.secret, { documentId: options.documentId, personId: options.personId, expiresAt });
  return `${options.baseUrl.replace(/\/+$/, "")}/documents/${token}`;
}

/** What the document router needs. */
export interface TDocumentRouterDeps {
  /** The ports of the download use-case (src/app/documents/download-document.ts). */
  downloads: TDocumentDownloadDeps;
  secret: string;
  now: () => Date;
  /** Every use of a link is logged, served or refused, with its request id. */
  logger: THttpLogger & { info(details: object, message: string): void };
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function sendDocument(response: Response, document: TStoredDocument): void {
  response
    .status(200)
    .set({
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(document.filename),
      "X-Content-SHA256": document.sha256,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    })
    .end(Buffer.from(document.content));
}

const REFUSALS = {
  not_found: { status: 404, page: "notFound" },
  expired: { status: 410, page: "expired" },
  not_allowed: { status: 403, page: "forbidden" },
} as const;

/** A link whose signature holds: the use-case decides, this answers and logs what it decided. */
async function answerSignedLink(
  deps: TDocumentRouterDeps,
  request: Request,
  response: Response,
  check: Exclude<TDocumentLinkCheck, { reason: "malformed" | "bad_signature" }>,
  requestId: string | null,
): Promise<void> {
  const { claims } = check;
  const logged = { requestId, documentId: claims.documentId, linkPersonId: claims.personId, linkExpiresAt: claims.expiresAt.toISOString() };
  const download = await downloadDocument(deps.downloads, { ...claims, expired: !check.ok, requestId });
  if (download.outcome === "refused") {
    const conventionId = download.reason === "not_found" ? {} : { conventionId: download.conventionId };
    deps.logger.warn({ ...logged, ...conventionId, refusal: download.reason }, "document download refused");
    const { status, page } = REFUSALS[download.reason];
    return sendLinkRefusal(request, response, status, page);
  }
  deps.logger.info({ ...logged, conventionId: download.document.conventionId }, "document downloaded");
  sendDocument(response, download.document);
}

/**
 * GET /documents/:token → the PDF (attachment, X-Content-SHA256); 403 for a bad token or a
 * person who may no longer view the convention, 410 (a page saying to ask for a new link) when expired.
 */
export function createDocumentRouter(deps: TDocumentRouterDeps): Router {
  const router = express.Router();
  router.get("/documents/:token", async (request, response) => {
    const requestId = typeof response.locals.requestId === "string" ? response.locals.requestId : null;
    const check = verifyDocumentLink(deps.secret, request.params.token, deps.now());
    if (!check.ok && check.reason !== "expired") {
      // Not signed by us: nothing in it can be trusted, not even whose link it claims to be.
      deps.logger.warn({ requestId, refusal: check.reason }, "document download refused");
      return sendLinkRefusal(request, response, 403, "forbidden");
    }
    try {
      await answerSignedLink(deps, request, response, check, requestId);
    } catch (error) {
      deps.logger.error({ err: error, requestId, documentId: check.claims.documentId }, "document download failed");
      sendLinkRefusal(request, response, 500, "unavailable");
    }
  });
  return router;
}
