import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { conversationDriver, effectOf, inputOf, shownText, submission } from "../support/conversation-driver.ts";
import { DEMO } from "../support/demo.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, item 11: the whole NAF rév. 2 (732 sous-classes), searched by code or by words.
describe("the NAF codes of a host", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
  });

  afterAll(async () => {
    await database.drop();
  });

  it("has the 732 sous-classes, a psychologist's practice among them", async () => {
    expect(await database.prisma.nafCode.count()).toBe(732);
    expect(await database.prisma.nafCode.findUnique({ where: { code: "86.90F" } })).toMatchObject({
      label: "Activités de santé humaine non classées ailleurs",
      section: "Q",
    });
  });

  it.each([
    ["86.90F", "86.90F"],
    ["8690f", "86.90F"],
    ["86 90 f", "86.90F"],
    ["santé humaine non classées", "86.90F"],
    ["SANTE HUMAINE NON CLASSEES AILLEURS", "86.90F"],
    ["programmation informatique", "62.01Z"],
    ["62.01", "62.01Z"],
  ])("« %s » finds %s first", async (text, code) => {
    const found = await conversationDriver(conversation, DEMO.hugo).search("naf", text);
    expect(found[0]?.value).toBe(code);
  });

  it("a prefix of a code lists its sous-classes in order", async () => {
    const found = await conversationDriver(conversation, DEMO.hugo).search("naf", "86.9");
    expect(found.map((choice) => choice.value)).toEqual(["86.90A", "86.90B", "86.90C", "86.90D", "86.90E", "86.90F"]);
    expect(found[5]?.title).toBe("86.90F — Activités de santé humaine non classées ailleurs");
  });

  it("the établissement form searches the NAF instead of listing it, and a psychologist's practice can be created", async () => {
    const hugo = conversationDriver(conversation, DEMO.hugo);
    const conventionId = effectOf(await hugo.say("nouvelle convention"), "progress").conventionId;
    const form = effectOf(await hugo.act("open_etablissement_create", { conventionId }), "form").card;
    const naf = inputOf(form, "nafCode");
    expect(naf).toMatchObject({ type: "Input.ChoiceSet", "choices.data": { type: "Data.Query", dataset: "naf" } });
    expect((naf?.["choices"] as unknown[]).length).toBe(0);

    // A refused form keeps the chosen code, shown with its label.
    const refused = effectOf(
      await hugo.act("create_etablissement", submission(form, "create_etablissement", { raisonSociale: "Cabinet de psychologie Durand", nafCode: "86.90F" })),
      "form",
    );
    expect(inputOf(refused.card, "nafCode")?.["choices"]).toEqual([{ title: "86.90F — Activités de santé humaine non classées ailleurs", value: "86.90F" }]);

    const created = await hugo.act(
      "create_etablissement",
      submission(refused.card, "create_etablissement", {
        raisonSociale: "Cabinet de psychologie Durand",
        typeStructureCode: "ENTREPRISE_INDIVIDUELLE",
        statutJuridiqueCode: "ENTREPRISE_INDIVIDUELLE",
        effectifCode: "EFF_1_9",
        nafCode: "86.90F",
        addressLine: "12 rue Paradis",
        postalCode: "13001",
        city: "Marseille",
      }),
    );
    expect(created.map((effect) => ("card" in effect ? shownText(effect.card) : effect.kind)).join("\n")).not.toMatch(/corriger/);
    expect(await database.prisma.etablissement.findFirst({ where: { raisonSociale: "Cabinet de psychologie Durand" } })).toMatchObject({ nafCode: "86.90F" });
  });
});
