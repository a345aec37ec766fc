import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText } from "../support/conversation-driver.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

// Each person's messages and cards are in their language, which they choose by typing it
// ("english", "français") on any channel (the playground's switch types it for them).

describe("the person's language", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  const EMAIL = "hugo.bernard@etu.univ-demo.fr";
  const say = async (text: string) =>
    (await seeded.conversation.handle({ platform: "WEB", email: EMAIL }, { kind: "message", text, conventionId: null }))
      .map((effect) => ("card" in effect ? cardText(effect.card) : ""))
      .join("\n");

  beforeAll(async () => {
    seeded = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z"));
  });

  afterAll(async () => {
    await seeded?.database.drop();
  });

  it("answers in English once the person types « english », and keeps it (saved), until « français »", async () => {
    expect(await say("aide")).toMatch(/Ce que vous pouvez m'écrire/);
    expect(await say("english")).toMatch(/I will answer in English/);
    expect(await say("aide")).not.toMatch(/Ce que vous pouvez m'écrire/);
    expect(await say("my conventions")).toMatch(/My conventions/);
    expect((await seeded.database.prisma.person.findUniqueOrThrow({ where: { email: EMAIL } })).locale).toBe("en");
    expect(await say("en français")).toMatch(/Je vous réponds désormais en français/);
    expect(await say("mes conventions")).toMatch(/Mes conventions/);
  });

  it("changes nobody else's language", async () => {
    await say("english");
    const other = await seeded.database.prisma.person.findUniqueOrThrow({ where: { email: "lea.martin@etu.univ-demo.fr" } });
    expect(other.locale).toBe("fr");
  });
});
