import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openIdKeySource } from "../../src/channels/teams/auth/open-id-keys.ts";
import { teamsRequestGuard } from "../../src/channels/teams/auth/teams-request-guard.ts";
import type { TTeamsLogger } from "../../src/channels/teams/teams-logger.ts";
import { errorAnswer } from "../../src/http/http-errors.ts";
import { connectorClaims, signToken, startFakeOpenId, type TFakeOpenId, testSigningKey } from "../support/fake-bot-framework-auth.ts";

// Issue 12, item 2: every request to /api/messages carries the connector's token, checked by our
// own guard in front of the adapter. Real RSA keys, a fake OpenID/JWKS server on 127.0.0.1, and a
// downstream handler that records what got through: a refused request must never reach it.

const APP_ID = "6f1b1d4e-8a7c-4f55-9a53-3c2f1f0e2a11";
const TENANT_ID = "0b6b4e7c-21f4-4d6a-9f0e-2b7f0c9d1e22";
const SERVICE_URL = "https://smba.trafficmanager.net/emea/";

const current = testSigningKey("key-current");
const stranger = testSigningKey("key-current"); // same kid, another private key
const unendorsed = testSigningKey("key-webchat");
const rotated = testSigningKey("key-rotated");

type TLogLine = { level: string; details: object; message: string };

let openId: TFakeOpenId;
let server: Server;
let baseUrl: string;
let now: Date;
let received: unknown[];
let logs: TLogLine[];

function activity(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "message",
    id: "1:abc",
    channelId: "msteams",
    serviceUrl: SERVICE_URL,
    from: { id: "29:student", aadObjectId: "aad-student" },
    conversation: { id: "a:conv", conversationType: "personal", tenantId: TENANT_ID },
    recipient: { id: `28:${APP_ID}` },
    channelData: { tenant: { id: TENANT_ID } },
    text: "aide",
    ...overrides,
  };
}

function validToken(claims: Record<string, unknown> = {}, key = current, header: Record<string, unknown> = {}): string {
  return signToken(
    key.privateKey,
    { alg: "RS256", kid: key.kid, ...header },
    { ...connectorClaims({ appId: APP_ID, serviceUrl: SERVICE_URL, now }), ...claims },
  );
}

function post(body: unknown, authorization?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization === undefined ? {} : { authorization }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

beforeAll(async () => {
  openId = await startFakeOpenId([
    { key: current, endorsements: ["msteams"] },
    { key: unendorsed, endorsements: ["webchat"] },
  ]);
});

afterAll(async () => {
  await openId.close();
});

beforeEach(async () => {
  now = new Date("2026-03-02T09:00:00Z");
  received = [];
  logs = [];
  openId.publish([
    { key: current, endorsements: ["msteams"] },
    { key: unendorsed, endorsements: ["webchat"] },
  ]);
  openId.setDown(false);
  openId.served.metadata = 0;
  openId.served.jwks = 0;
  const record = (level: string) => (details: object, message: string) => logs.push({ level, details, message });
  const logger: TTeamsLogger = { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") };
  const clock = () => now;
  const keys = openIdKeySource({ metadataUrl: openId.metadataUrl, clock, logger });
  const app = express();
  app.post("/api/messages", teamsRequestGuard({ appId: APP_ID, tenantId: TENANT_ID, keys, clock, logger }), (request, response) => {
    received.push(request.body);
    response.status(200).json({ ok: true });
  });
  app.use(errorAnswer({ error: () => {}, warn: () => {} }));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const refusalReasons = () => logs.filter((line) => line.level === "warn").map((line) => (line.details as { reason?: string }).reason);

describe("teamsRequestGuard", () => {
  it("a token the connector signed for this app and serviceUrl passes, with the activity as request.body", async () => {
    const response = await post(activity(), `Bearer ${validToken()}`);
    expect(response.status).toBe(200);
    expect(received).toEqual([activity()]);
    expect(openId.served).toEqual({ metadata: 1, jwks: 1 });
  });

  it("accepts a token inside the clock skew (expired two minutes ago by our clock)", async () => {
    const seconds = Math.floor(now.getTime() / 1000);
    const response = await post(activity(), `Bearer ${validToken({ exp: seconds - 120, nbf: seconds + 120 })}`);
    expect(response.status).toBe(200);
    expect(received).toHaveLength(1);
  });

  const seconds = () => Math.floor(now.getTime() / 1000);
  it.each<[string, () => string | undefined, () => Record<string, unknown>, string]>([
    ["no Authorization header", () => undefined, () => activity(), "missing_token"],
    ["an empty Authorization header", () => "", () => activity(), "missing_token"],
    ["another scheme", () => `Basic ${validToken()}`, () => activity(), "malformed_token"],
    ["a token that is not a JWT", () => "Bearer not-a-token", () => activity(), "malformed_token"],
    ["claims that are not JSON", () => `Bearer ${validToken().split(".")[0]}.e30x.${validToken().split(".")[2]}`, () => activity(), "malformed_token"],
    [
      "alg none",
      () =>
        `Bearer ${Buffer.from('{"alg":"none","kid":"key-current"}').toString("base64url")}.${Buffer.from(JSON.stringify(connectorClaims({ appId: APP_ID, serviceUrl: SERVICE_URL, now }))).toString("base64url")}.`,
      () => activity(),
      "malformed_token",
    ],
    ["alg HS256", () => `Bearer ${validToken({}, current, { alg: "HS256" })}`, () => activity(), "unsupported_algorithm"],
    ["an expired token", () => `Bearer ${validToken({ exp: seconds() - 10 * 60, nbf: seconds() - 70 * 60 })}`, () => activity(), "expired"],
    ["a token not valid yet", () => `Bearer ${validToken({ nbf: seconds() + 10 * 60, exp: seconds() + 70 * 60 })}`, () => activity(), "not_yet_valid"],
    ["another app's audience", () => `Bearer ${validToken({ aud: "00000000-0000-0000-0000-000000000000" })}`, () => activity(), "wrong_audience"],
    ["another issuer", () => `Bearer ${validToken({ iss: "https://sts.windows.net/evil/" })}`, () => activity(), "wrong_issuer"],
    ["a key of the JWKS's kid but another private key", () => `Bearer ${validToken({}, stranger)}`, () => activity(), "bad_signature"],
    ["a key not in the JWKS at all", () => `Bearer ${validToken({}, rotated)}`, () => activity(), "unknown_key"],
    [
      "a tampered claim",
      () => {
        const [h, , s] = validToken().split(".");
        return `Bearer ${h}.${Buffer.from(JSON.stringify({ ...connectorClaims({ appId: APP_ID, serviceUrl: "https://evil.example/", now }) })).toString("base64url")}.${s}`;
      },
      () => activity({ serviceUrl: "https://evil.example/" }),
      "bad_signature",
    ],
    [
      "an activity pointing elsewhere than the token's serviceUrl",
      () => `Bearer ${validToken()}`,
      () => activity({ serviceUrl: "https://evil.example/" }),
      "wrong_service_url",
    ],
    ["a token without a serviceurl claim", () => `Bearer ${validToken({ serviceurl: undefined })}`, () => activity(), "wrong_service_url"],
    ["a key endorsed for another channel only", () => `Bearer ${validToken({}, unendorsed)}`, () => activity(), "not_endorsed"],
    ["an activity of another channel", () => `Bearer ${validToken({}, unendorsed)}`, () => activity({ channelId: "webchat" }), "wrong_channel"],
    [
      "an activity of another tenant",
      () => `Bearer ${validToken()}`,
      () => activity({ channelData: { tenant: { id: "11111111-2222-3333-4444-555555555555" } } }),
      "wrong_tenant",
    ],
  ])("%s: 401, nothing processed", async (_name, authorization, body, reason) => {
    const response = await post(body(), authorization());
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const answer = (await response.json()) as { error: { code: string; message: string; messageEn: string } };
    expect(answer.error).toMatchObject({ code: "UNAUTHORIZED", message: expect.stringContaining("jeton"), messageEn: expect.stringContaining("token") });
    expect(received).toEqual([]);
    expect(refusalReasons()).toEqual([reason]);
  });

  it("a body that is not JSON, with a token, is a 400 and processed nowhere", async () => {
    const response = await post("{not json", `Bearer ${validToken()}`);
    expect(response.status).toBe(400);
    expect(received).toEqual([]);
  });

  it("a flood of unknown kids reloads the keys once, not once per request", async () => {
    await post(activity(), `Bearer ${validToken()}`);
    expect(openId.served.jwks).toBe(1);
    now = new Date(now.getTime() + 10 * 60 * 1000);
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(activity(), `Bearer ${validToken({}, rotated)}`)));
    for (let index = 0; index < 3; index += 1) answers.push(await post(activity(), `Bearer ${validToken({}, rotated)}`));
    expect(answers.map((answer) => answer.status)).toEqual(Array(11).fill(401));
    expect(openId.served.jwks).toBe(2);
    expect(received).toHaveLength(1);
  });

  it("a rotated key is picked up by the reload an unknown kid triggers", async () => {
    await post(activity(), `Bearer ${validToken()}`);
    openId.publish([
      { key: current, endorsements: ["msteams"] },
      { key: rotated, endorsements: ["msteams"] },
    ]);
    now = new Date(now.getTime() + 10 * 60 * 1000);
    const response = await post(activity(), `Bearer ${validToken({}, rotated)}`);
    expect(response.status).toBe(200);
    expect(openId.served.jwks).toBe(2);
  });

  it("keys older than a day are reloaded before use", async () => {
    await post(activity(), `Bearer ${validToken()}`);
    now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    expect((await post(activity(), `Bearer ${validToken()}`)).status).toBe(200);
    expect(openId.served.jwks).toBe(2);
  });

  it("keys unavailable at first: 503, nothing processed; known keys survive a later outage", async () => {
    openId.setDown(true);
    const refused = await post(activity(), `Bearer ${validToken()}`);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    expect(received).toEqual([]);
    openId.setDown(false);
    now = new Date(now.getTime() + 60 * 1000);
    expect((await post(activity(), `Bearer ${validToken()}`)).status).toBe(200);
    openId.setDown(true);
    now = new Date(now.getTime() + 25 * 60 * 60 * 1000);
    expect((await post(activity(), `Bearer ${validToken()}`)).status).toBe(200);
    expect(received).toHaveLength(2);
  });
});
