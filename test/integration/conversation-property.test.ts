import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { SECTION_IDS, SECTIONS, sectionCompletion } from "../../src/domain/sections/index.ts";
import { conversationDriver, effectOf } from "../support/conversation-driver.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

const EMAIL = "camille.roux@etu.univ-demo.fr";

// What a hostile or buggy client may put in a form: any JSON-ish value, and plausible strings.
const anyValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", "true", "false", "35", "-4", "1e9", "2027-02-30", "2027-03-01", "abc", "0", "NaN", "4.555", "<script>"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
);

describe("random form submissions (property)", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let conventionId: number;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation());
    conventionId = effectOf(await conversationDriver(conversation, EMAIL).say("nouvelle convention"), "progress").conventionId;
  });

  afterAll(async () => {
    await database.drop();
  });

  it("stores a cleared yes/no flag as no (NOT NULL column), found by this property", async () => {
    const deps = createConversationDeps(database.prisma);
    const current = await deps.conventions.get(conventionId);
    const effects = await conversationDriver(conversation, EMAIL).act("save_section", {
      conventionId,
      section: "stage",
      version: current.version,
      travailNuit: null,
    });
    expect(effects.map((effect) => effect.kind)).toContain("close_form");
    expect((await deps.conventions.get(conventionId)).values.travailNuit).toBe(false);
  });

  it("never crash the core and never store an invalid value", async () => {
    const deps = createConversationDeps(database.prisma);
    const submissions = fc.constantFrom(...SECTION_IDS).chain((section) => {
      const fields = [...SECTIONS[section].fields, "interruptions.0.dateDebut", "interruptions.0.dateFin", "unknownField"];
      return fc.record({ section: fc.constant(section), inputs: fc.dictionary(fc.constantFrom(...fields), anyValue, { maxKeys: 8 }) });
    });
    await fc.assert(
      fc.asyncProperty(submissions, fc.boolean(), async ({ section, inputs }, staleVersion) => {
        const current = await deps.conventions.get(conventionId);
        const data = { ...inputs, conventionId, section, version: staleVersion ? current.version - 1 : current.version };
        const effects = await conversationDriver(conversation, EMAIL).act("save_section", data);
        expect(effects.length).toBeGreaterThan(0);
        const after = await deps.conventions.get(conventionId);
        for (const id of SECTION_IDS) expect(sectionCompletion(id, after.values).errors, id).toEqual([]);
        if (staleVersion) expect(after.version).toBe(current.version);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
