import { createHash } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAvenantDocument } from "../../src/app/documents/ensure-avenant-document.ts";
import { ensureConventionDocument } from "../../src/app/documents/ensure-convention-document.ts";
import { institutionClauses } from "../../src/app/documents/institution-clauses.ts";
import type { TDocumentDeps } from "../../src/app/ports/documents.ts";
import { previewConventionPdf } from "../../src/app/documents/preview-convention-pdf.ts";
import { regenerateConventionDocument } from "../../src/app/documents/regenerate-convention-document.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import type { TConversationDeps } from "../../src/app/ports/conversation-deps.ts";
import { decideStep } from "../../src/app/workflow/decide-step.ts";
import { createDocumentDownloadDeps } from "../../src/composition/create-document-download-deps.ts";
import { createConventionStore } from "../../src/db/convention-store.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { createDocumentStore } from "../../src/db/document-store.ts";
import { createFormData } from "../../src/db/form-data.ts";
import { createRulesFactsSource } from "../../src/db/rules-facts-source.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { createDocumentRouter, signDocumentLink } from "../../src/http/document-links.ts";
import { renderAvenantPdf, renderConventionPdf } from "../../src/pdf/render.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap, type TJourneyChoices } from "../support/journey.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { bodyText, flat, pdfText } from "../unit/pdf/pdf-tools.ts";

// Stored PDFs of conventions validated through the core, and their signed download links
// served by the real router on a real port.

const { lea: LEA, hugo: HUGO, lambert: LAMBERT, girard: GIRARD, garcia: GARCIA, mansouri: MANSOURI, petit: PETIT } = DEMO;
const NOW = new Date("2026-11-28T10:00:00Z");
const SECRET = "test-secret-of-the-document-links-0123456789";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("convention documents and their download links", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let core: TConversationDeps;
  let deps: TDocumentDeps;
  let server: Server;
  let baseUrl: string;
  let personId: (email: string) => Promise<number>;

  /** A convention of Léa, submitted and validated (référent, then gestionnaire) through the core. */
  async function validatedConvention(dates: TJourneyChoices["dates"]): Promise<number> {
    const conventionId = await fillConvention(conversation, LEA, PSY(dates));
    await submitFromRecap(conversation, LEA, conventionId);
    for (const [email, step] of [
      [LAMBERT, "PEDAGOGIQUE"],
      [GARCIA, "VALIDATION_ADMINISTRATIVE"],
    ] as const) {
      const { round } = await core.conventions.get(conventionId);
      await decideStep(core, await loadActorByEmail(database.prisma, email), { conventionId, round, step, decision: "VALIDATED" });
    }
    expect((await core.conventions.get(conventionId)).state).toBe("VALIDATED");
    return conventionId;
  }

  async function download(documentId: number, email: string, expiresAt = new Date(NOW.getTime() + 60_000), tamper = (token: string) => token) {
    const token = tamper(signDocumentLink(SECRET, { documentId, personId: await personId(email), expiresAt }));
    return fetch(`${baseUrl}/documents/${token}`);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    core = createConversationDeps(database.prisma, () => NOW);
    conversation = createConversation(core);
    deps = {
      conventions: createConventionStore(database.prisma),
      documents: createDocumentStore(database.prisma),
      formData: createFormData(database.prisma),
      renderer: { convention: renderConventionPdf, avenant: renderAvenantPdf },
      institution: { name: "Université de démonstration", logo: null, clauses: institutionClauses() },
      clock: () => NOW,
      facts: createRulesFactsSource(database.prisma),
    };
    personId = async (email) => (await loadActorByEmail(database.prisma, email)).personId;
    const app = express();
    const ignore = () => {};
    app.use(
      createDocumentRouter({
        downloads: createDocumentDownloadDeps(database.prisma, () => NOW),
        secret: SECRET,
        now: () => NOW,
        logger: { info: ignore, warn: ignore, error: ignore },
      }),
    );
    server = app.listen(0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.drop();
  });

  it("stores the PDF of a validated convention once, with the SHA-256 of its bytes", async () => {
    const conventionId = await validatedConvention({ dateDebut: "2027-01-11", dateFin: "2027-02-26" });
    const first = await ensureConventionDocument(deps, conventionId);
    const second = await ensureConventionDocument(deps, conventionId);
    expect(first.created).toBe(true);
    expect(second).toMatchObject({ created: false, document: { id: first.document.id } });
    expect(await database.prisma.conventionDocument.count({ where: { conventionId } })).toBe(1);

    const row = await database.prisma.conventionDocument.findUniqueOrThrow({ where: { id: first.document.id } });
    const { numero } = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(row).toMatchObject({ kind: "CONVENTION", filename: `convention-${numero}.pdf`, avenantId: null });
    expect(row.sha256).toBe(sha256(row.content));
    const text = bodyText(row.content);
    expect(text).toContain(`Convention de stage n° ${numero}`);
    expect(text).toContain("Léa MARTIN");
    expect(text).toContain("Assistance Publique - Hôpitaux de Marseille");
    expect(text).toContain("du 11/01/2027 au 26/02/2027");
    expect(text).toContain("4,50 € net par heure");
  });

  it("two simultaneous requests store one document", async () => {
    const conventionId = await validatedConvention({ dateDebut: "2027-03-01", dateFin: "2027-03-26" });
    const results = await Promise.all([1, 2, 3].map(() => ensureConventionDocument(deps, conventionId)));
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.document.id)).size).toBe(1);
    expect(await database.prisma.conventionDocument.count({ where: { conventionId } })).toBe(1);
  });

  it("refuses a convention that is not validated, and previews it as a draft for whoever may view it", async () => {
    const conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-04-05", dateFin: "2027-04-30" }));
    await expect(ensureConventionDocument(deps, conventionId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const preview = await previewConventionPdf(deps, await loadActorByEmail(database.prisma, LEA), conventionId);
    expect(flat(pdfText(preview.content))).toContain("Projet de convention de stage");
    // The centre that will manage the draft (its formation's) is printed as in the final document.
    const centre = await database.prisma.centreGestion.findFirstOrThrow({ where: { code: "DEMO-PSY" } });
    expect(flat(pdfText(preview.content))).toContain(flat(centre.name));
    await expect(previewConventionPdf(deps, await loadActorByEmail(database.prisma, HUGO), conventionId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await database.prisma.conventionDocument.count({ where: { conventionId } })).toBe(0);
  });

  describe("download links", () => {
    let documentId: number;
    let stored: { sha256: string; filename: string };

    beforeAll(async () => {
      const conventionId = await validatedConvention({ dateDebut: "2027-05-03", dateFin: "2027-05-28" });
      const { document } = await ensureConventionDocument(deps, conventionId);
      documentId = document.id;
      stored = await database.prisma.conventionDocument.findUniqueOrThrow({ where: { id: documentId }, select: { sha256: true, filename: true } });
    });

    it.each([LEA, LAMBERT, GARCIA, PETIT])("%s, a participant, downloads exactly the stored bytes", async (email) => {
      const response = await download(documentId, email);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toContain(`attachment; filename="${stored.filename}"`);
      expect(response.headers.get("x-content-sha256")).toBe(stored.sha256);
      const body = new Uint8Array(await response.arrayBuffer());
      expect(sha256(body)).toBe(stored.sha256);
      expect(Buffer.from(body.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    });

    it.each([
      ["another student", HUGO],
      ["a référent of other conventions", GIRARD],
      ["a gestionnaire of another centre", MANSOURI],
    ])("%s's token is refused (403)", async (_who, email) => {
      const response = await download(documentId, email);
      expect(response.status).toBe(403);
      const text = await response.text();
      expect(text).toContain("Ce lien ne vous donne pas accès à ce document.");
      expect(text).toContain("This link does not give you access to this document.");
      expect(response.headers.get("content-type")).not.toContain("pdf");
    });

    it("a tampered token is refused (403)", async () => {
      // Hugo's own token, rewritten to name Léa (a participant): only the signature stands in the way.
      const lea = await personId(LEA);
      const asLea = (token: string) => {
        const [payload, signature] = token.split(".");
        const forged = Buffer.from(
          Buffer.from(payload ?? "", "base64url")
            .toString("utf8")
            .replace(/^v1:(\d+):\d+:/, `v1:$1:${lea}:`),
        ).toString("base64url");
        expect(forged).not.toBe(payload);
        return `${forged}.${signature}`;
      };
      expect((await download(documentId, HUGO, undefined, asLea)).status).toBe(403);
      expect((await download(documentId, LEA, undefined, (token) => `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).status).toBe(403);
      expect((await fetch(`${baseUrl}/documents/not-a-token`)).status).toBe(403);
    });

    it("an expired token is gone (410), even for a participant", async () => {
      const response = await download(documentId, LEA, new Date(NOW.getTime() - 1));
      expect(response.status).toBe(410);
      expect(await response.text()).toContain("expiré");
    });
  });

  it("after an avenant: a new convention document (the old one kept) and the avenant's own PDF", async () => {
    const conventionId = await validatedConvention({ dateDebut: "2027-06-01", dateFin: "2027-06-18" });
    const original = await ensureConventionDocument(deps, conventionId);
    // The avenant store (src/db/avenant-store.ts) applies a validated avenant this way: changes written, version bumped.
    const lea = await personId(LEA);
    const avenant = await database.prisma.avenant.create({
      data: {
        conventionId,
        numero: 1,
        status: "VALIDATED",
        motifs: ["DATES"],
        changes: { dateFin: "2027-06-25" },
        previousValues: { dateFin: "2027-06-18" },
        requestedById: lea,
        decidedAt: NOW,
        appliedAt: NOW,
      },
    });
    await database.prisma.convention.update({ where: { id: conventionId }, data: { dateFin: new Date("2027-06-25T00:00:00Z"), version: { increment: 1 } } });

    const amended = await regenerateConventionDocument(deps, avenant.id);
    expect(amended.created).toBe(true);
    expect(amended.document.id).not.toBe(original.document.id);
    expect(amended.document.avenantId).toBe(avenant.id);
    expect((await regenerateConventionDocument(deps, avenant.id)).document.id).toBe(amended.document.id);
    expect(await database.prisma.conventionDocument.count({ where: { conventionId, kind: "CONVENTION" } })).toBe(2);
    const amendedText = bodyText(amended.document.content);
    expect(amendedText).toContain("Version intégrant l'avenant n° 1");
    expect(amendedText).toContain("du 01/06/2027 au 25/06/2027");

    const { document } = await ensureAvenantDocument(deps, avenant.id);
    const { numero } = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(document).toMatchObject({ kind: "AVENANT", avenantId: avenant.id, filename: `avenant-${numero}-1.pdf` });
    expect(document.sha256).toBe(sha256(document.content));
    const text = bodyText(document.content);
    expect(text).toContain(`Avenant n° 1 à la convention de stage n° ${numero}`);
    expect(text).toContain("Modification des dates du stage");
    expect(text).toContain("Date de fin du stage 18/06/2027 → 25/06/2027");
    expect((await ensureAvenantDocument(deps, avenant.id)).created).toBe(false);
  });
});
