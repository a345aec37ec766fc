import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { cardText, conversationDriver, effectOf, submission } from "../support/conversation-driver.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

// Hostile input at the core's edge (issue 10, item 3): invisible characters PostgreSQL refuses
// (NUL: 22021; a lone UTF-16 half: invalid JSON) are taken out of what a person typed; ids beyond
// int4 name nothing. Each is answered, never thrown (a 500 / no answer at all before).

const STUDENT = "lea.martin@etu.univ-demo.fr";

describe("hostile input through the conversation core", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let conventionId: number;

  beforeAll(async () => {
    seeded = await createSeededConversation();
    conventionId = effectOf(await conversationDriver(seeded.conversation, STUDENT).say("nouvelle convention"), "progress").conventionId;
  });

  afterAll(async () => {
    await seeded.database.drop();
  });

  async function saveSujet(sujet: string): Promise<TEffect[]> {
    const student = conversationDriver(seeded.conversation, STUDENT);
    const form = effectOf(await student.act("open_section", { conventionId, section: "stage" }), "form").card;
    return student.act("save_section", submission(form, "save_section", { sujet }));
  }

  it.each([
    ["a NUL inside", "Bilans\u0000 psychologiques", "Bilans psychologiques"],
    ["a lone high surrogate", "Bilans \ud800psychologiques", "Bilans psychologiques"],
    ["a lone low surrogate", "Bilans \udc00psychologiques", "Bilans psychologiques"],
    ["control characters", "Bilans\u0007\u001b psychologiques", "Bilans psychologiques"],
    ["an emoji (a valid pair) is kept", "Bilans 🧠 psychologiques", "Bilans 🧠 psychologiques"],
    ["line breaks are kept", "Bilans\npsychologiques", "Bilans\npsychologiques"],
  ])("a sujet with %s is saved without the unwanted characters", async (_what, typed, saved) => {
    const effects = await saveSujet(typed);
    expect(effects.length).toBeGreaterThan(0);
    expect((await seeded.deps.conventions.get(conventionId)).values.sujet).toBe(saved);
  });

  it.each([
    ["open_convention", { conventionId: 3_000_000_000 }],
    ["open_convention", { conventionId: "3000000000" }],
    ["show_recap", { conventionId: 2_147_483_648 }],
    ["open_section", { conventionId: 3_000_000_000, section: "stage" }],
    ["show_history", { conventionId: 99_999_999_999 }],
  ] as const)("%s with an id beyond int4 is answered, not thrown", async (verb, data) => {
    const effects = await conversationDriver(seeded.conversation, STUDENT).act(verb, data);
    expect(effects.length).toBeGreaterThan(0);
    expect(effects.map((effect) => ("card" in effect ? cardText(effect.card) : "")).join(" ")).not.toMatch(/Prisma|invocation|int4|22003/);
  });

  it.each(["historique 3000000000", "reprendre 3000000000", "convention 99999999999"])("typed %s is answered, not thrown", async (text) => {
    const effects = await conversationDriver(seeded.conversation, STUDENT).say(text);
    expect(effects.length).toBeGreaterThan(0);
  });

  it("a message from a thread id beyond int4 is answered", async () => {
    const effects = await conversationDriver(seeded.conversation, STUDENT).say("aide", 3_000_000_000);
    expect(effects.length).toBeGreaterThan(0);
  });

  it("a search with a NUL is answered", async () => {
    await expect(conversationDriver(seeded.conversation, STUDENT).search("etablissements", "Cab\u0000inet", { conventionId })).resolves.toBeInstanceOf(Array);
  });
});
