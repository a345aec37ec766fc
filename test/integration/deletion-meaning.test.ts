import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { shownText, conversationDriver, effectOf, executeActions } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, item 12: deletion offered only where the lifecycle allows it, and saying what it
// means at that point; a refusal that says why.
describe("deleting a convention says what it means", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
  });

  afterAll(async () => {
    await database.drop();
  });

  const text = shownText;

  async function refusedByReferent(dates: { dateDebut: string; dateFin: string }): Promise<{ conventionId: number; numero: number }> {
    const conventionId = await fillConvention(conversation, DEMO.lea, PSY(dates));
    await submitFromRecap(conversation, DEMO.lea, conventionId);
    const submitted = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    await conversationDriver(conversation, DEMO.lambert).act("refuse_step", {
      conventionId,
      round: submitted.round,
      step: "PEDAGOGIQUE",
      reason: "Précisez l'encadrement.",
    });
    const returned = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(returned.state).toBe("RETURNED");
    return { conventionId, numero: returned.numero ?? -1 };
  }

  it("a returned convention with its number: « Supprimer la convention », a confirmation that says the number is abandoned", async () => {
    const { conventionId, numero } = await refusedByReferent({ dateDebut: "2027-01-11", dateFin: "2027-02-26" });
    const lea = conversationDriver(conversation, DEMO.lea);
    const progress = effectOf(await lea.say(`reprendre ${numero}`), "progress").card;
    const titles = executeActions(progress).map((action) => action.title);
    expect(titles).toContain("Supprimer la convention");
    expect(titles).not.toContain("Supprimer le brouillon");

    const confirmation = effectOf(await lea.act("delete_convention", { conventionId }), "post").card;
    expect(text(confirmation)).toContain(`Supprimer la convention n° ${numero} ?`);
    expect(text(confirmation)).toContain(`son numéro n° ${numero} ne sera pas réutilisé`);
    expect(text(confirmation)).not.toContain("brouillon");

    const confirm = executeActions(confirmation).find((action) => action.verb === "confirm_delete");
    const done = await lea.act("confirm_delete", confirm?.data ?? {});
    expect(text(effectOf(done, "thread_closed").card)).toContain(`Convention n° ${numero} supprimée.`);
    expect(await database.prisma.convention.count({ where: { id: conventionId } })).toBe(0);
  });

  it("a draft keeps its words", async () => {
    const lea = conversationDriver(conversation, DEMO.lea);
    const progress = effectOf(await lea.say("nouvelle convention"), "progress");
    expect(executeActions(progress.card).map((action) => action.title)).toContain("Supprimer le brouillon");
    const confirmation = effectOf(await lea.act("delete_convention", { conventionId: progress.conventionId }), "post").card;
    expect(text(confirmation)).toContain("Supprimer ce brouillon ?");
  });

  it("a validated convention: the refusal says to ask for an un-validation first, in the student's language", async () => {
    const { conventionId } = await refusedByReferent({ dateDebut: "2027-03-01", dateFin: "2027-04-09" });
    await database.prisma.convention.update({ where: { id: conventionId }, data: { state: "VALIDATED", currentStep: null } });
    const lea = conversationDriver(conversation, DEMO.lea);
    const refusal = text(effectOf(await lea.act("delete_convention", { conventionId }), "post").card);
    expect(refusal).toContain("Une convention validée ne peut pas être supprimée : demandez d'abord à votre gestionnaire de la dévalider.");
    await database.prisma.person.update({ where: { email: DEMO.lea }, data: { locale: "en" } });
    try {
      const english = text(effectOf(await lea.act("delete_convention", { conventionId }), "post").card);
      expect(english).toContain("A validated convention cannot be deleted: ask your gestionnaire to un-validate it first.");
    } finally {
      await database.prisma.person.update({ where: { email: DEMO.lea }, data: { locale: "fr" } });
    }
  });
});
