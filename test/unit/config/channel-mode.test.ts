import { describe, expect, it } from "vitest";
import { channelMode, ConfigError, isLoopbackAddress, loadConfig } from "../../../src/config.ts";

// Which face Stagebot shows (issue 10, item 1): the playground only with no platform credential
// at all, on loopback unless exposed on purpose; half a platform stops the start, naming what is missing.

const mode = (env: Record<string, string>) => channelMode(loadConfig(env));
const refusal = (env: Record<string, string>): string => {
  try {
    mode(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("the configuration was accepted");
};

describe("channel mode", () => {
  it("no credential: the playground, on loopback", () => {
    expect(mode({})).toEqual({ kind: "playground", host: "127.0.0.1", exposed: false });
    expect(mode({ HOST: "::1" })).toMatchObject({ kind: "playground", host: "::1" });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: "s" }, "SLACK_BOT_TOKEN missing"],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, "SLACK_SIGNING_SECRET missing"],
    [{ TEAMS_APP_ID: "id" }, "TEAMS_APP_PASSWORD, TEAMS_APP_TENANT_ID missing"],
    [{ TEAMS_APP_ID: "id", TEAMS_APP_PASSWORD: "p" }, "TEAMS_APP_TENANT_ID missing"],
    [{ PUBLIC_BASE_URL: "https://stagebot.univ-demo.fr" }, "PUBLIC_BASE_URL is set but no Slack or Teams credentials"],
    [{ HOST: "0.0.0.0" }, "HOST=0.0.0.0: the playground has no login"],
    [
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN: "true" },
      "never served once a platform credential is set",
    ],
  ])("%o stops the start: %s", (env, expected) => {
    expect(refusal(env)).toContain(expected);
  });

  it("a whole platform: no playground, every interface by default", () => {
    expect(mode({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toEqual({
      kind: "platforms",
      host: "0.0.0.0",
      slack: { botToken: "xoxb-1", signingSecret: "s" },
      teams: null,
    });
    expect(mode({ TEAMS_APP_ID: "a", TEAMS_APP_PASSWORD: "p", TEAMS_APP_TENANT_ID: "t", HOST: "10.0.0.5" })).toEqual({
      kind: "platforms",
      host: "10.0.0.5",
      slack: null,
      teams: { appId: "a", appPassword: "p", tenantId: "t", openIdMetadataUrl: "https://login.botframework.com/v1/.well-known/openidconfiguration" },
    });
  });

  it("Teams' signing keys can be read elsewhere (tests only); a bad address stops the start", () => {
    const teams = { TEAMS_APP_ID: "a", TEAMS_APP_PASSWORD: "p", TEAMS_APP_TENANT_ID: "t" };
    expect(mode({ ...teams, TEAMS_OPENID_METADATA_URL: "http://127.0.0.1:4000/v1/.well-known/openidconfiguration" })).toMatchObject({
      teams: { openIdMetadataUrl: "http://127.0.0.1:4000/v1/.well-known/openidconfiguration" },
    });
    expect(() => loadConfig({ ...teams, TEAMS_OPENID_METADATA_URL: "file:///etc/passwd" })).toThrow(/TEAMS_OPENID_METADATA_URL: must be an http\(s\):\/\/ URL/);
  });

  it("the playground exposed on purpose", () => {
    expect(mode({ HOST: "0.0.0.0", PLAYGROUND_UNSAFE_EXPOSE_WITHOUT_LOGIN: "true" })).toEqual({ kind: "playground", host: "0.0.0.0", exposed: true });
  });

  it.each([
    ["127.0.0.1", true],
    ["127.8.9.10", true],
    ["::1", true],
    ["::ffff:127.0.0.1", true],
    ["10.0.0.1", false],
    ["::ffff:192.0.2.1", false],
    ["fe80::1", false],
    [undefined, false],
  ])("isLoopbackAddress(%s) = %s", (address, expected) => {
    expect(isLoopbackAddress(address)).toBe(expected);
  });
});
