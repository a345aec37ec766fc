import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { slackSignature, verifySlackRequest, type TSlackRequestInput } from "../../../src/channels/slack/verify-slack-request.ts";

// Real HMAC material: the signature is computed here independently (node:crypto), as Slack
// documents it, and the check must agree with it, and refuse every altered variant.

const SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const OTHER_SECRET = "8f742231b10e8888abcd99yyyzzz85a6";
const NOW = new Date("2026-11-28T10:00:00Z");
const TS = String(Math.floor(NOW.getTime() / 1000));
const BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&command=%2Fconvention&text=aide&trigger_id=13345224609.738474920.8088930838d88f008e0";

/** Slack's recipe, written out here without the code under test. */
function signed(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

const request = (overrides: Partial<TSlackRequestInput> = {}): TSlackRequestInput => ({
  signingSecret: SECRET,
  body: BODY,
  timestamp: TS,
  signature: signed(SECRET, TS, BODY),
  now: NOW,
  ...overrides,
});

describe("verifySlackRequest", () => {
  it("accepts a request signed with the secret within five minutes, whether the body is text or bytes", () => {
    expect(verifySlackRequest(request())).toEqual({ ok: true });
    expect(verifySlackRequest(request({ body: Buffer.from(BODY, "utf8") }))).toEqual({ ok: true });
    expect(slackSignature(SECRET, TS, BODY)).toBe(signed(SECRET, TS, BODY));
  });

  it("accepts a body with accents and emoji signed byte for byte", () => {
    const body = JSON.stringify({ type: "event_callback", event: { text: "Léa : « nouvelle convention » 🎓" } });
    expect(verifySlackRequest(request({ body, signature: signed(SECRET, TS, body) }))).toEqual({ ok: true });
    expect(verifySlackRequest(request({ body: body.normalize("NFD"), signature: signed(SECRET, TS, body) }))).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["a tampered body", { body: BODY.replace("aide", "nouvelle") }],
    ["a body with one more byte", { body: `${BODY} ` }],
    ["another secret", { signingSecret: OTHER_SECRET }],
    ["a signature of another timestamp", { signature: signed(SECRET, String(Number(TS) - 1), BODY) }],
    ["a signature whose last character differs", { signature: signed(SECRET, TS, BODY).replace(/.$/, (c) => (c === "0" ? "1" : "0")) }],
    ["a signature whose first half only matches", { signature: `${signed(SECRET, TS, BODY).slice(0, 35)}${"0".repeat(32)}` }],
  ])("refuses %s", (_name, overrides) => {
    expect(verifySlackRequest(request(overrides))).toEqual({ ok: false, reason: "bad_signature" });
  });

  it.each([
    ["a truncated signature (a prefix of the right one)", signed(SECRET, TS, BODY).slice(0, 40)],
    ["a signature of another version", signed(SECRET, TS, BODY).replace(/^v0=/, "v1=")],
    ["a signature without its version", signed(SECRET, TS, BODY).slice(3)],
    ["a signature with non-hex characters", `v0=${"z".repeat(64)}`],
    ["a signature one character too long", `${signed(SECRET, TS, BODY)}0`],
  ])("refuses %s as malformed", (_name, signature) => {
    expect(verifySlackRequest(request({ signature }))).toEqual({ ok: false, reason: "malformed_signature" });
  });

  it("refuses a timestamp older than five minutes, even correctly signed (a replay)", () => {
    const old = String(Number(TS) - 5 * 60 - 1);
    expect(verifySlackRequest(request({ timestamp: old, signature: signed(SECRET, old, BODY) }))).toEqual({ ok: false, reason: "stale" });
    const edge = String(Number(TS) - 5 * 60);
    expect(verifySlackRequest(request({ timestamp: edge, signature: signed(SECRET, edge, BODY) }))).toEqual({ ok: true });
  });

  it("refuses a timestamp more than five minutes in the future", () => {
    const future = String(Number(TS) + 5 * 60 + 1);
    expect(verifySlackRequest(request({ timestamp: future, signature: signed(SECRET, future, BODY) }))).toEqual({ ok: false, reason: "future" });
    const edge = String(Number(TS) + 5 * 60);
    expect(verifySlackRequest(request({ timestamp: edge, signature: signed(SECRET, edge, BODY) }))).toEqual({ ok: true });
  });

  it("reads the clock it is given, not the machine's", () => {
    const later = new Date(NOW.getTime() + 10 * 60 * 1000);
    expect(verifySlackRequest(request({ now: later }))).toEqual({ ok: false, reason: "stale" });
  });

  it.each([
    ["no signature header", { signature: undefined }],
    ["no timestamp header", { timestamp: undefined }],
    ["an empty signature", { signature: "" }],
    ["an empty timestamp", { timestamp: "" }],
  ])("refuses a request with %s", (_name, overrides) => {
    expect(verifySlackRequest(request(overrides))).toEqual({ ok: false, reason: "missing_headers" });
  });

  it.each([
    ["a date", "2026-11-28T10:00:00Z"],
    ["a negative number", "-1"],
    ["a decimal", `${TS}.5`],
    ["digits with spaces", ` ${TS}`],
  ])("refuses a timestamp that is %s", (_name, timestamp) => {
    expect(verifySlackRequest(request({ timestamp, signature: signed(SECRET, timestamp, BODY) }))).toEqual({ ok: false, reason: "malformed_timestamp" });
  });

  it("fails loudly when no signing secret is configured, rather than accepting anything", () => {
    expect(() => verifySlackRequest(request({ signingSecret: "" }))).toThrow(/signing secret/);
  });
});
