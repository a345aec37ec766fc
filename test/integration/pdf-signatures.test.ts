import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureConventionDocument } from "../../src/app/documents/ensure-convention-document.ts";
import { institutionClauses } from "../../src/app/documents/institution-clauses.ts";
import { previewConventionPdf } from "../../src/app/documents/preview-convention-pdf.ts";
import type { TDocumentDeps, TInstitution } from "../../src/app/ports/documents.ts";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TConversationDeps } from "../../src/app/ports/conversation-deps.ts";
import { decideStep } from "../../src/app/workflow/decide-step.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { createConventionStore } from "../../src/db/convention-store.ts";
import { createDocumentStore } from "../../src/db/document-store.ts";
import { createFormData } from "../../src/db/form-data.ts";
import { importCsv } from "../../src/db/import/import-csv.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import { createRulesFactsSource } from "../../src/db/rules-facts-source.ts";
import { seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { renderAvenantPdf, renderConventionPdf } from "../../src/pdf/render.ts";
import { DEMO, PSY, SCI } from "../support/demo.ts";
import { fillConvention, submitFromRecap, type TJourneyChoices } from "../support/journey.ts";
import { createTestDatabase } from "../support/test-database.ts";
import { bodyText } from "../unit/pdf/pdf-tools.ts";

// What the convention PDF records of its making (issue 14, items 16 to 18): who signs for the
// university (the institution's signatory, or a centre's delegation), who validated each step
// and when, and « Fait à …, le … » dated by the final validation.

const { lea: LEA, ines: INES, lambert: LAMBERT, cherif: CHERIF, garcia: GARCIA, fontaine: FONTAINE } = DEMO;
const START = new Date("2026-11-23T08:00:00Z");

describe("the convention PDF: signatory, validations, « Fait à »", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let core: TConversationDeps;
  let now = START;
  const clock = () => now;

  const institution: TInstitution = {
    name: "Université de démonstration",
    logo: null,
    clauses: institutionClauses(),
    signatory: { name: "Paul MOREAU", title: "Président de l'université" },
    city: "Marseille",
  };

  function documentDeps(chosen: TInstitution = institution): TDocumentDeps {
    return {
      conventions: createConventionStore(database.prisma),
      documents: createDocumentStore(database.prisma),
      formData: createFormData(database.prisma),
      renderer: { convention: renderConventionPdf, avenant: renderAvenantPdf },
      institution: chosen,
      clock,
      facts: createRulesFactsSource(database.prisma),
    };
  }

  async function decide(conventionId: number, email: string, step: "PEDAGOGIQUE" | "VERIFICATION_ADMINISTRATIVE" | "VALIDATION_ADMINISTRATIVE", at: string) {
    now = new Date(at);
    const { round } = await core.conventions.get(conventionId);
    await decideStep(core, await loadActorByEmail(database.prisma, email), { conventionId, round, step, decision: "VALIDATED" });
  }

  async function submitted(email: string, choices: TJourneyChoices): Promise<number> {
    now = START;
    const conventionId = await fillConvention(conversation, email, choices);
    await submitFromRecap(conversation, email, conventionId);
    return conventionId;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    core = createConversationDeps(database.prisma, clock);
    conversation = createConversation(core);
  });

  afterAll(async () => {
    await database.drop();
  });

  it("records each validation (step, who, when) and dates « Fait à » by the final one; the preview shows those made so far", async () => {
    const conventionId = await submitted(LEA, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    const lea = await loadActorByEmail(database.prisma, LEA);

    const draft = bodyText((await previewConventionPdf(documentDeps(), lea, conventionId)).content);
    expect(draft).toContain("Validations de la convention Aucune étape de validation n'est encore faite.");
    expect(draft).toContain("Fait à Marseille, le …………………………");

    // 09:15 UTC is 10:15 in Paris.
    await decide(conventionId, LAMBERT, "PEDAGOGIQUE", "2026-11-24T09:15:00Z");
    const midway = bodyText((await previewConventionPdf(documentDeps(), lea, conventionId)).content);
    expect(midway).toContain("Validations faites à ce jour");
    expect(midway).toContain("Validation pédagogique Sophie LAMBERT 24/11/2026 à 10:15");
    expect(midway).not.toContain("Isabelle GARCIA");
    expect(midway).toContain("Fait à Marseille, le …………………………");

    await decide(conventionId, GARCIA, "VALIDATION_ADMINISTRATIVE", "2026-12-01T15:40:00Z");
    const text = bodyText((await ensureConventionDocument(documentDeps(), conventionId)).document.content);
    const record = text.slice(text.indexOf("Validations de la convention"));
    expect(record).toContain("La convention a été validée, étape par étape");
    expect(record).toContain("Validation pédagogique Sophie LAMBERT 24/11/2026 à 10:15");
    expect(record).toContain("Validation administrative Isabelle GARCIA 01/12/2026 à 16:40");
    // Above the signatures, the place and the date of the final validation in French long form.
    const signatures = text.slice(text.lastIndexOf("Signatures"));
    expect(signatures).toContain("Fait à Marseille, le 1 décembre 2026.");
    expect(signatures.indexOf("Fait à Marseille")).toBeLessThan(signatures.indexOf("Le stagiaire"));
  });

  it("a refusal starts a new round: only the validations that stand are printed", async () => {
    const conventionId = await submitted(LEA, PSY({ dateDebut: "2027-03-01", dateFin: "2027-03-26" }));
    await decide(conventionId, LAMBERT, "PEDAGOGIQUE", "2026-11-24T09:00:00Z");
    now = new Date("2026-11-25T09:00:00Z");
    const garcia = await loadActorByEmail(database.prisma, GARCIA);
    const { round } = await core.conventions.get(conventionId);
    await decideStep(core, garcia, { conventionId, round, step: "VALIDATION_ADMINISTRATIVE", decision: "REFUSED", reason: "Dates à revoir" });
    await submitFromRecap(conversation, LEA, conventionId);
    await decide(conventionId, LAMBERT, "PEDAGOGIQUE", "2026-11-26T09:00:00Z");
    await decide(conventionId, GARCIA, "VALIDATION_ADMINISTRATIVE", "2026-11-27T09:00:00Z");
    const text = bodyText((await ensureConventionDocument(documentDeps(), conventionId)).document.content);
    expect(text).toContain("Validation pédagogique Sophie LAMBERT 26/11/2026 à 10:00");
    expect(text).not.toContain("24/11/2026");
    expect(text).toContain("Fait à Marseille, le 27 novembre 2026.");
  });

  it("names the university's signatory (UNIVERSITY_SIGNATORY_*) where the centre has no delegation, on the parties page and in the signatures", async () => {
    const conventionId = await submitted(INES, SCI({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    await decide(conventionId, FONTAINE, "VERIFICATION_ADMINISTRATIVE", "2026-11-24T09:00:00Z");
    await decide(conventionId, CHERIF, "PEDAGOGIQUE", "2026-11-25T09:00:00Z");
    await decide(conventionId, FONTAINE, "VALIDATION_ADMINISTRATIVE", "2026-11-26T09:00:00Z");
    const text = bodyText((await ensureConventionDocument(documentDeps(), conventionId)).document.content);
    expect(text).toContain("Représenté par Paul MOREAU — Président de l'université");
    const signatures = text.slice(text.lastIndexOf("Signatures"));
    expect(signatures).toContain("Pour l'établissement d'enseignement");
    expect(signatures).toContain("Paul MOREAU Président de l'université — Université de démonstration");
    expect(text).not.toContain("ou son délégataire");
    expect(text).toContain("Vérification administrative Élodie FONTAINE 24/11/2026 à 10:00");
  });

  it("a centre's delegation, set by the centres import, is printed instead; without any signatory the standard clause stays", async () => {
    const header = "code;name;email;steps;studentsMayRequestAvenant;signatoryName;signatoryTitle";
    const line = "DEMO-PSY;UFR Psychologie, Sciences sociales, Sciences de l'éducation;stages-psy@univ-demo.fr;PEDAGOGIQUE|VALIDATION_ADMINISTRATIVE;oui";
    const result = await importCsv(database.prisma, "centres", `${header}\n${line};Jeanne LEROY;Vice-présidente déléguée aux formations\n`);
    expect(result).toMatchObject({ ok: true });
    const conventionId = await submitted(LEA, PSY({ dateDebut: "2027-05-03", dateFin: "2027-05-28" }));
    await decide(conventionId, LAMBERT, "PEDAGOGIQUE", "2026-11-24T09:00:00Z");
    await decide(conventionId, GARCIA, "VALIDATION_ADMINISTRATIVE", "2026-11-25T09:00:00Z");
    const text = bodyText((await ensureConventionDocument(documentDeps(), conventionId)).document.content);
    expect(text).toContain("Représenté par Jeanne LEROY — Vice-présidente déléguée aux formations");
    expect(text.slice(text.lastIndexOf("Signatures"))).toContain("Jeanne LEROY Vice-présidente déléguée aux formations — Université");
    expect(text).not.toContain("Paul MOREAU");

    // A blank delegation in the file removes it: the institution has none configured either.
    await importCsv(database.prisma, "centres", `${header}\n${line};;\n`);
    const bare = { ...institution, signatory: null, city: null };
    const lea = await loadActorByEmail(database.prisma, LEA);
    const preview = bodyText((await previewConventionPdf(documentDeps(bare), lea, conventionId)).content);
    expect(preview).toContain("Représenté par Le président de l'université, ou son délégataire");
    expect(preview).toContain("Fait à ……………………, le 25 novembre 2026.");
  });
});
