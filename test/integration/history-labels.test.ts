import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { cardText, conversationDriver, effectOf } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, item 1: the history reads as the person reads the convention, names and labels in
// their language, and lists only what changed.
describe("the history card, on the demo data", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let conventionId: number;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
    conventionId = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    await submitFromRecap(conversation, DEMO.lea, conventionId);
  });

  afterAll(async () => {
    await database.drop();
  });

  async function historyText(locale: "fr" | "en"): Promise<string> {
    await database.prisma.person.update({ where: { email: DEMO.garcia }, data: { locale } });
    try {
      const card = effectOf(await conversationDriver(conversation, DEMO.garcia).act("show_history", { conventionId }), "post").card;
      // The card's markdown escapes ( ) _ : read the text as the person does.
      return cardText(card).replace(/\\(.)/g, "$1");
    } finally {
      await database.prisma.person.update({ where: { email: DEMO.garcia }, data: { locale: "fr" } });
    }
  }

  it("answers « historique <n° > » where it was typed (the main conversation), a button in its convention's thread (issue 14, item 7)", async () => {
    const { numero } = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const garcia = conversationDriver(conversation, DEMO.garcia);
    const typed = effectOf(await garcia.say(`historique ${numero ?? 0}`), "post");
    expect(typed.conventionId).toBeNull();
    expect(cardText(typed.card)).toContain(String(numero));
    expect(effectOf(await garcia.act("show_history", { conventionId }), "post").conventionId).toBe(conventionId);
  });

  it("names the signataire, the référent, the formation and the country instead of their ids and codes", async () => {
    const stored = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const signataire = await database.prisma.contact.findUniqueOrThrow({ where: { id: stored.signataireId ?? -1 } });
    const text = await historyText("fr");
    const signataireName = `${signataire.lastName.toUpperCase()} ${signataire.firstName}`;
    expect(text).toContain(`Signataire\n(vide) → ${signataireName}`);
    expect(text).toContain("Enseignant référent\n(vide) → LAMBERT Sophie");
    expect(text).toContain("Formation\n(vide) → 3M127C - Master Psychologie");
    expect(text).toContain("Pays de la convention\n(vide) → France");
    expect(text).toContain("Type de convention\n(vide) → Formation initiale");
    // No id or code after an arrow on the fields that hold them, and no change that changed nothing.
    expect(text).not.toMatch(/^(Signataire|Enseignant référent|Formation|Tuteur professionnel|Service d'accueil)\n.*→ \d+$/mu);
    expect(text).not.toMatch(/→ FR$/mu);
    expect(text).not.toContain("FORMATION_INITIALE");
    expect(text).not.toContain("(vide) → (vide)");
  });

  it("reads in the reader's language", async () => {
    const text = await historyText("en");
    expect(text).toMatch(/→ France$/mu);
    expect(text).toMatch(/→ Initial education$/mu);
    expect(text).not.toContain("FORMATION_INITIALE");
  });
});
