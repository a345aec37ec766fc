import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCard } from "../../src/app/conversation/effects.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

// A person's home (Slack's App Home, Teams' personal tab) is the core's answer: what they own,
// then what waits for their decision when they decide. No adapter reads roles or types words.

const text = (cards: readonly TCard[]) => JSON.stringify(cards);

describe("the core's home of a person", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  const home = (email: string) => seeded.conversation.home({ platform: "SLACK", email });

  beforeAll(async () => {
    seeded = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z"));
  });

  afterAll(async () => {
    await seeded?.database.drop();
  });

  it("shows a student their conventions and « Nouvelle convention », and nothing to validate", async () => {
    const cards = await home("lea.martin@etu.univ-demo.fr");
    expect(cards).toHaveLength(1);
    expect(text(cards)).toContain("Mes conventions");
    expect(text(cards)).toContain("new_convention");
    expect(text(cards)).not.toContain("À valider");
  });

  it("shows a référent their (empty) list, then what waits for their decision, without a create button", async () => {
    const cards = await home("sophie.lambert@univ-demo.fr");
    expect(cards).toHaveLength(2);
    expect(text(cards.slice(0, 1))).toContain("Mes conventions");
    expect(text(cards)).not.toContain("new_convention");
    expect(text(cards.slice(1))).toContain("À valider");
  });

  it("shows a gestionnaire what waits in their centres", async () => {
    const cards = await home("isabelle.garcia@univ-demo.fr");
    expect(text(cards.slice(1))).toContain("À valider");
  });

  it("tells someone the directory does not know whom to contact", async () => {
    const cards = await home("inconnu@example.org");
    expect(cards).toHaveLength(1);
    expect(text(cards)).toContain("inconnu@example.org");
  });

  it("reads a number alone as « open mine » for a student and « find it » for staff (as /convention 123 did in Slack)", async () => {
    const ask = async (email: string, words: string) =>
      text(
        (await seeded.conversation.handle({ platform: "SLACK", email }, { kind: "message", text: words, conventionId: null })).flatMap((effect): TCard[] =>
          "card" in effect ? [effect.card] : [],
        ),
      );
    expect(await ask("isabelle.garcia@univ-demo.fr", "51928")).toContain("Résultats pour « 51928 »");
    expect(await ask("lea.martin@etu.univ-demo.fr", "51928")).not.toContain("Résultats pour");
  });
});
