import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import type { TConversationDeps } from "../../src/app/ports/conversation-deps.ts";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { renderNotification } from "../../src/app/notifications/render-notification.ts";
import { decideStep } from "../../src/app/workflow/decide-step.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { createDocumentDownloadDeps } from "../../src/composition/create-document-download-deps.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { createDocumentRouter, signDocumentLink } from "../../src/http/document-links.ts";
import { cardText, conversationDriver, executeActions } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createTestDatabase } from "../support/test-database.ts";

// PDF links are bearer links (issue 10, item 8): 15 minutes by default, "Nouveau lien" mints a
// fresh one for whoever clicks once the core has checked they may view the convention, and
// every use of a link, served or refused, is in the audit trail with the person it was for.
// Before: links lived an hour, no card could renew them, and downloads left no trace.

const { lea: LEA, hugo: HUGO, lambert: LAMBERT, garcia: GARCIA } = DEMO;
const T0 = new Date("2026-11-28T10:00:00Z");
const MINUTE = 60_000;
const SECRET = "test-secret-of-the-pdf-link-lifetime-0123456789";

type TLogLine = { level: string; details: Record<string, unknown>; message: string };

/** The URLs of the Action.OpenUrl links of a set of effects' cards. */
function linksOf(effects: TEffect[]): string[] {
  return effects
    .flatMap((effect) => ("card" in effect ? [JSON.stringify(effect.card)] : []))
    .flatMap((json) => [...json.matchAll(/"url":"([^"]*\/documents\/[^"]+)"/g)].map((match) => match[1] ?? ""));
}

describe("PDF download links: lifetime, renewal and audit", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let core: TConversationDeps;
  let conversation: TConversation;
  let server: Server;
  let base: string;
  let now = T0;
  const logged: TLogLine[] = [];
  let conventionId: number;
  let documentId: number;
  let personId: (email: string) => Promise<number>;

  /** GET of a link's path on the real HTTP app, at the clock's current time. */
  const open = (url: string) => fetch(`${base}${new URL(url).pathname}`);

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    core = createConversationDeps(database.prisma, () => now, { links: { secret: SECRET, baseUrl: "https://stages.univ-demo.fr" } });
    conversation = createConversation(core);
    personId = async (email) => (await loadActorByEmail(database.prisma, email)).personId;
    const log = (level: string) => (details: object, message: string) => logged.push({ level, details: details as Record<string, unknown>, message });
    const app = createHttpApp({
      databaseKind: "postgres",
      pingDatabase: async () => {},
      logger: { warn: log("warn"), error: log("error") },
      mount: (http) =>
        http.use(
          createDocumentRouter({
            downloads: createDocumentDownloadDeps(database.prisma, () => now),
            secret: SECRET,
            now: () => now,
            logger: { info: log("info"), warn: log("warn"), error: log("error") },
          }),
        ),
    });
    server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-05-03", dateFin: "2027-05-28" }));
    await submitFromRecap(conversation, LEA, conventionId);
    for (const [email, step] of [
      [LAMBERT, "PEDAGOGIQUE"],
      [GARCIA, "VALIDATION_ADMINISTRATIVE"],
    ] as const) {
      const { round } = await core.conventions.get(conventionId);
      await decideStep(core, await loadActorByEmail(database.prisma, email), { conventionId, round, step, decision: "VALIDATED" });
    }
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.drop();
  });

  it("the student's link works for 15 minutes by default, then answers 410 with a page saying to ask for a new link", async () => {
    now = T0;
    const delivered = await renderNotification(core, await personId(LEA), { kind: "validated", conventionId });
    const [url] = linksOf(delivered);
    if (!url) throw new Error("no download link in the student's notice");
    documentId = (await database.prisma.conventionDocument.findFirstOrThrow({ where: { conventionId } })).id;
    const notice = delivered.find((effect) => "card" in effect && executeActions(effect.card).some((action) => action.verb === "new_link"));
    expect(notice && "card" in notice ? cardText(notice.card) : "").toContain("valable 15 min");

    now = new Date(T0.getTime() + 14 * MINUTE);
    expect((await open(url)).status).toBe(200);

    now = new Date(T0.getTime() + 16 * MINUTE);
    const expired = await open(url);
    expect(expired.status).toBe(410);
    expect(expired.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await expired.text();
    expect(page).toContain("<title>Lien expiré</title>");
    expect(page).toContain("« Nouveau lien »");
    expect(page).toContain("“New link”");

    const english = await fetch(`${base}${new URL(url).pathname}`, { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(english.status).toBe(410);
    expect(await english.text()).toContain("<title>Link expired</title>");
  });

  it("every download is audited with the document, the convention, the link's person, the time and the request id", async () => {
    const lea = await personId(LEA);
    now = new Date(T0.getTime() + 20 * MINUTE);
    const url = linksOf(await conversationDriver(conversation, LEA).act("new_link", { conventionId, documentIds: [documentId] }))[0] ?? "";
    now = new Date(T0.getTime() + 21 * MINUTE);
    const response = await open(url);
    expect(response.status).toBe(200);
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toBeTruthy();

    const rows = await database.prisma.auditEvent.findMany({ where: { action: "document.downloaded", entityId: documentId, occurredAt: now } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      entityType: "convention_document",
      entityId: documentId,
      conventionId,
      actorId: lea,
      occurredAt: now,
      after: { linkPersonId: lea, requestId, linkExpiresAt: new Date(T0.getTime() + 35 * MINUTE).toISOString() },
    });
    expect(logged.find((line) => line.message === "document downloaded" && line.details.requestId === requestId)?.details).toMatchObject({
      documentId,
      conventionId,
      linkPersonId: lea,
    });

    // The expired use of the first test is in the trail too, under Léa's link.
    const refused = await database.prisma.auditEvent.findMany({ where: { action: "document.download_expired", entityId: documentId } });
    expect(refused).toHaveLength(2);
    expect(refused.every((row) => row.actorId === lea && row.conventionId === conventionId)).toBe(true);
    // The history shows who the link was for, not the request's details.
    const history = cardText(
      (await conversationDriver(conversation, GARCIA).act("show_history", { conventionId })).map((effect) => ("card" in effect ? effect.card : null)),
    );
    expect(history).toMatch(/Léa \S+ — lien à son nom utilisé : document téléchargé/);
    expect(history).not.toContain(requestId ?? "?");
  });

  it("a link whose person may not view the convention is refused (403) and the refusal audited", async () => {
    const hugo = await personId(HUGO);
    const token = signDocumentLink(SECRET, { documentId, personId: hugo, expiresAt: new Date(now.getTime() + MINUTE) });
    expect((await fetch(`${base}/documents/${token}`)).status).toBe(403);
    const row = await database.prisma.auditEvent.findFirst({ where: { action: "document.download_refused", entityId: documentId } });
    expect(row).toMatchObject({ conventionId, actorId: hugo, after: { linkPersonId: hugo } });
  });

  it.each([
    ["the student", LEA],
    ["the référent", LAMBERT],
    ["a gestionnaire of the centre", GARCIA],
  ])("'Nouveau lien' gives %s a fresh link of their own that works", async (_who, email) => {
    now = new Date(T0.getTime() + 60 * MINUTE);
    const effects = await conversationDriver(conversation, email).act("new_link", { conventionId, documentIds: [documentId] });
    const [url] = linksOf(effects);
    if (!url) throw new Error(`no fresh link for ${email}: ${effects.map((effect) => ("card" in effect ? cardText(effect.card) : effect.kind)).join(" | ")}`);
    // The fresh card offers "Nouveau lien" again, for when this one expires.
    expect(effects.flatMap((effect) => ("card" in effect ? executeActions(effect.card) : []))).toContainEqual(
      expect.objectContaining({ verb: "new_link", data: { conventionId, documentIds: [documentId] } }),
    );
    const response = await open(url);
    expect(response.status).toBe(200);
    const row = await database.prisma.auditEvent.findFirst({
      where: { action: "document.downloaded", entityId: documentId, occurredAt: now, actorId: await personId(email) },
    });
    expect(row?.after).toMatchObject({ linkPersonId: await personId(email) });
  });

  it("'Nouveau lien' is refused to a non-participant: no link is made, and the convention's existence is not revealed", async () => {
    const effects = await conversationDriver(conversation, HUGO).act("new_link", { conventionId, documentIds: [documentId] });
    expect(JSON.stringify(effects)).not.toContain("/documents/");
    // The same answer as for a convention that does not exist (issue 14, item 14).
    expect(cardText(effects.map((effect) => ("card" in effect ? effect.card : null)))).toContain("Convention introuvable.");
  });

  it("'Nouveau lien' naming another convention's document under one's own convention is refused: no link is made", async () => {
    const started = await conversationDriver(conversation, HUGO).say("nouvelle convention");
    const own = started.find((effect) => effect.kind === "progress")?.conventionId;
    expect(own).toBeTypeOf("number");
    const effects = await conversationDriver(conversation, HUGO).act("new_link", { conventionId: own, documentIds: [documentId] });
    expect(JSON.stringify(effects)).not.toContain("/documents/");
    expect(cardText(effects.map((effect) => ("card" in effect ? effect.card : null)))).toContain(`n° ${documentId} n'existe pas`);
  });

  it("'Nouveau lien' on the draft preview's notice mints a fresh preview link, for a participant only", async () => {
    const preview = await conversationDriver(conversation, LEA).act("preview_pdf", { conventionId });
    const renew = preview.flatMap((effect) => ("card" in effect ? executeActions(effect.card) : [])).find((action) => action.verb === "new_link");
    expect(renew?.data).toEqual({ conventionId });
    const fresh = await conversationDriver(conversation, LEA).act("new_link", renew?.data ?? {});
    expect(linksOf(fresh)[0]).toMatch(/\/documents\/preview\//);
    expect(linksOf(await conversationDriver(conversation, HUGO).act("new_link", { conventionId }))).toEqual([]);
  });
});
