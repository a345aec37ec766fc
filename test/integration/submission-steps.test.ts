import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { cardText } from "../support/conversation-driver.ts";
import { DEMO, PSY, SCI } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, item 3: the submission message lists the centre's own steps, in its order.
describe("the message after submitting names the centre's steps", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
  });

  afterAll(async () => {
    await database.drop();
  });

  const posted = (effects: TEffect[]): string =>
    effects
      .filter((effect) => effect.kind === "post")
      .map((effect) => cardText(effect.card).replace(/\\(.)/g, "$1"))
      .join("\n");

  it("DEMO-PSY: two steps, the référent's then the administrative validation", async () => {
    const conventionId = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    const text = posted(await submitFromRecap(conversation, DEMO.lea, conventionId));
    expect(text).toContain("Elle part en validation, en 2 étapes, dans cet ordre : « Validation pédagogique », puis « Validation administrative ».");
    expect(text).not.toMatch(/vérification/i);
  });

  it("DEMO-SCI: three steps, in the centre's order, in the student's language", async () => {
    const centre = await database.prisma.centreGestion.findUniqueOrThrow({ where: { code: "DEMO-SCI" } });
    expect(centre.steps).toEqual(["VERIFICATION_ADMINISTRATIVE", "PEDAGOGIQUE", "VALIDATION_ADMINISTRATIVE"]);
    const conventionId = await fillConvention(conversation, DEMO.ines, SCI({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    await database.prisma.person.update({ where: { email: DEMO.ines }, data: { locale: "en" } });
    const text = posted(await submitFromRecap(conversation, DEMO.ines, conventionId));
    expect(text).toContain("in 3 steps, in this order: “Administrative check”, then “Academic validation”, then “Administrative validation”.");
  });
});
