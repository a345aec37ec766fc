import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { conversationDriver, executeActions, shownText } from "../support/conversation-driver.ts";
import { DEMO, PSY } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, item 14: staff read staff words (no « Nouvelle convention » meant for students), and
// a refusal on a convention someone may not see creates nothing and reveals nothing: the same
// answer, in the main conversation, as for a convention that does not exist.

const STUDENT_HINTS = /nouvelle convention|créez|commencez-en une/i;

function texts(effects: readonly TEffect[]): string {
  return effects.map((effect) => ("card" in effect ? shownText(effect.card) : "")).join("\n");
}

/** What a person sees, with each post's thread. */
function posts(effects: readonly TEffect[]): Array<{ conventionId: number | null; text: string }> {
  return effects.flatMap((effect) => (effect.kind === "post" ? [{ conventionId: effect.conventionId, text: shownText(effect.card) }] : []));
}

describe("staff wording and refusals that reveal nothing", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let conventionId: number;
  let numero: number;
  let missingId: number;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
    conventionId = await fillConvention(conversation, DEMO.lea, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    await submitFromRecap(conversation, DEMO.lea, conventionId);
    numero = (await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).numero ?? 0;
    missingId = conventionId + 1000;
  });

  afterAll(async () => {
    await database.drop();
  });

  it.each([DEMO.garcia, DEMO.lambert, DEMO.petit])(
    "%s: help, the words not understood, « mes conventions » and « nouvelle convention » speak to staff",
    async (email) => {
      const person = conversationDriver(conversation, email);
      const help = await person.say("aide");
      expect(texts(help)).toContain("les conventions que vous suivez");
      expect(texts(help)).toContain("« à valider »");
      expect(texts(help)).not.toMatch(STUDENT_HINTS);
      expect(help.flatMap((effect) => ("card" in effect ? executeActions(effect.card).map((action) => action.verb) : []))).toEqual(["to_validate"]);

      const unknown = texts(await person.say("blabla"));
      expect(unknown).toContain("Tapez « à valider »");
      expect(unknown).not.toMatch(STUDENT_HINTS);

      const list = texts(await person.say("mes conventions"));
      expect(list).toContain("Vous n'avez pas de convention à votre nom");
      expect(list).not.toMatch(STUDENT_HINTS);

      const created = await person.say("nouvelle convention");
      expect(texts(created)).toContain("Les conventions sont créées par les étudiants eux-mêmes");
      expect(texts(created)).not.toContain("Seul l'étudiant");
    },
  );

  it("a student keeps the student's words", async () => {
    const lea = conversationDriver(conversation, DEMO.lea);
    expect(texts(await lea.say("aide"))).toContain("« nouvelle convention »");
  });

  it.each([
    ["open_convention", (id: number) => ({ conventionId: id })],
    ["show_history", (id: number) => ({ conventionId: id })],
    ["open_refuse", (id: number) => ({ conventionId: id, round: 1, step: "PEDAGOGIQUE" })],
    ["open_unvalidate", (id: number) => ({ conventionId: id })],
  ] as const)("a gestionnaire of another centre: %s on an existing convention answers as on a missing one, in the main conversation", async (verb, data) => {
    const mansouri = conversationDriver(conversation, DEMO.mansouri);
    const before = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    const existing = posts(await mansouri.act(verb, data(conventionId)));
    const missing = posts(await mansouri.act(verb, data(missingId)));
    expect(existing).toEqual(missing);
    expect(existing).toEqual([{ conventionId: null, text: expect.stringContaining("Convention introuvable.") as string }]);
    expect(existing[0]?.text).not.toMatch(/autre centre|relève/);
    expect(await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } })).toEqual(before);
  });

  it("typed numbers: « historique <n°> » of another centre's convention reads as a number that does not exist", async () => {
    const mansouri = conversationDriver(conversation, DEMO.mansouri);
    const foreign = posts(await mansouri.say(`historique ${numero}`));
    const none = posts(await mansouri.say("historique 99999"));
    expect(foreign).toEqual(none);
    expect(foreign[0]).toMatchObject({ conventionId: null });
    expect(foreign[0]?.text).not.toMatch(STUDENT_HINTS);
  });

  it("another student clicking on Léa's convention is answered as for a missing one, with no thread", async () => {
    const hugo = conversationDriver(conversation, DEMO.hugo);
    const existing = posts(await hugo.act("open_convention", { conventionId }));
    expect(existing).toEqual(posts(await hugo.act("open_convention", { conventionId: missingId })));
    expect(existing).toEqual([{ conventionId: null, text: expect.stringContaining("Convention introuvable.") as string }]);
    expect(existing[0]?.text).not.toContain("n'est pas la vôtre");
  });

  it("someone who may see the convention still gets the precise refusal in its thread", async () => {
    const lea = conversationDriver(conversation, DEMO.lea);
    const refused = posts(await lea.act("open_unvalidate", { conventionId }));
    expect(refused).toEqual([{ conventionId, text: expect.stringContaining("Seul un gestionnaire") as string }]);
  });
});
