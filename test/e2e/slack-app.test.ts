import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDispatcher } from "../../src/app/notifications/dispatch-outbox.ts";
import { renderNotification } from "../../src/app/notifications/render-notification.ts";
import { createNotificationDelivery } from "../../src/channels/shared/notification-router.ts";
import { SLACK_EVENTS_PATH, type TSlackApp } from "../../src/channels/slack/create-slack-app.ts";
import { slackAppOnDatabase, slackNotifications } from "../../src/composition/channels.ts";
import { createOutboxQueue } from "../../src/db/outbox.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { startFakeSlack, type TFakeSlack } from "../support/fake-slack-api.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import {
  buttonsIn,
  click,
  dmMessage,
  dmOf,
  lastModal,
  limitViolations,
  must,
  okBody,
  slackClient,
  slackSession,
  submit,
  suggest,
  textOf,
  withButton,
  type TModal,
} from "../support/slack-driver.ts";
import { filledState, stageAnswers } from "../support/slack-modals.ts";

const SECRET = "e2e-signing-secret-0123456789abcdef";
const USERS = [
  { id: "U_LEA", email: "lea.martin@etu.univ-demo.fr", teamId: "T_DEMO" },
  { id: "U_LAMBERT", email: "sophie.lambert@univ-demo.fr", teamId: "T_DEMO" },
  { id: "U_GARCIA", email: "isabelle.garcia@univ-demo.fr", teamId: "T_DEMO" },
  { id: "U_FONTAINE", email: "elodie.fontaine@univ-demo.fr", teamId: "T_DEMO" },
  { id: "U_STRANGER", email: "stranger@example.org", teamId: "T_DEMO" },
];

describe("the Slack app, signed requests against a fake Slack Web API and a real database", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let fake: TFakeSlack;
  let slack: TSlackApp;
  let server: Server;
  let client: ReturnType<typeof slackClient>;
  let deliverAll: () => Promise<void>;
  const logs: Array<{ level: string; message: string; details: object }> = [];
  const log = (level: string) => (details: object, message: string) => logs.push({ level, message, details });
  const logger = { debug: () => {}, info: log("info"), warn: log("warn"), error: log("error") };
  // The app as main.ts makes it, pointed at the fake, with its bot ids given (no auth.test).
  const appOptions = () => ({
    botToken: "xoxb-test",
    signingSecret: SECRET,
    apiUrl: fake.apiUrl,
    botId: "B_BOT",
    botUserId: "U_BOT",
    conversation: seeded.conversation,
    logger,
    retryConfig: { retries: 0 },
  });

  beforeAll(async () => {
    seeded = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z"));
    fake = await startFakeSlack(USERS);
    slack = slackAppOnDatabase(seeded.database.prisma, { ...appOptions(), processBeforeResponse: true });
    const http = createHttpApp({ databaseKind: "postgres", pingDatabase: async () => {}, logger, mount: (app) => app.use(slack.router) });
    server = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    client = slackClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`, SECRET);
    const dispatcher = createDispatcher({
      queue: createOutboxQueue(seeded.database.prisma),
      render: (recipientId, payload) => renderNotification(seeded.deps, recipientId, payload),
      deliver: createNotificationDelivery([slackNotifications(slack)]),
      clock: () => new Date(),
      logger,
      instanceId: "e2e",
      backoff: () => 0,
    });
    deliverAll = async () => {
      for (;;) {
        const { sent, failed, dead } = await dispatcher.runOnce();
        expect({ failed, dead }, JSON.stringify(logs.filter((line) => line.level !== "info").slice(-3))).toEqual({ failed: 0, dead: 0 });
        if (sent === 0) return;
      }
    };
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await fake?.close();
    await seeded?.database.drop();
  });

  const dm = (userId: string) => dmOf(fake, userId);
  const topLevel = (userId: string) => dm(userId).filter((message) => message.threadTs === null);
  const session = () => slackSession(client, fake);
  const press = (...args: Parameters<ReturnType<typeof slackSession>["press"]>) => session().press(...args);
  const openSection = (conventionId: number, section: string) => session().openSection("U_LEA", conventionId, section);
  const fillSection = (conventionId: number, section: string, answers: (view: TModal) => Promise<Record<string, string>>) =>
    session().fillSection("U_LEA", conventionId, section, answers);
  /** The « Créer un établissement » form of Léa's latest draft, opened from its section modal. */
  async function newEtablissementForm(): Promise<TModal> {
    const parent = withButton(topLevel("U_LEA"), "open_section").at(-1);
    const draftId = Number(buttonsIn(parent?.blocks ?? []).find((button) => button.verb === "open_section")?.data.conventionId);
    const section = await openSection(draftId, "etablissement");
    const create = must(
      buttonsIn(section.blocks).find((button) => button.verb === "open_etablissement_create"),
      "Créer un établissement",
    );
    await okBody(client.interact(click("U_LEA", create, { view: section, state: filledState(section, {}) })));
    return lastModal(fake);
  }

  it("refuses a request with a bad signature or a timestamp older than five minutes (401), changing nothing", async () => {
    const before = {
      calls: fake.calls.length,
      conventions: await seeded.database.prisma.convention.count(),
      events: await seeded.database.prisma.processedEvent.count(),
    };
    const wrongSecret = await client.event(dmMessage("U_LEA", "nouvelle convention"), "EvBadSig", { secret: "not-the-secret" });
    const stale = await client.event(dmMessage("U_LEA", "nouvelle convention"), "EvStale", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    const unsigned = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`, { method: "POST", body: "{}" });
    expect([wrongSecret.status, stale.status, unsigned.status]).toEqual([401, 401, 401]);
    expect({
      calls: fake.calls.length,
      conventions: await seeded.database.prisma.convention.count(),
      events: await seeded.database.prisma.processedEvent.count(),
    }).toEqual(before);
    expect(logs.filter((line) => line.message.includes("signature check failed")).map((line) => (line.details as { reason: string }).reason)).toEqual([
      "bad_signature",
      "stale",
      "missing_headers",
    ]);
  });

  it("answers Slack's signed URL check and its unsigned certificate check, processing nothing", async () => {
    const before = fake.calls.length;
    const challenge = await okBody(
      client.send(
        JSON.stringify({ type: "url_verification", token: "x", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" }),
        "application/json",
      ),
    );
    expect(JSON.parse(challenge)).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    const sslCheck = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "ssl_check=1&token=x",
    });
    expect(sslCheck.status).toBe(200);
    expect(fake.calls.length).toBe(before);
  });

  it("acknowledges and drops a forged button (a verb the core does not know), a forged submission and search", async () => {
    const before = { calls: fake.calls.length, conventions: await seeded.database.prisma.convention.count() };
    const forged = { action_id: "ac:drop_tables:0", value: JSON.stringify({ verb: "drop_tables", data: {} }) };
    await okBody(client.interact(click("U_LEA", forged, { message: { channel: "D_U_LEA", ts: "1.0" } })));
    const view = { id: "V_FORGED", hash: "h", type: "modal", private_metadata: "{not json", blocks: [], title: { text: "x" } };
    expect(await okBody(client.interact(submit("U_LEA", view, {})))).toBe("");
    expect(JSON.parse(await okBody(client.interact({ ...suggest("U_LEA", view, "x", "a"), action_id: "ds:passwords" })))).toEqual({ options: [] });
    expect({ calls: fake.calls.length, conventions: await seeded.database.prisma.convention.count() }).toEqual(before);
    expect(logs.filter((line) => line.message === "Slack payload refused as invalid").map((line) => (line.details as { what: string }).what)).toEqual([
      "block_actions",
      "view_submission",
      "block_suggestion",
    ]);
  });

  it("answers someone the directory does not know with the core's message, and links nobody", async () => {
    await okBody(client.event(dmMessage("U_STRANGER", "nouvelle convention")));
    expect(textOf(dm("U_STRANGER").at(-1))).toContain("stranger@example.org");
    expect(await seeded.database.prisma.chatIdentity.count({ where: { platformUserId: "U_STRANGER" } })).toBe(0);
  });

  it("processes a retried event (same event_id, x-slack-retry-num) once", async () => {
    await okBody(client.event(dmMessage("U_LEA", "aide"), "EvHelp1"));
    const after = dm("U_LEA").length;
    await okBody(client.event(dmMessage("U_LEA", "aide"), "EvHelp1", { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } }));
    expect(dm("U_LEA").length).toBe(after);
    const identity = await seeded.database.prisma.chatIdentity.findFirstOrThrow({ where: { platformUserId: "U_LEA" } });
    expect(identity).toMatchObject({ platform: "SLACK", teamId: "T_DEMO", conversationRef: { dmChannel: "D_U_LEA" } });
  });

  let conventionId = 0;

  it("lets a student create, fill and submit a convention through the DM thread and the modals", async () => {
    await okBody(client.event(dmMessage("U_LEA", "nouvelle convention")));
    const parent = withButton(topLevel("U_LEA"), "open_section").at(-1);
    conventionId = Number(buttonsIn(parent?.blocks ?? []).find((button) => button.verb === "open_section")?.data.conventionId);
    expect(conventionId).toBeGreaterThan(0);
    expect(dm("U_LEA").some((message) => message.threadTs === parent?.ts)).toBe(true);
    const lea = (view: TModal, blockId: string, title: string) => session().choose("U_LEA", view, blockId, title);
    await fillSection(conventionId, "etudiant", async (view) => ({
      cpamId: await lea(view, "cpamId", "Bouches-du-Rhône"),
      inscriptionId: await lea(view, "inscriptionId", "3M127C"),
      elementPedagogiqueId: await lea(view, "elementPedagogiqueId", "3427BS07"),
      heuresFormationPlus200: "true",
      langue: "FR",
    }));
    await fillSection(conventionId, "etablissement", async (view) => ({ etablissementId: await lea(view, "etablissementId", "hopitaux de marseille") }));
    await fillSection(conventionId, "service", async (view) => ({ serviceId: await lea(view, "serviceId", "psychiatrie") }));
    await fillSection(conventionId, "tuteur", async (view) => ({ tuteurId: await lea(view, "tuteurId", "psychologue") }));
    // A wrong answer first: the modal stays open with the error under its field, nothing saved.
    const stage = await openSection(conventionId, "stage");
    const version = (await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).version;
    const refused = JSON.parse(
      await okBody(client.interact(submit("U_LEA", stage, filledState(stage, { ...stageAnswers(stage), dateFin: "2026-12-01" })))),
    ) as { response_action: string; errors: Record<string, string> };
    expect(refused.response_action).toBe("errors");
    expect(Object.keys(refused.errors)).toContain("dateFin");
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).version).toBe(version);
    expect(await okBody(client.interact(submit("U_LEA", stage, filledState(stage, stageAnswers(stage)))))).toBe("");
    await fillSection(conventionId, "enseignant", async (view) => ({ enseignantId: await lea(view, "enseignantId", "lambert") }));
    await fillSection(conventionId, "signataire", async (view) => ({ signataireId: await lea(view, "signataireId", "directeur") }));
    // The thread parent was updated after each section, never posted again.
    const progress = must(
      topLevel("U_LEA").find((message) => message.ts === parent?.ts),
      "the thread parent",
    );
    expect(progress.updates).toBeGreaterThanOrEqual(7);
    expect(withButton(topLevel("U_LEA"), "open_section", { conventionId })).toHaveLength(1);

    await press("U_LEA", progress, "show_recap", { conventionId });
    const recap = must(withButton(dm("U_LEA"), "submit_convention", { conventionId }).at(-1), "the récapitulatif");
    expect(recap.threadTs).toBe(parent?.ts);
    await press("U_LEA", recap, "submit_convention", { conventionId });
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).state).toBe("SUBMITTED");
  });

  const approvalIn = (userId: string) =>
    withButton(topLevel(userId), "show_recap", { conventionId })
      .filter((message) => textOf(message).includes("Léa Martin"))
      .at(-1);

  it("brings the approval card to the référent's DM; she validates it there, once even when she double-clicks", async () => {
    await deliverAll();
    const card = must(approvalIn("U_LAMBERT"), "the approval card in Sophie Lambert's DM");
    const posts = dm("U_LAMBERT").length;
    // The same payload twice: a double click (same action_ts), or Slack redelivering it.
    const validate = must(
      buttonsIn(card.blocks).find((button) => button.verb === "validate_step"),
      "Valider",
    );
    const payload = click("U_LAMBERT", validate, { message: card }, "1764324000.000001");
    await okBody(client.interact(payload));
    await okBody(client.interact(payload));
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).currentStep).toBe("VALIDATION_ADMINISTRATIVE");
    // One notice for one click; the card itself updated in place, without its buttons.
    expect(dm("U_LAMBERT").length).toBe(posts + 1);
    expect(card.updates).toBeGreaterThanOrEqual(1);
    expect(buttonsIn(card.blocks).map((button) => button.verb)).not.toContain("validate_step");
    expect(await seeded.database.prisma.processedEvent.count({ where: { eventId: "action:U_LAMBERT:1764324000.000001" } })).toBe(1);
  });

  it("brings the administrative step to the gestionnaires; one validates, every copy of the card is updated", async () => {
    await deliverAll();
    expect(textOf(dm("U_LEA").at(-1))).toMatch(/Sophie Lambert/);
    const garcia = must(approvalIn("U_GARCIA"), "Isabelle Garcia's approval card");
    const fontaine = must(approvalIn("U_FONTAINE"), "Élodie Fontaine's approval card");
    await press("U_GARCIA", garcia, "validate_step");
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).state).toBe("VALIDATED");
    await deliverAll();
    for (const copy of [garcia, fontaine]) {
      expect(copy.updates).toBeGreaterThanOrEqual(1);
      expect(textOf(copy)).toMatch(/Isabelle Garcia/);
      expect(buttonsIn(copy.blocks).map((button) => button.verb)).not.toContain("validate_step");
    }
    const parent = withButton(topLevel("U_LEA"), "show_recap", { conventionId })[0];
    expect(
      dm("U_LEA")
        .filter((message) => message.threadTs === parent?.ts)
        .map(textOf)
        .join("\n"),
    ).toMatch(/entièrement validée/);
    // The convention's PDF, uploaded (files.uploadV2) in the student's thread and to the staff.
    const pdf = must(
      fake.uploads.find((upload) => upload.channelId === "D_U_LEA"),
      "the PDF uploaded in Léa's DM",
    );
    expect(pdf.threadTs).toBe(parent?.ts);
    expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.filename).toMatch(/^convention-\d+\.pdf$/);
    const stored = await seeded.database.prisma.conventionDocument.findFirstOrThrow({ where: { conventionId } });
    expect(Buffer.compare(pdf.bytes, Buffer.from(stored.content))).toBe(0);
    expect(fake.uploads.filter((upload) => upload.channelId === "D_U_GARCIA" || upload.channelId === "D_U_FONTAINE")).toHaveLength(2);
  });

  it("shows the PDF's signed link as a link button beside « Nouveau lien », which posts a fresh link for whoever clicks", async () => {
    const linkButtons = (message: { blocks: unknown[] } | undefined) =>
      (message?.blocks ?? [])
        .flatMap((block) =>
          (block as { type: string }).type === "actions" ? (block as { elements: Array<{ url?: string; action_id?: string }> }).elements : [],
        )
        .filter((element) => element.url?.includes("/documents/"));
    const notice = must(withButton(dm("U_LEA"), "new_link", { conventionId }).at(-1), "the notice of the validated convention with « Nouveau lien »");
    const [first] = linkButtons(notice);
    expect(first?.url).toMatch(/\/documents\/[\w-]+\.[\w-]+$/);
    // A click on a link button opens the browser; Slack reports it too, and it is only acknowledged.
    const posts = dm("U_LEA").length;
    await okBody(client.interact(click("U_LEA", { action_id: first?.action_id ?? "", value: "" }, { message: notice })));
    expect(dm("U_LEA").length).toBe(posts);
    await press("U_LEA", notice, "new_link", { conventionId });
    const fresh = must(dm("U_LEA").at(-1), "the fresh link's notice");
    expect(fresh.threadTs).toBe(notice.threadTs);
    expect(textOf(fresh)).toMatch(/Nouveau lien de téléchargement/);
    const [renewed] = linkButtons(fresh);
    expect(renewed?.url).toMatch(/\/documents\//);
    expect(limitViolations(fake)).toEqual([]);
  });

  it("publishes an App Home: the student's conventions with « Nouvelle convention », and what waits for a gestionnaire", async () => {
    await okBody(client.event({ type: "app_home_opened", user: "U_LEA", channel: "D_U_LEA", tab: "home", event_ts: "1" }));
    const home = fake.views.filter((view) => view.method === "views.publish" && view.id === "VH_U_LEA").at(-1);
    const buttons = buttonsIn((home?.view.blocks as unknown[]) ?? []);
    expect(buttons.map((button) => button.verb)).toEqual(expect.arrayContaining(["new_convention", "open_convention"]));
    expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
    await okBody(client.event({ type: "app_home_opened", user: "U_FONTAINE", channel: "D_U_FONTAINE", tab: "home", event_ts: "2" }));
    const staffHome = fake.views.filter((view) => view.method === "views.publish" && view.id === "VH_U_FONTAINE").at(-1);
    expect((staffHome?.view.blocks as unknown[] | undefined)?.length).toBeGreaterThan(0);
    expect(buttonsIn((staffHome?.view.blocks as unknown[]) ?? []).map((button) => button.verb)).not.toContain("new_convention");
  });

  it("answers /convention aide, /convention liste and /convention <numéro>", async () => {
    const before = dm("U_LEA").length;
    await okBody(client.command("U_LEA", "aide"));
    await okBody(client.command("U_LEA", "liste"));
    const numero = (await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).numero;
    await okBody(client.command("U_LEA", String(numero)));
    const [help, list, reopened] = dm("U_LEA").slice(before);
    expect(textOf(help)).toMatch(/nouvelle convention/i);
    expect(buttonsIn(list?.blocks ?? []).map((button) => button.verb)).toContain("open_convention");
    // The number reopens the convention: a notice in its thread, the parent refreshed.
    expect(reopened?.threadTs).toBe(withButton(topLevel("U_LEA"), "show_recap", { conventionId })[0]?.ts);
  });

  it("works inside a modal: its buttons replace it (views.update), duplicates come back with « Créer quand même »", async () => {
    await okBody(client.event(dmMessage("U_LEA", "nouvelle convention")));
    const parent = withButton(topLevel("U_LEA"), "open_section").at(-1);
    const draftId = Number(buttonsIn(parent?.blocks ?? []).find((button) => button.verb === "open_section")?.data.conventionId);
    expect(draftId).not.toBe(conventionId);
    const section = await openSection(draftId, "etablissement");
    const create = must(
      buttonsIn(section.blocks).find((button) => button.verb === "open_etablissement_create"),
      "Créer un établissement",
    );
    await okBody(client.interact(click("U_LEA", create, { view: section, state: filledState(section, {}) })));
    const form = lastModal(fake);
    expect(form.id).toBe(section.id);
    const answers = {
      raisonSociale: "CALANQUES NUMÉRIQUES",
      typeStructureCode: "ENTREPRISE_PRIVEE",
      statutJuridiqueCode: "SAS",
      effectifCode: "EFF_1_9",
      addressLine: "1 rue de la République",
      postalCode: "13001",
      city: "Marseille",
    };
    // A missing answer: the same form, the error under its field.
    const missing = JSON.parse(await okBody(client.interact(submit("U_LEA", form, filledState(form, answers)))));
    expect(missing).toEqual({ response_action: "errors", errors: { activite: expect.stringMatching(/obligatoire/) } });
    Object.assign(answers, { activite: "Conseil en systèmes et logiciels informatiques" });
    // Same name in the same city: the form comes back with the duplicate and a way to create anyway.
    const answer = JSON.parse(await okBody(client.interact(submit("U_LEA", form, filledState(form, answers)))));
    expect(answer.response_action).toBe("update");
    const duplicates = answer.view as TModal;
    expect(JSON.stringify(duplicates.blocks)).toMatch(/Calanques Num/);
    expect(duplicates.blocks.some((block) => block.type === "context" && JSON.stringify(block).includes("❗"))).toBe(true);
    const anyway = must(
      buttonsIn(duplicates.blocks).find((button) => button.verb === "create_etablissement" && button.data.confirmDuplicate === true),
      "Créer quand même",
    );
    expect(anyway.action_id).toMatch(/:inputs$/);
    const before = await seeded.database.prisma.etablissement.count();
    await okBody(client.interact(click("U_LEA", anyway, { view: { ...duplicates, id: form.id }, state: filledState(duplicates, answers) })));
    expect(await seeded.database.prisma.etablissement.count()).toBe(before + 1);
    expect((await seeded.database.prisma.convention.findUniqueOrThrow({ where: { id: draftId } })).etablissementId).not.toBeNull();
    // No API closes a modal from a click inside it: it shows the outcome, the thread has it too.
    expect(lastModal(fake).submit).toBeUndefined();
  });

  it("processes a replayed signed slash command and a replayed signed modal submission once", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const form = "application/x-www-form-urlencoded";
    const command = new URLSearchParams({
      command: "/convention",
      text: "nouvelle convention",
      user_id: "U_LEA",
      team_id: "T_DEMO",
      channel_id: "D_U_LEA",
      trigger_id: "trig-replay",
      api_app_id: "A_STAGEBOT",
      response_url: "http://127.0.0.1:9/unused",
    }).toString();
    const drafts = () => seeded.database.prisma.convention.count();
    const before = await drafts();
    await okBody(client.send(command, form, { timestamp }));
    expect(await drafts()).toBe(before + 1);
    expect(await okBody(client.send(command, form, { timestamp }))).toBe("");
    expect(await drafts()).toBe(before + 1);
    // A new command (another moment, so another signature) is no replay.
    await okBody(client.send(command, form, { timestamp: timestamp + 1 }));
    expect(await drafts()).toBe(before + 2);

    const modal = await newEtablissementForm();
    const answers = {
      raisonSociale: "REJEU SANS DOUBLON",
      typeStructureCode: "ENTREPRISE_PRIVEE",
      statutJuridiqueCode: "SAS",
      effectifCode: "EFF_1_9",
      activite: "Édition de logiciels",
      addressLine: "2 quai du Port",
      postalCode: "13002",
      city: "Marseille",
    };
    const submission = new URLSearchParams({ payload: JSON.stringify(submit("U_LEA", modal, filledState(modal, answers))) }).toString();
    const named = () => seeded.database.prisma.etablissement.count({ where: { raisonSociale: { contains: "Rejeu", mode: "insensitive" } } });
    await okBody(client.send(submission, form, { timestamp }));
    expect(await named()).toBe(1);
    const calls = fake.calls.length;
    expect(await okBody(client.send(submission, form, { timestamp }))).toBe("");
    expect({ etablissements: await named(), calls: fake.calls.length }).toEqual({ etablissements: 1, calls });
    expect(logs.filter((line) => line.message.includes("replayed")).length).toBe(2);
  });

  it("answers a modal submission carrying NUL and lone surrogates, saving the text without them; refuses a body over 1 MB with 413", async () => {
    const modal = await newEtablissementForm();
    const answers = {
      raisonSociale: "NUL\u0000 ET \ud800DEMI",
      typeStructureCode: "ENTREPRISE_PRIVEE",
      statutJuridiqueCode: "SAS",
      effectifCode: "EFF_1_9",
      activite: "Conseil\u0000",
      addressLine: "3 quai du Port",
      postalCode: "13002",
      city: "Marseille",
    };
    const response = await client.interact(submit("U_LEA", modal, filledState(modal, answers)));
    expect(response.status).toBe(200);
    await response.text();
    const saved = await seeded.database.prisma.etablissement.findFirst({ where: { raisonSociale: { startsWith: "Nul", mode: "insensitive" } } });
    // eslint-disable-next-line no-control-regex -- the NUL the app must have taken out
    expect(saved?.raisonSociale).not.toMatch(/[\u0000\ud800]/);
    expect(saved?.raisonSociale).toMatch(/^NUL ET DEMI$/i);

    const tooLarge = await client.send(JSON.stringify({ type: "event_callback", padding: "x".repeat(1024 * 1024 + 1) }), "application/json");
    expect(tooLarge.status).toBe(413);
  });

  it("reads text typed in a convention's thread as about that convention, and closes the thread of a deleted draft", async () => {
    const parent = must(withButton(topLevel("U_LEA"), "delete_convention").at(-1), "the draft's thread parent");
    const draftId = Number(buttonsIn(parent.blocks).find((button) => button.verb === "delete_convention")?.data.conventionId);
    await okBody(client.event(dmMessage("U_LEA", "aide", parent.ts)));
    expect(dm("U_LEA").at(-1)?.threadTs).toBe(parent.ts);
    await press("U_LEA", parent, "delete_convention", { conventionId: draftId });
    const confirm = must(withButton(dm("U_LEA"), "confirm_delete").at(-1), "the confirmation");
    expect(confirm.threadTs).toBe(parent.ts);
    await press("U_LEA", confirm, "confirm_delete");
    expect(await seeded.database.prisma.convention.count({ where: { id: draftId } })).toBe(0);
    // The parent, found although its convention is gone, now says the draft was deleted.
    expect(buttonsIn(parent.blocks)).toEqual([]);
    expect(textOf(parent)).toMatch(/supprim/i);
  });

  it("delivers notifications once per message id, retries after a Slack error, and skips people without Slack", async () => {
    const channel = slackNotifications(slack);
    const leaId = (await seeded.conversation.personIdOf("lea.martin@etu.univ-demo.fr")) ?? 0;
    const effects = await seeded.conversation.handle(
      { platform: "SLACK", email: "lea.martin@etu.univ-demo.fr" },
      { kind: "message", text: "aide", conventionId: null },
    );
    const before = dm("U_LEA").length;
    fake.failNext("chat.postMessage", "internal_error");
    await expect(channel.deliver(leaId, effects, "outbox:test-1")).rejects.toThrow(/internal_error/);
    expect(dm("U_LEA").length).toBe(before);
    await expect(channel.deliver(leaId, effects, "outbox:test-1")).resolves.toBe("delivered");
    await expect(channel.deliver(leaId, effects, "outbox:test-1")).resolves.toBe("delivered");
    expect(dm("U_LEA").length).toBe(before + effects.length);
    const girard = (await seeded.conversation.personIdOf("antoine.girard@univ-demo.fr")) ?? 0;
    await expect(channel.deliver(girard, effects, "outbox:test-2")).resolves.toBe("no_identity");
  });

  it("shows a notification once when Slack accepted it but the process never heard back (lost answer, or killed before recording it)", async () => {
    const channel = slackNotifications(slack);
    const leaId = (await seeded.conversation.personIdOf("lea.martin@etu.univ-demo.fr")) ?? 0;
    const card = (text: string) => ({ type: "AdaptiveCard" as const, version: "1.5" as const, body: [{ type: "TextBlock" as const, text }] });
    const before = dm("U_LEA").length;
    const plain = { kind: "notify" as const, personId: leaId, conventionId: null, card: card("Rappel : une pièce manque") };
    fake.loseAnswerOfNext("chat.postMessage");
    await expect(channel.deliver(leaId, [plain], "outbox:crash-1")).rejects.toThrow();
    expect(dm("U_LEA").length).toBe(before + 1);
    await expect(channel.deliver(leaId, [plain], "outbox:crash-1")).resolves.toBe("delivered");
    expect(dm("U_LEA").length).toBe(before + 1);
    expect(fake.callsOf("conversations.history").length).toBeGreaterThan(0);

    // A keyed card found again is remembered as the card for its key: the next decision updates it.
    const keyed = { ...plain, key: "crash-test-card", card: card("À valider : convention de Léa") };
    fake.loseAnswerOfNext("chat.postMessage");
    await expect(channel.deliver(leaId, [keyed], "outbox:crash-2")).rejects.toThrow();
    await expect(channel.deliver(leaId, [keyed], "outbox:crash-2")).resolves.toBe("delivered");
    expect(dm("U_LEA").length).toBe(before + 2);
    await channel.deliver(leaId, [{ ...keyed, card: card("Validée par Sophie Lambert") }], "outbox:crash-3");
    expect(dm("U_LEA").length).toBe(before + 2);
    expect(textOf(dm("U_LEA").at(-1))).toContain("Validée par Sophie Lambert");
    // The two lost answers, as the Web API client logged them (and nothing else failed).
    const lost = logs.filter((line) => line.message.startsWith("http request failed"));
    expect(lost.length).toBe(2);
    logs.splice(0, logs.length, ...logs.filter((line) => !lost.includes(line)));
  });

  it("acknowledges a click at once and does the work after (production mode: Slack waits 3 seconds at most)", async () => {
    const production = slackAppOnDatabase(seeded.database.prisma, { ...appOptions(), processBeforeResponse: false });
    const http = createHttpApp({ databaseKind: "postgres", pingDatabase: async () => {}, logger, mount: (app) => app.use(production.router) });
    const listening = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => listening.once("listening", resolve));
    try {
      const fast = slackClient(`http://127.0.0.1:${(listening.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`, SECRET);
      const parent = must(withButton(topLevel("U_LEA"), "show_recap", { conventionId })[0], "the thread parent");
      const recap = must(
        buttonsIn(parent.blocks).find((button) => button.verb === "show_recap"),
        "Récapitulatif",
      );
      const before = dm("U_LEA").length;
      // Slack is held on the slow work: the click must be answered anyway (no wall-clock bound, an order).
      const release = fake.holdNext("chat.postMessage");
      try {
        await okBody(fast.interact(click("U_LEA", recap, { message: parent })));
        expect(dm("U_LEA").length).toBe(before);
      } finally {
        release();
      }
      await vi.waitFor(() => expect(dm("U_LEA").length).toBe(before + 1), { timeout: 5000, interval: 50 });
    } finally {
      await new Promise((resolve) => listening.close(resolve));
    }
  });

  it("sent nothing over Slack's limits, and no listener failed", () => {
    expect(limitViolations(fake)).toEqual([]);
    const expected = [
      "Slack request refused: signature check failed",
      "Slack payload refused as invalid",
      "Slack request replayed: acknowledged and ignored",
      "Slack request refused: body too large",
    ];
    const unexpected = logs.filter((line) => line.level !== "info" && !expected.includes(line.message));
    expect(unexpected).toEqual([]);
  });
});
