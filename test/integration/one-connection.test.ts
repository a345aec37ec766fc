// The embedded database has one connection. The same product must work to the end on it: here
// through the core on PostgreSQL with a pool of ONE connection (the browser journey does it on
// PGlite itself): fill, submit, every validation step, the PDF delivered and downloaded by the
// student; and while a PDF is being generated, another person is answered.
import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { createDocumentDownloadDeps } from "../../src/composition/create-document-download-deps.ts";
import { renderConventionPdf } from "../../src/pdf/render.ts";
import { createHttpApp } from "../../src/http/create-http-app.ts";
import { createDocumentRouter, documentLinkSecret } from "../../src/http/document-links.ts";
import { cardText, conversationDriver, executeActions } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createWorkflowHarness } from "../support/workflow-harness.ts";

/** A promise and the function that settles it: the test decides when the work goes on. */
function gate(): { opened: Promise<void>; open(): void; isOpen(): boolean } {
  let open = () => {};
  let isOpen = false;
  const opened = new Promise<void>((resolve) => {
    open = () => {
      isOpen = true;
      resolve();
    };
  });
  return { opened, open: () => open(), isOpen: () => isOpen };
}

describe("the whole journey on one database connection", () => {
  let harness: Awaited<ReturnType<typeof createWorkflowHarness>>;
  let conversation: TConversation;
  let server: Server;
  let base = "";
  // The convention's PDF waits at this gate once rendering starts (drafts previews do not).
  let rendering = gate();
  let release = gate();

  beforeAll(async () => {
    harness = await createWorkflowHarness(undefined, {
      poolSize: 1,
      limits: { connectionMs: 1_000, transactionStartMs: 1_000 },
      adapt: (deps) => ({
        ...deps,
        documents: {
          ...deps.documents,
          renderer: {
            ...deps.documents.renderer,
            convention: async (model, options) => {
              if (!options.draft) {
                rendering.open();
                await release.opened;
              }
              return renderConventionPdf(model, options);
            },
          },
        },
      }),
    });
    conversation = harness.conversation;
    const http = createHttpApp({
      databaseKind: "postgres",
      pingDatabase: async () => {},
      logger: { warn: () => {}, error: () => {} },
      mount: (app) =>
        app.use(
          createDocumentRouter({
            downloads: createDocumentDownloadDeps(harness.database.prisma),
            secret: documentLinkSecret(undefined),
            now: () => new Date(),
            logger: { info: () => {}, warn: () => {}, error: () => {} },
          }),
        ),
    });
    server = http.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await harness?.database.drop();
  });

  const effectsOf = async (email: string) => harness.inbox.get(await harness.personId(email)) ?? [];

  async function approvalOf(email: string, conventionId: number) {
    const cards = (await effectsOf(email)).filter(
      (effect): effect is Extract<TEffect, { kind: "notify" }> =>
        effect.kind === "notify" && effect.conventionId === conventionId && (effect.key ?? "").startsWith("approval:"),
    );
    const card = cards.at(-1)?.card;
    if (!card) throw new Error(`${email} has no approval card for ${conventionId}`);
    return card;
  }

  async function validate(email: string, conventionId: number) {
    const action = executeActions(await approvalOf(email, conventionId)).find((candidate) => candidate.verb === "validate_step");
    if (!action) throw new Error(`no Valider on ${email}'s card`);
    return conversationDriver(conversation, email).act("validate_step", action.data);
  }

  it("fills, submits, validates every step, delivers the PDF while another person is answered, and the student downloads it", async () => {
    rendering = gate();
    release = gate();
    const conventionId = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-03-01", dateFin: "2027-04-23" }));
    await submitFromRecap(conversation, DEMO.lea, conventionId);
    await harness.deliverAll();
    await validate(DEMO.lambert, conventionId);
    await harness.deliverAll();
    await validate(DEMO.garcia, conventionId);
    const state = await harness.database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(state.state).toBe("VALIDATED");

    // The delivery renders the PDF; the renderer waits at the gate.
    const delivering = harness.deliverAll();
    await rendering.opened;
    // Meanwhile Inès, another person, asks for her conventions and starts one: answered while the PDF is still being made.
    const ines = conversationDriver(conversation, DEMO.ines);
    const answered = await ines.say("nouvelle convention");
    expect(answered.some((effect) => effect.kind === "progress")).toBe(true);
    expect(release.isOpen()).toBe(false);
    release.open();
    await delivering;

    // The PDF reached the student: the file and a signed link, which she downloads.
    const stored = await harness.database.prisma.conventionDocument.findMany({ where: { conventionId } });
    expect(stored).toHaveLength(1);
    const effects = await effectsOf(DEMO.lea);
    const file = effects.find((effect): effect is Extract<TEffect, { kind: "file" }> => effect.kind === "file" && effect.conventionId === conventionId);
    expect(file?.sha256).toBe(stored[0]?.sha256);
    const notice = effects
      .filter((effect) => effect.kind === "post" && effect.conventionId === conventionId)
      .map((effect) => ("card" in effect ? JSON.stringify(effect.card) : ""))
      .find((text) => text.includes("/documents/"));
    const url = /"url":"([^"]*\/documents\/[^"]+)"/.exec(notice ?? "")?.[1];
    if (!url) throw new Error("no download link in the student's notice");
    const response = await fetch(`${base}${new URL(url).pathname}`);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(stored[0]?.sha256);
    expect(cardText(await approvalOf(DEMO.fontaine, conventionId))).toMatch(/Isabelle Garcia/);
  }, 60_000);

  it("tells a person to try again, in their language, when the only connection stays busy, and saves nothing", async () => {
    const before = await harness.database.prisma.convention.count();
    const hold = gate();
    const held = gate();
    // Something holds the only connection longer than a person may wait (here: a test transaction).
    const holder = harness.database.prisma.$transaction(
      async (tx) => {
        await tx.convention.count();
        held.open();
        await hold.opened;
      },
      { timeout: 20_000 },
    );
    await held.opened;
    const answer = await conversationDriver(conversation, DEMO.hugo).say("nouvelle convention");
    hold.open();
    await holder;
    const text = answer.map((effect) => ("card" in effect ? cardText(effect.card) : "")).join("\n");
    expect(text).toMatch(/très sollicité .* rien n'a été enregistré\. Réessayez/);
    expect(await harness.database.prisma.convention.count()).toBe(before);
  }, 30_000);
});
