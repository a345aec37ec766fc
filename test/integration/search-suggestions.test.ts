import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { conversationDriver, effectOf, inputOf } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

type TChoice = { title: string; value: string };

// Issue 14, item 8: a typeahead lists its form's static choices and the searched ones together
// (Adaptive Cards, the playground): a record must read the same in both, or it shows twice.
describe("search suggestions show one suggestion per record, on the demo data", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let conventionId: number;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
    conventionId = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
  });

  afterAll(async () => {
    await database.drop();
  });

  it.each([
    ["etudiant", "cpamId", "cpam", "Bouches"],
    ["service", "serviceId", "services", "psychiatrie"],
    ["tuteur", "tuteurId", "contacts", "vidal"],
    ["signataire", "signataireId", "contacts", "directeur"],
    ["etablissement", "etablissementId", "etablissements", "hopitaux de marseille"],
    ["enseignant", "enseignantId", "enseignants", "lambert"],
  ] as const)("%s: %s reads the same in the form and in the %s search for « %s »", async (section, field, dataset, text) => {
    const lea = conversationDriver(conversation, DEMO.lea);
    const form = effectOf(await lea.act("open_section", { conventionId, section }), "form").card;
    const statics = (inputOf(form, field)?.choices ?? []) as TChoice[];
    const searched = await lea.search(dataset, text, { conventionId });
    expect(searched.length).toBeGreaterThan(0);
    const titlesByValue = new Map<string, Set<string>>();
    for (const choice of [...statics, ...searched]) titlesByValue.set(choice.value, (titlesByValue.get(choice.value) ?? new Set()).add(choice.title));
    const searchedValues = new Set(searched.map((choice) => choice.value));
    const twice = [...titlesByValue].filter(([value, titles]) => searchedValues.has(value) && titles.size > 1);
    expect(twice).toEqual([]);
    // The current answer is among the static choices, so it reads in the box before any search.
    const stored = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(statics.map((choice) => choice.value)).toContain(String(stored[field]));
  });
});
