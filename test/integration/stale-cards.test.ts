import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { shownText, conversationDriver, effectOf, executeActions } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, item 2: every card shows the actions its convention's state allows, and an old
// card's button answers with the current state.
describe("cards follow the convention's state", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
  });

  afterAll(async () => {
    await database.drop();
  });

  const text = shownText;
  const verbs = (card: unknown) => executeActions(card).map((action) => action.verb);

  it("an old récapitulatif's « Valider », a submitted then validated convention's récapitulatif and progress card", async () => {
    const conventionId = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    const lea = conversationDriver(conversation, DEMO.lea);
    const oldRecap = effectOf(await lea.act("show_recap", { conventionId }), "post").card;
    const validate = executeActions(oldRecap).find((action) => action.verb === "submit_convention");
    expect(validate).toBeDefined();
    await lea.act("submit_convention", validate?.data ?? {});
    const { numero } = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });

    // The old card's button again: the current state, not "modified meanwhile".
    const again = await lea.act("submit_convention", validate?.data ?? {});
    const answer = again.map((effect) => ("card" in effect ? text(effect.card) : "")).join("\n");
    expect(answer).toContain(`La convention n° ${numero} est déjà envoyée.`);
    expect(answer).toContain("En cours de validation");
    expect(answer).not.toMatch(/modifiée entre-temps|pas le droit/);
    expect(await database.prisma.convention.count({ where: { id: conventionId, state: "SUBMITTED" } })).toBe(1);

    const submittedProgress = text(effectOf(again, "progress").card);
    expect(submittedProgress).toContain("En cours de validation : la validation pédagogique attend l'enseignant référent.");
    expect(submittedProgress).not.toContain("puis validez la convention");
    expect(verbs(effectOf(await lea.act("show_recap", { conventionId }), "post").card)).not.toContain("submit_convention");

    for (const [email, step] of [
      [DEMO.lambert, "PEDAGOGIQUE"],
      [DEMO.garcia, "VALIDATION_ADMINISTRATIVE"],
    ] as const) {
      const { round } = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
      await conversationDriver(conversation, email).act("validate_step", { conventionId, round, step });
    }
    expect(await database.prisma.convention.count({ where: { id: conventionId, state: "VALIDATED" } })).toBe(1);

    const recap = effectOf(await lea.act("show_recap", { conventionId }), "post").card;
    expect(verbs(recap)).not.toContain("submit_convention");
    expect(text(recap)).not.toContain("Valider la convention");
    const progress = text(effectOf(await lea.say(`reprendre ${numero}`), "progress").card);
    expect(progress).toContain("Convention validée : elle ne change plus que par avenant.");
    expect(progress).not.toContain("puis validez la convention");
  });
});
