import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { ServiceClientCredentialsFactory } from "botframework-connector";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher } from "../../src/app/notifications/dispatch-outbox.ts";
import { renderNotification } from "../../src/app/notifications/render-notification.ts";
import { createNotificationDelivery } from "../../src/channels/shared/notification-router.ts";
import { teamsRequestGuardFor } from "../../src/channels/teams/auth/teams-request-guard.ts";
import { TEAMS_MESSAGES_PATH, type TTeamsApp } from "../../src/channels/teams/create-teams-app.ts";
import { createTeamsAdapter } from "../../src/channels/teams/teams-adapter.ts";
import { graphDirectory } from "../../src/channels/teams/teams-graph.ts";
import { teamsAppOnDatabase, teamsNotifications } from "../../src/composition/channels.ts";
import { createOutboxQueue } from "../../src/db/outbox.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { cardText, choiceValue, executeActions, submission } from "../support/conversation-driver.ts";
import { connectorClaims, signToken, startFakeOpenId, testSigningKey, type TFakeOpenId } from "../support/fake-bot-framework-auth.ts";
import { startFakeTeams, type TFakeTeams, type TFakeTeamsMessage, type TFakeTeamsUser } from "../support/fake-teams-connector.ts";
import { stageInputs } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import { cardOf, chatOf, teamsClient } from "../support/teams-driver.ts";

// The Teams app end to end: activities POSTed to /api/messages as Teams sends them, a fake Bot
// Framework connector on 127.0.0.1 for everything the bot sends back, fake OpenID metadata and
// keys for the tokens the connector signs (real RS256 keys), the real core and a real database.
// The app is the one main.ts makes: our guard, then botbuilder's adapter, single-tenant; only
// Microsoft's login is replaced (the tokens of what the bot sends).

const APP_ID = "6f1b1d4e-8a7c-4f55-9a53-3c2f1f0e2a11";
const KEY = testSigningKey("connector-key");

/** Never calls Microsoft's login: what the bot sends to the fake connector carries no token. */
class OfflineCredentials extends ServiceClientCredentialsFactory {
  override isValidAppId = async (appId: string) => appId === APP_ID;
  override isAuthenticationDisabled = async () => false;
  override createCredentials = async () => ({ signRequest: async <T>(request: T) => request });
}

const user = (key: string, email: string, name: string): TFakeTeamsUser => ({
  id: `29:${key}`,
  aadObjectId: `aad-${key}`,
  email,
  name,
  conversationId: `a:chat-${key}`,
});
const LEA = user("lea", "lea.martin@etu.univ-demo.fr", "Léa Martin");
const LAMBERT = user("lambert", "sophie.lambert@univ-demo.fr", "Sophie Lambert");
const GARCIA = user("garcia", "isabelle.garcia@univ-demo.fr", "Isabelle Garcia");
const FONTAINE = user("fontaine", "elodie.fontaine@univ-demo.fr", "Élodie Fontaine");
const STRANGER = user("stranger", "stranger@example.org", "Stranger");

const must = <T>(value: T | undefined | null, what: string): T => {
  if (value === undefined || value === null) throw new Error(`missing: ${what}`);
  return value;
};

describe("the Teams app, activities against a fake Bot Framework connector and a real database", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let fake: TFakeTeams;
  let openId: TFakeOpenId;
  let teams: TTeamsApp;
  let messagesUrl = "";
  let server: Server;
  let client: ReturnType<typeof teamsClient>;
  let deliverAll: () => Promise<void>;
  let conventionId = 0;
  const logs: Array<{ level: string; message: string; details: object }> = [];
  const log = (level: string) => (details: object, message: string) => logs.push({ level, message, details });
  const logger = { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };

  beforeAll(async () => {
    seeded = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z"));
    fake = await startFakeTeams([LEA, LAMBERT, GARCIA, FONTAINE, STRANGER]);
    openId = await startFakeOpenId([{ key: KEY, endorsements: ["msteams"] }]);
    const credentials = { appId: APP_ID, appPassword: "not-used-offline", tenantId: "tenant-test", openIdMetadataUrl: openId.metadataUrl };
    teams = teamsAppOnDatabase(seeded.database.prisma, {
      appId: APP_ID,
      adapter: createTeamsAdapter(credentials, new OfflineCredentials()),
      guard: teamsRequestGuardFor(credentials, { clock: () => new Date(), logger }),
      // Microsoft Graph finds the people who never wrote to the bot (Élodie Fontaine here).
      reach: {
        tenantId: "tenant-test",
        serviceUrl: fake.serviceUrl,
        directory: graphDirectory({ ...credentials, graphUrl: `${fake.serviceUrl}graph`, loginUrl: `${fake.serviceUrl}login`, logger }),
      },
      conversation: seeded.conversation,
      logger,
    });
    const http = createHttpApp({ databaseKind: "postgres", pingDatabase: async () => {}, logger, mount: (app) => app.use(teams.router) });
    server = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    messagesUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${TEAMS_MESSAGES_PATH}`;
    const token = () =>
      signToken(KEY.privateKey, { alg: "RS256", kid: KEY.kid }, connectorClaims({ appId: APP_ID, serviceUrl: fake.serviceUrl, now: new Date() }));
    const base = teamsClient(messagesUrl, fake, async () => ({ authorization: `Bearer ${token()}` }));
    // The work left after an invoke's answer is awaited, so that the chat is read once it is done.
    const settled =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        const result = await call(...args);
        await teams.idle();
        return result;
      };
    client = {
      ...base,
      execute: settled(base.execute),
      submit: settled(base.submit),
      say: settled(base.say),
      install: settled(base.install),
      fileConsent: settled(base.fileConsent),
    };
    const dispatcher = createDispatcher({
      queue: createOutboxQueue(seeded.database.prisma),
      render: (recipientId, payload) => renderNotification(seeded.deps, recipientId, payload),
      deliver: createNotificationDelivery([teamsNotifications(teams)]),
      clock: () => new Date(),
      logger,
      instanceId: "e2e-teams",
      backoff: () => 0,
    });
    deliverAll = async () => {
      for (;;) {
        const { sent, failed, dead } = await dispatcher.runOnce();
        expect(
          { failed, dead },
          JSON.stringify(logs.filter((line) => line.level !== "info").slice(-3), (key, value) =>
            key === "err" && value instanceof Error ? { message: value.message, errors: (value as AggregateError).errors?.map(String) } : value,
          ),
        ).toEqual({ failed: 0, dead: 0 });
        if (sent === 0) return;
      }
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await fake?.close();
    await openId?.close();
    await seeded?.database.drop();
  });

  const chat = (who: TFakeTeamsUser) => chatOf(fake, who);
  const withVerb = (messages: readonly TFakeTeamsMessage[], verb: string, data: Record<string, unknown> = {}) =>
    messages.filter((message) =>
      executeActions(cardOf(message)).some((action) => action.verb === verb && Object.entries(data).every(([key, value]) => action.data[key] === value)),
    );
  const progressOf = (id: number) => must(withVerb(chat(LEA), "open_section", { conventionId: id })[0], `the progress card of convention ${id}`);

  /** Opens a section from the progress card (the form answers the click, in place) and submits it. */
  async function fillSection(section: string, inputs: (form: Record<string, unknown>) => Promise<Record<string, string>> | Record<string, string>) {
    const progress = progressOf(conventionId);
    const opened = await client.execute(LEA, progress.id, "open_section", { conventionId, section });
    expect(opened.type).toBe("application/vnd.microsoft.card.adaptive");
    const form = opened.value as Parameters<typeof submission>[0];
    const saved = await client.execute(LEA, progress.id, "save_section", submission(form, "save_section", await inputs(form)));
    // Saved: the card clicked is the progress card again.
    expect(
      executeActions(saved.value).map((action) => action.verb),
      `section ${section}: ${cardText(saved.value).slice(0, 400)}`,
    ).toContain("open_section");
  }

  const firstResult = async (dataset: string, text: string) => {
    // Typed in the section's form, which replaced the progress card: Teams names that message only.
    const answer = await client.search(LEA, dataset, text, progressOf(conventionId).id);
    const results = (answer.value as { results: Array<{ title: string; value: string }> }).results;
    return must(results[0], `a ${dataset} result for "${text}"`).value;
  };

  it("refuses a missing, expired, wrong-audience, wrong-key or wrong-serviceUrl token (401), changing nothing", async () => {
    const before = {
      calls: fake.calls.length,
      conventions: await seeded.database.prisma.convention.count(),
      events: await seeded.database.prisma.processedEvent.count(),
      links: await seeded.database.prisma.chatIdentity.count(),
    };
    const now = new Date();
    const claims = connectorClaims({ appId: APP_ID, serviceUrl: fake.serviceUrl, now });
    const stranger = testSigningKey("connector-key");
    const tokens: Record<string, string | null> = {
      missing: null,
      expired: signToken(
        KEY.privateKey,
        { alg: "RS256", kid: KEY.kid },
        { ...claims, nbf: Math.floor(now.getTime() / 1000) - 7200, exp: Math.floor(now.getTime() / 1000) - 3600 },
      ),
      wrongAudience: signToken(KEY.privateKey, { alg: "RS256", kid: KEY.kid }, { ...claims, aud: "another-bot" }),
      wrongKey: signToken(stranger.privateKey, { alg: "RS256", kid: KEY.kid }, claims),
      wrongServiceUrl: signToken(KEY.privateKey, { alg: "RS256", kid: KEY.kid }, { ...claims, serviceurl: "https://attacker.example/" }),
    };
    const statuses: Record<string, number> = {};
    for (const [name, token] of Object.entries(tokens)) {
      const body = client.activity(LEA, { type: "message", text: "nouvelle convention" });
      const response = await fetch(messagesUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      statuses[name] = response.status;
      expect(await response.text()).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(statuses).toEqual({ missing: 401, expired: 401, wrongAudience: 401, wrongKey: 401, wrongServiceUrl: 401 });
    await teams.idle();
    expect({
      calls: fake.calls.length,
      conventions: await seeded.database.prisma.convention.count(),
      events: await seeded.database.prisma.processedEvent.count(),
      links: await seeded.database.prisma.chatIdentity.count(),
    }).toEqual(before);
  });

  it("greets whoever installs the app with the help, and remembers their personal chat", async () => {
    // Élodie Fontaine never opens the app: the bot reaches her through Graph (below).
    for (const who of [LEA, LAMBERT, GARCIA]) expect((await client.install(who)).status).toBe(200);
    expect(cardText(cardOf(chat(LEA).at(-1)))).toMatch(/Stagebot/);
    const identity = await seeded.database.prisma.chatIdentity.findFirstOrThrow({ where: { platform: "TEAMS", platformUserId: LEA.aadObjectId } });
    expect(identity).toMatchObject({
      teamId: "tenant-test",
      conversationRef: { conversationId: LEA.conversationId, serviceUrl: fake.serviceUrl, userId: LEA.id },
    });
  });

  it("answers someone the directory does not know, and links nobody", async () => {
    expect((await client.say(STRANGER, "nouvelle convention")).status).toBe(200);
    expect(cardText(cardOf(chat(STRANGER).at(-1)))).toContain("stranger@example.org");
    expect(await seeded.database.prisma.chatIdentity.count({ where: { platformUserId: STRANGER.aadObjectId } })).toBe(0);
  });

  it("processes a repeated activity (same id) once", async () => {
    const before = chat(LEA).length;
    await client.say(LEA, "aide", "activity-help-1");
    await client.say(LEA, "aide", "activity-help-1");
    expect(chat(LEA).length).toBe(before + 1);
  });

  it("lets a student create, fill and submit a convention with cards answered in place", async () => {
    await client.say(LEA, "nouvelle convention");
    const progress = must(withVerb(chat(LEA), "open_section").at(-1), "the progress card");
    conventionId = Number(executeActions(cardOf(progress)).find((action) => action.verb === "open_section")?.data.conventionId);
    expect(conventionId).toBeGreaterThan(0);
    // Every Action.Execute carries its Action.Submit fallback (Teams mobile).
    const execute = JSON.stringify(cardOf(progress));
    expect(execute).toContain('"fallback":{"type":"Action.Submit"');
    await fillSection("etudiant", (form) => ({
      cpamId: choiceValue(form, "cpamId", "Bouches-du-Rhône"),
      inscriptionId: choiceValue(form, "inscriptionId", "3M127C"),
      elementPedagogiqueId: choiceValue(form, "elementPedagogiqueId", "3427BS07"),
      heuresFormationPlus200: "true",
      langue: "FR",
    }));
    await fillSection("etablissement", async () => ({ etablissementId: await firstResult("etablissements", "hopitaux de marseille") }));
    await fillSection("service", async () => ({ serviceId: await firstResult("services", "psychiatrie") }));
    await fillSection("tuteur", async () => ({ tuteurId: await firstResult("contacts", "psychologue") }));
    // A wrong answer first: the form comes back in place with the error next to its field, nothing saved.
    const version = (await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).version;
    const stage = (await client.execute(LEA, progressOf(conventionId).id, "open_section", { conventionId, section: "stage" })).value as Parameters<
      typeof submission
    >[0];
    const dates = { dateDebut: "2027-01-04", dateFin: "2027-03-26" };
    const refused = await client.execute(
      LEA,
      progressOf(conventionId).id,
      "save_section",
      submission(stage, "save_section", { ...stageInputs(stage, dates), dateFin: "2026-12-01" }),
    );
    expect(executeActions(refused.value).map((action) => action.verb)).toContain("save_section");
    expect(cardText(refused.value)).toMatch(/date de fin/i);
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).version).toBe(version);
    await fillSection("stage", (form) => stageInputs(form as Parameters<typeof stageInputs>[0], dates));
    await fillSection("enseignant", async () => ({ enseignantId: await firstResult("enseignants", "lambert") }));
    await fillSection("signataire", async () => ({ signataireId: await firstResult("contacts", "directeur") }));
    // One progress card for the convention, never posted twice.
    expect(withVerb(chat(LEA), "open_section", { conventionId })).toHaveLength(1);

    const recapAnswer = await client.execute(LEA, progressOf(conventionId).id, "show_recap", { conventionId });
    const recap = must(withVerb(chat(LEA), "submit_convention", { conventionId }).at(-1), "the récapitulatif");
    expect(recapAnswer.statusCode).toBe(200);
    const validate = must(
      executeActions(cardOf(recap)).find((action) => action.verb === "submit_convention"),
      "Valider",
    );
    await client.execute(LEA, recap.id, "submit_convention", validate.data);
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).state).toBe("SUBMITTED");
  });

  const approvalIn = (who: TFakeTeamsUser) => withVerb(chat(who), "validate_step", { conventionId }).at(-1);

  it("brings the approval card to the référent's chat proactively; she validates it there, once even when Teams repeats the click", async () => {
    await deliverAll();
    const card = must(approvalIn(LAMBERT), "the approval card in Sophie Lambert's chat");
    const action = must(
      executeActions(cardOf(card)).find((candidate) => candidate.verb === "validate_step"),
      "Valider",
    );
    const answer = await client.execute(LAMBERT, card.id, "validate_step", action.data, "invoke-validate-1");
    await client.execute(LAMBERT, card.id, "validate_step", action.data, "invoke-validate-1");
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).currentStep).toBe("VALIDATION_ADMINISTRATIVE");
    // The card clicked is answered in place, without its buttons.
    expect(executeActions(answer.value).map((candidate) => candidate.verb)).not.toContain("validate_step");
    expect(await seeded.database.prisma.auditEvent.count({ where: { conventionId, action: { contains: "validate" } } })).toBeGreaterThanOrEqual(1);
  });

  it("brings the administrative step to both gestionnaires; one validates, every copy of the card is updated, a late click is told who decided", async () => {
    await deliverAll();
    const garcia = must(approvalIn(GARCIA), "Isabelle Garcia's approval card");
    // Found in Graph by her e-mail, her 1:1 chat opened with her object id, the link saved.
    const fontaine = must(approvalIn(FONTAINE), "Élodie Fontaine's approval card, in the chat the bot opened");
    expect(await seeded.database.prisma.chatIdentity.findFirst({ where: { platform: "TEAMS", platformUserId: FONTAINE.aadObjectId } })).toMatchObject({
      conversationRef: { conversationId: FONTAINE.conversationId },
    });
    const action = must(
      executeActions(cardOf(garcia)).find((candidate) => candidate.verb === "validate_step"),
      "Valider",
    );
    await client.execute(GARCIA, garcia.id, "validate_step", action.data);
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).state).toBe("VALIDATED");
    await deliverAll();
    expect(fontaine.updates).toBeGreaterThanOrEqual(1);
    expect(cardText(cardOf(fontaine))).toMatch(/Isabelle Garcia/);
    expect(executeActions(cardOf(fontaine)).map((candidate) => candidate.verb)).not.toContain("validate_step");
    // Élodie clicks the copy she still had open: told who decided, nothing changes.
    const late = await client.execute(FONTAINE, fontaine.id, "validate_step", action.data);
    expect(cardText(late.value) + JSON.stringify(chat(FONTAINE).slice(-2).map(cardOf))).toMatch(/Isabelle Garcia/);
    // The student is told, with the PDF's signed link.
    const told = chat(LEA)
      .map((message) => cardText(cardOf(message)))
      .join("\n");
    expect(told).toMatch(/entièrement validée/);
    expect(JSON.stringify(chat(LEA).map(cardOf))).toMatch(/\/documents\//);
  });

  it("brings the validated PDF to the student through the file-consent card, uploaded once accepted", async () => {
    const consent = must(
      chat(LEA)
        .flatMap((message) =>
          ((message.activity["attachments"] ?? []) as Array<{ contentType: string; name: string; content: { acceptContext: unknown } }>).filter(
            (attachment) => attachment.contentType === "application/vnd.microsoft.teams.card.file.consent",
          ),
        )
        .at(-1),
      "the file-consent card in Léa's chat",
    );
    expect(consent.name).toMatch(/^convention-\d+\.pdf$/);
    expect((await client.fileConsent(LEA, "accept", consent.content.acceptContext, consent.name)).status).toBe(200);
    const uploaded = must(
      fake.uploads.find((upload) => upload.name === consent.name),
      "the PDF uploaded to the URL Teams gave",
    );
    expect(uploaded.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const stored = await seeded.database.prisma.conventionDocument.findFirstOrThrow({ where: { conventionId } });
    expect(Buffer.compare(uploaded.bytes, Buffer.from(stored.content))).toBe(0);
    expect(uploaded.contentRange).toBe(`bytes 0-${uploaded.bytes.length - 1}/${uploaded.bytes.length}`);
    const info = (chat(LEA).at(-1)?.activity["attachments"] as Array<{ contentType: string; name: string }> | undefined)?.[0];
    expect(info).toMatchObject({ contentType: "application/vnd.microsoft.teams.card.file.info", name: consent.name });
    // The same answer again (the offer is used up): told to use the link, nothing uploaded twice.
    expect((await client.fileConsent(LEA, "accept", consent.content.acceptContext, consent.name)).status).toBe(200);
    expect(fake.uploads.filter((upload) => upload.name === consent.name)).toHaveLength(1);
    expect(JSON.stringify(chat(LEA).at(-1)?.activity)).toMatch(/plus proposé ici/);
  });

  it("handles the Action.Submit fallback like the Action.Execute it replaces", async () => {
    const before = chat(LEA).length;
    expect((await client.submit(LEA, undefined, { verb: "list_conventions" })).status).toBe(200);
    expect(chat(LEA).length).toBe(before + 1);
    expect(cardText(cardOf(chat(LEA).at(-1)))).toMatch(/Mes conventions/);
  });

  it("leaves a notification the connector throttles (429) or refuses for now (412) to the outbox's retry, and shows it once", async () => {
    await client.install(LEA);
    const channel = teamsNotifications(teams);
    const leaId = must(await seeded.conversation.personIdOf(LEA.email), "Léa's id");
    const card = { type: "AdaptiveCard" as const, version: "1.5" as const, body: [{ type: "TextBlock" as const, text: "Rappel : une pièce manque" }] };
    const effects = [{ kind: "notify" as const, personId: leaId, conventionId: null, card }];
    const shown = () => chat(LEA).filter((message) => cardText(cardOf(message)).includes("une pièce manque")).length;
    for (const status of [429, 412]) {
      fake.failNext("/activities", status);
      await expect(channel.deliver(leaId, effects, `outbox:throttled-${status}`)).rejects.toMatchObject({ statusCode: status });
      expect(shown()).toBe(status === 429 ? 0 : 1);
      await expect(channel.deliver(leaId, effects, `outbox:throttled-${status}`)).resolves.toBe("delivered");
    }
    expect(shown()).toBe(2);
  });

  it("drops a forged click (a verb the core does not know) and logs it", async () => {
    const before = { messages: fake.messages.length, conventions: await seeded.database.prisma.convention.count() };
    const answer = await client.execute(LEA, undefined, "drop_tables", {});
    expect(answer.statusCode).toBe(200);
    expect({ messages: fake.messages.length, conventions: await seeded.database.prisma.convention.count() }).toEqual(before);
    expect(logs.some((line) => line.message === "Teams click refused as invalid")).toBe(true);
  });
});
