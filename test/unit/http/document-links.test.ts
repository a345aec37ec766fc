import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentLinkSecret, documentLinkUrl, publicBaseUrl, signDocumentLink, verifyDocumentLink } from "../../../src/http/document-links.ts";

// The download links' tokens are checked by a pure function: real HMAC-SHA256 material, the
// clock passed in, and every way a token can be wrong.

const SECRET = "a-secret-of-at-least-thirty-two-characters";
const NOW = new Date("2026-11-28T10:00:00Z");
const claims = { documentId: 42, personId: 7, expiresAt: new Date(NOW.getTime() + 60_000) };
const token = signDocumentLink(SECRET, claims);

function decoded(part: string): string {
  return Buffer.from(part, "base64url").toString("utf8");
}

function encoded(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

describe("signed download links", () => {
  it("a token verifies with its claims until it expires", () => {
    expect(verifyDocumentLink(SECRET, token, NOW)).toEqual({ ok: true, claims });
    expect(verifyDocumentLink(SECRET, token, new Date(claims.expiresAt.getTime() - 1))).toMatchObject({ ok: true });
    // Expired, but signed by us: its claims still say whose link it was (for the log and the audit trail).
    expect(verifyDocumentLink(SECRET, token, claims.expiresAt)).toEqual({ ok: false, reason: "expired", claims });
  });

  it("another secret does not verify it", () => {
    expect(verifyDocumentLink(`${SECRET}!`, token, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["another person", (payload: string) => payload.replace(":7:", ":8:")],
    ["another document", (payload: string) => payload.replace("v1:42:", "v1:43:")],
    ["a later expiry", (payload: string) => payload.replace(/:(\d+)$/, (_whole, ms: string) => `:${Number(ms) + 3_600_000}`)],
  ])("a token rewritten for %s is refused", (_what, rewrite) => {
    const [payload, signature] = token.split(".");
    const forged = encoded(rewrite(decoded(payload ?? "")));
    expect(forged).not.toBe(payload);
    expect(verifyDocumentLink(SECRET, `${forged}.${signature}`, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("an expired token with a forged signature is refused as forged, not as expired", () => {
    const expired = signDocumentLink(SECRET, { ...claims, expiresAt: new Date(NOW.getTime() - 1) });
    expect(verifyDocumentLink(SECRET, expired, NOW)).toMatchObject({ ok: false, reason: "expired" });
    expect(verifyDocumentLink(SECRET, `${expired.slice(0, -2)}xx`, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["the signature cut by one character", `${token.slice(0, -1)}`],
    ["the signature doubled", `${token}${token.split(".")[1]}`],
    ["the payload alone", `${token.split(".")[0]}.`],
    ["an extra part", `${token}.${token.split(".")[1]}`],
    ["the signature alone", `.${token.split(".")[1]}`],
    ["an empty token", ""],
    ["padding characters", `${token}=`],
    ["a signature of another payload", `${token.split(".")[0]}.${signDocumentLink(SECRET, { ...claims, personId: 8 }).split(".")[1]}`],
  ])("partly matching: %s is refused", (_what, candidate) => {
    expect(verifyDocumentLink(SECRET, candidate, NOW).ok).toBe(false);
  });

  it("a signature written otherwise but decoding to the same bytes is refused", () => {
    const [payload, signature = ""] = token.split(".");
    // The last of 43 base64url characters carries 2 unused bits: flipping them keeps the bytes.
    const last = signature.at(-1) ?? "A";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = alphabet[alphabet.indexOf(last) ^ 1] ?? last;
    const variant = `${signature.slice(0, -1)}${twin}`;
    expect(Buffer.from(variant, "base64url").equals(Buffer.from(signature, "base64url"))).toBe(true);
    expect(verifyDocumentLink(SECRET, `${payload}.${variant}`, NOW)).toEqual({ ok: false, reason: "bad_signature" });
  });

  it("a correctly signed but malformed payload is refused", () => {
    const payload = encoded("v1:0:7:123");
    const forged = signDocumentLink(SECRET, claims).replace(/^[^.]+/, payload);
    expect(verifyDocumentLink(SECRET, forged, NOW).ok).toBe(false);
  });

  it("any change of one character of a valid token is refused", () => {
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), fc.constantFrom(..."ABCabc0189-_.=+/ "), (index, character) => {
        fc.pre(token[index] !== character);
        const changed = `${token.slice(0, index)}${character}${token.slice(index + 1)}`;
        const result = verifyDocumentLink(SECRET, changed, NOW);
        // Only a change that leaves the signature's bytes and text alike could pass; there is none.
        return !result.ok;
      }),
    );
  });

  it("links: the configured secret or one random secret per process; the base URL without a trailing slash", () => {
    expect(documentLinkSecret(SECRET)).toBe(SECRET);
    expect(documentLinkSecret(undefined)).toBe(documentLinkSecret(undefined));
    expect(documentLinkSecret(undefined).length).toBeGreaterThanOrEqual(43);
    expect(publicBaseUrl(undefined, 3978)).toBe("http://localhost:3978");
    expect(publicBaseUrl("https://stages.univ.fr/", 3978)).toBe("https://stages.univ.fr");
    const url = documentLinkUrl({ secret: SECRET, baseUrl: "https://stages.univ.fr/", documentId: 42, personId: 7, now: NOW, ttlMs: 60_000 });
    expect(url).toBe(`https://stages.univ.fr/documents/${token}`);
  });

  it("a link lives 15 minutes unless told otherwise", () => {
    const url = documentLinkUrl({ secret: SECRET, baseUrl: "https://stages.univ.fr", documentId: 42, personId: 7, now: NOW });
    const minted = url.split("/").at(-1) ?? "";
    expect(verifyDocumentLink(SECRET, minted, new Date(NOW.getTime() + 15 * 60_000 - 1))).toMatchObject({
      ok: true,
      claims: { expiresAt: new Date(NOW.getTime() + 15 * 60_000) },
    });
    expect(verifyDocumentLink(SECRET, minted, new Date(NOW.getTime() + 15 * 60_000))).toMatchObject({ ok: false, reason: "expired" });
  });
});
