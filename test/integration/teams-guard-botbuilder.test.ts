import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { TeamsAdapter } from "@microsoft/teams-ai";
import { ServiceClientCredentialsFactory } from "botframework-connector";
import express from "express";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { teamsRequestGuardFor } from "../../src/channels/teams/auth/teams-request-guard.ts";
import { SILENT_TEAMS_LOGGER } from "../../src/channels/teams/teams-logger.ts";
import { connectorClaims, signToken, startFakeOpenId, type TFakeOpenId, testSigningKey } from "../support/fake-bot-framework-auth.ts";

// Why the guard exists, and that it fits the adapter the lead mounts behind it: botbuilder's
// CloudAdapter, pointed at the same fake OpenID endpoints, accepts what the guard accepts
// (request.body handed on as it needs it), but answers a token signed with another key 500.
// If an upgrade of botbuilder changes that, the second test says so.

const APP_ID = "6f1b1d4e-8a7c-4f55-9a53-3c2f1f0e2a11";
const TENANT_ID = "0b6b4e7c-21f4-4d6a-9f0e-2b7f0c9d1e22";
const SERVICE_URL = "https://smba.trafficmanager.net/emea/";
const current = testSigningKey("key-current");
const stranger = testSigningKey("key-current");

// Never calls Microsoft's login: nothing here sends anything to the connector.
class OfflineCredentials extends ServiceClientCredentialsFactory {
  override isValidAppId = async (appId: string) => appId === APP_ID;
  override isAuthenticationDisabled = async () => false;
  override createCredentials = async () => ({ signRequest: async <T>(request: T) => request });
}

let openId: TFakeOpenId;
let server: Server;
let baseUrl: string;
const texts: string[] = [];

beforeAll(async () => {
  openId = await startFakeOpenId([{ key: current, endorsements: ["msteams"] }]);
  // botbuilder caches OpenID metadata statically per URL: the fake's fresh port makes it a new URL.
  // All eight endpoint settings, or botbuilder leaves the others undefined (notes/teams.md).
  const adapter = new TeamsAdapter(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: "SingleTenant",
      MicrosoftAppTenantId: TENANT_ID,
      ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl,
      ToBotFromChannelTokenIssuer: "https://api.botframework.com",
      ToBotFromEmulatorOpenIdMetadataUrl: openId.metadataUrl,
      ToChannelFromBotLoginUrl: "http://127.0.0.1:9/login",
      ToChannelFromBotOAuthScope: "https://api.botframework.com",
      OAuthUrl: "http://127.0.0.1:9",
      CallerId: "urn:botframework:azure",
      ValidateAuthority: false,
    },
    new OfflineCredentials(),
  );
  const logic = async (context: { activity: { text?: string } }) => {
    texts.push(context.activity.text ?? "");
  };
  const guard = teamsRequestGuardFor(
    { appId: APP_ID, tenantId: TENANT_ID, openIdMetadataUrl: openId.metadataUrl },
    { clock: () => new Date(), logger: SILENT_TEAMS_LOGGER },
  );
  const app = express();
  app.post("/api/messages", guard, (request, response) => void adapter.process(request, response, logic));
  app.post("/bare", express.json(), (request, response) => void adapter.process(request, response, logic));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve) => server.once("listening", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await openId.close();
});

function send(path: string, key: typeof current, text: string): Promise<Response> {
  const token = signToken(key.privateKey, { alg: "RS256", kid: key.kid }, connectorClaims({ appId: APP_ID, serviceUrl: SERVICE_URL, now: new Date() }));
  const activity = {
    type: "message",
    id: `1:${text}`,
    channelId: "msteams",
    serviceUrl: SERVICE_URL,
    from: { id: "29:u" },
    recipient: { id: `28:${APP_ID}` },
    conversation: { id: "a:c", tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
    text,
  };
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(activity),
  });
}

describe("the guard in front of botbuilder's CloudAdapter", () => {
  it("a valid token passes both, and the adapter runs the turn on the activity the guard parsed", async () => {
    expect((await send("/api/messages", current, "aide")).status).toBe(200);
    expect(texts).toContain("aide");
  });

  it("a token signed with another key: botbuilder alone answers 500, the guard 401, and no turn runs", async () => {
    // botbuilder prints the error and the keys it has to the console.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const bare = await send("/bare", stranger, "bare-stranger");
    quiet.mockRestore();
    expect(bare.status).toBe(500);
    const guarded = await send("/api/messages", stranger, "guarded-stranger");
    expect(guarded.status).toBe(401);
    expect(texts).not.toContain("bare-stranger");
    expect(texts).not.toContain("guarded-stranger");
  });
});
