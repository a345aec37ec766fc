import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cardText, conversationDriver } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

// A refused action leaves nothing behind (issue 10, item 5): a host record made from a convention
// is chosen for it at once, so whoever may no longer edit the convention is refused before any
// record is created. Before, the contact was created, then the choice refused: an orphan.

const DATES = { dateDebut: "2027-01-11", dateFin: "2027-02-26" };

describe("refused host creations create nothing", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let conventionId: number;
  let etablissementId: number;

  beforeAll(async () => {
    seeded = await createSeededConversation();
    conventionId = await fillConvention(seeded.conversation, DEMO.lea, PSY(DATES));
    await submitFromRecap(seeded.conversation, DEMO.lea, conventionId);
    const stored = await seeded.deps.conventions.get(conventionId);
    expect(stored.state).not.toBe("DRAFT");
    etablissementId = stored.values.etablissementId ?? 0;
  });

  afterAll(async () => {
    await seeded.database.drop();
  });

  const counts = async () => ({
    contacts: await seeded.database.prisma.contact.count(),
    services: await seeded.database.prisma.service.count(),
    etablissements: await seeded.database.prisma.etablissement.count(),
  });

  it.each([
    ["create_contact", { lastName: "Orphelin", firstName: "Paul" }],
    ["create_service", { name: "Service orphelin" }],
    [
      "create_etablissement",
      { raisonSociale: "Cabinet Orphelin", siret: "12345678901234", addressLine: "1 rue de Rome", postalCode: "13001", city: "Marseille" },
    ],
  ] as const)("%s on a submitted convention is refused and writes nothing", async (verb, inputs) => {
    const before = await counts();
    const effects = await conversationDriver(seeded.conversation, DEMO.lea).act(verb, { conventionId, etablissementId, forSection: "tuteur", ...inputs });
    expect(effects.map((effect) => ("card" in effect ? cardText(effect.card) : "")).join(" ")).toMatch(/pas le droit/);
    expect(await counts()).toEqual(before);
  });
});
