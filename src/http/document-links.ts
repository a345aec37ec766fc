import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import express, { type Response, type Router } from "express";
import { AppError } from "../app/app-error.ts";
import { conventionSubject } from "../app/convention-subject.ts";
import { authorize } from "../domain/permissions.ts";
import { getConvention } from "../db/convention-repository.ts";
import { toStoredConvention } from "../db/convention-store.ts";
import { createDocumentStore, sha256Hex } from "../db/document-store.ts";
import { loadActor } from "../db/load-actor.ts";
import type { PrismaClient } from "../generated/prisma/client.ts";
import { translate } from "../i18n/translate.ts";

// Signed, short-lived download links of stored PDFs: GET /documents/<token>. The token names
// the document, the person it was made for and its expiry, signed with HMAC-SHA256; the
// document is served only while the token is valid AND that person may view the convention
// (the student, the référent, a gestionnaire of its centre, an admin).

/** What a download link grants: one document, to one person, until a moment. */
export type TDocumentLinkClaims = { documentId: number; personId: number; expiresAt: Date };

/** The result of checking a token: its claims, or why it is refused. */
export type TDocumentLinkCheck = { ok: true; claims: TDocumentLinkClaims } | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

/** How long a link lives unless told otherwise: long enough to click it from a chat message. */
export const DEFAULT_LINK_TTL_MS = 60 * 60 * 1000;

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
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: "expired" };
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
  prisma: PrismaClient;
  secret: string;
  now: () => Date;
  logger?: { error(details: object, message: string): void };
}

// A refusal in both languages: the reader's language is unknown to a bare link.
function refuse(response: Response, status: number, key: "forbidden" | "expired" | "notFound" | "unavailable"): void {
  const text = `${translate("fr", `pdf:download.${key}`)}\n${translate("en", `pdf:download.${key}`)}\n`;
  response.status(status).type("text/plain; charset=utf-8").set("Cache-Control", "no-store").send(text);
}

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** May `personId` view the document's convention? (The "view" permission of src/domain/permissions.ts.) */
async function mayView(prisma: PrismaClient, personId: number, conventionId: number): Promise<boolean> {
  try {
    const actor = await loadActor(prisma, personId);
    const convention = await toStoredConvention(prisma, await getConvention(prisma, conventionId));
    return authorize(actor, { kind: "view" }, conventionSubject(convention)).allowed;
  } catch (error) {
    if (error instanceof AppError && (error.code === "UNKNOWN_PERSON" || error.code === "NOT_FOUND")) return false;
    throw error;
  }
}

/** GET /documents/:token → the PDF (attachment, X-Content-SHA256), 403 for a bad token or a non-participant, 410 when expired. */
export function createDocumentRouter(deps: TDocumentRouterDeps): Router {
  const router = express.Router();
  const documents = createDocumentStore(deps.prisma);
  router.get("/documents/:token", async (request, response) => {
    const check = verifyDocumentLink(deps.secret, request.params.token, deps.now());
    if (!check.ok) return refuse(response, check.reason === "expired" ? 410 : 403, check.reason === "expired" ? "expired" : "forbidden");
    try {
      const document = await documents.get(check.claims.documentId).catch((error: unknown) => {
        if (error instanceof AppError && error.code === "NOT_FOUND") return null;
        throw error;
      });
      if (document === null) return refuse(response, 404, "notFound");
      if (!(await mayView(deps.prisma, check.claims.personId, document.conventionId))) return refuse(response, 403, "forbidden");
      // The bytes served are the ones validated: a stored hash that no longer matches is an incident, not a download.
      if (sha256Hex(document.content) !== document.sha256) throw new Error(`document ${document.id}: content does not match its SHA-256`);
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
    } catch (error) {
      deps.logger?.error({ err: error, documentId: check.claims.documentId }, "document download failed");
      refuse(response, 500, "unavailable");
    }
  });
  return router;
}
