import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { proposeEtablissementChange } from "../../src/app/hosts/propose-etablissement-change.ts";
import { helpCard } from "../../src/cards/index.ts";
import { loadActorByEmail } from "../../src/db/load-actor.ts";
import type { TActor } from "../../src/domain/permissions.ts";
import { conversationDriver, effectOf, executeActions, shownText, submission } from "../support/conversation-driver.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";

const GESTIONNAIRE = "karim.mansouri@univ-demo.fr";
const STUDENT = "ines.haddad@etu.univ-demo.fr";

/** The card of that proposal among the effects (posted once, then updated in place by its key). */
function proposalCardOf(effects: TEffect[], proposalId: number) {
  const found = effects.find((effect) => effect.kind === "notify" && effect.key === `etablissement-proposal:${proposalId}`);
  if (found?.kind !== "notify") throw new Error(`no card for proposal ${proposalId} among ${effects.map((effect) => effect.kind).join(", ")}`);
  return found;
}

describe("« propositions »: gestionnaires moderate établissement proposals from the chat (real PostgreSQL)", () => {
  let seeded: Awaited<ReturnType<typeof createSeededConversation>>;
  let student: TActor;
  let gestionnaire: TActor;
  let hostId: number;

  beforeAll(async () => {
    seeded = await createSeededConversation();
    student = await loadActorByEmail(seeded.database.prisma, STUDENT);
    gestionnaire = await loadActorByEmail(seeded.database.prisma, GESTIONNAIRE);
    hostId = (await seeded.database.prisma.etablissement.findFirstOrThrow({ where: { raisonSociale: "Calanques Numériques" } })).id;
  });

  afterAll(async () => {
    await seeded?.database.drop();
  });

  const propose = async (changes: Record<string, string>) => (await proposeEtablissementChange(seeded.deps, student, hostId, changes)).proposalId;
  const outboxOf = async (proposalId: number) =>
    (await seeded.database.prisma.outboxMessage.findMany({ where: { kind: "etablissement_proposal_decided" } })).filter(
      (row) => (row.payload as { proposalId: number }).proposalId === proposalId,
    );

  it("lists the pending proposal with the établissement, the proposer, old → new and its age, with Appliquer and Refuser", async () => {
    const before = (await seeded.database.prisma.etablissement.findUniqueOrThrow({ where: { id: hostId } })).phone;
    const proposalId = await propose({ phone: "04 91 11 22 33" });
    const effects = await conversationDriver(seeded.conversation, GESTIONNAIRE).say("propositions");
    expect(shownText(effectOf(effects, "post").card)).toMatch(/propositions? de modification d'établissement/u);
    const card = proposalCardOf(effects, proposalId);
    expect(card.personId).toBe(gestionnaire.personId);
    const shown = shownText(card.card);
    expect(shown).toContain("Calanques Numériques");
    expect(shown).toContain("Inès Haddad");
    expect(shown).toContain("Téléphone");
    expect(shown).toContain(`${before === null ? "(vide)" : `« ${before} »`} → « 04 91 11 22 33 »`);
    expect(shown).toContain("aujourd'hui");
    expect(executeActions(card.card).map((action) => action.title)).toEqual(["Appliquer", "Refuser"]);
    // The English alias, in English for someone who reads English.
    await seeded.deps.directory.setLocale(gestionnaire.personId, "en");
    const english = await conversationDriver(seeded.conversation, GESTIONNAIRE).say("Proposals");
    expect(executeActions(proposalCardOf(english, proposalId).card).map((action) => action.title)).toEqual(["Apply", "Refuse"]);
    await seeded.deps.directory.setLocale(gestionnaire.personId, "fr");
  });

  it("Appliquer changes the établissement, updates the card in place and notifies the proposer; a second click answers who decided", async () => {
    const proposalId = await propose({ website: "https://calanques.example" });
    const driver = conversationDriver(seeded.conversation, GESTIONNAIRE);
    const apply = executeActions(proposalCardOf(await driver.say("propositions"), proposalId).card).find((action) => action.title === "Appliquer");
    const effects = await driver.act("apply_etablissement_proposal", apply?.data ?? {});
    expect((await seeded.database.prisma.etablissement.findUniqueOrThrow({ where: { id: hostId } })).website).toBe("https://calanques.example");
    const updated = proposalCardOf(effects, proposalId);
    expect(shownText(updated.card)).toContain("Appliquée par Karim Mansouri");
    expect(executeActions(updated.card)).toEqual([]);
    const [message] = await outboxOf(proposalId);
    expect(message).toMatchObject({ recipientId: student.personId });
    expect(message?.payload).toMatchObject({ decision: "APPLIED", deciderId: gestionnaire.personId });
    const again = await driver.act("apply_etablissement_proposal", apply?.data ?? {});
    expect(again.map((effect) => shownText("card" in effect ? effect.card : {})).join("\n")).toContain("déjà été appliquée par Karim Mansouri");
    expect(shownText(proposalCardOf(again, proposalId).card)).toContain("Appliquée par Karim Mansouri");
    expect(await outboxOf(proposalId)).toHaveLength(1);
    expect((await driver.say("propositions")).some((effect) => effect.kind === "notify" && effect.key === `etablissement-proposal:${proposalId}`)).toBe(false);
  });

  it("Refuser asks the reason: empty names the field and changes nothing; with a reason, it is recorded and the card updated", async () => {
    const proposalId = await propose({ email: "contact@calanques.example" });
    const driver = conversationDriver(seeded.conversation, GESTIONNAIRE);
    const refuse = executeActions(proposalCardOf(await driver.say("propositions"), proposalId).card).find((action) => action.title === "Refuser");
    const form = effectOf(await driver.act("open_refuse_etablissement_proposal", refuse?.data ?? {}), "form");
    const empty = effectOf(
      await driver.act("refuse_etablissement_proposal", submission(form.card, "refuse_etablissement_proposal", { reason: "   " })),
      "form",
    );
    expect(empty.errors?.reason).toBe("« Motif du refus » : ce champ est obligatoire.");
    expect(shownText(empty.card)).toContain("« Motif du refus » : ce champ est obligatoire.");
    expect(await seeded.database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "PENDING" });
    const reason = "Adresse générique, demandez celle du service RH.";
    const done = await driver.act("refuse_etablissement_proposal", submission(form.card, "refuse_etablissement_proposal", { reason }));
    expect(done.map((effect) => effect.kind)).toContain("close_form");
    expect(shownText(proposalCardOf(done, proposalId).card)).toContain("Refusée par Karim Mansouri");
    const row = await seeded.database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(row).toMatchObject({ status: "REJECTED", rejectionReason: reason, decidedById: gestionnaire.personId });
    expect((await seeded.database.prisma.etablissement.findUniqueOrThrow({ where: { id: hostId } })).email).not.toBe("contact@calanques.example");
    const [message] = await outboxOf(proposalId);
    expect(message?.payload).toMatchObject({ decision: "REJECTED", reason });
  });

  it("a student typing « propositions » gets the staff-only refusal; the staff help names the command", async () => {
    const effects = await conversationDriver(seeded.conversation, STUDENT).say("propositions");
    expect(effects).toHaveLength(1);
    const shown = shownText(effectOf(effects, "post").card);
    expect(shown).toContain("Seuls les gestionnaires d'un centre de gestion et les administrateurs examinent les propositions");
    expect(shown).not.toContain("Calanques");
    const proposalId = await propose({ city: "Cassis" });
    const click = await conversationDriver(seeded.conversation, STUDENT).act("apply_etablissement_proposal", { proposalId });
    expect(shownText(effectOf(click, "post").card)).toContain("Seuls les gestionnaires");
    expect(await seeded.database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "PENDING" });
    // A gestionnaire of another centre (psychologie) neither sees it nor decides it.
    const other = conversationDriver(seeded.conversation, "isabelle.garcia@univ-demo.fr");
    expect((await other.say("propositions")).some((effect) => effect.kind === "notify" && effect.key === `etablissement-proposal:${proposalId}`)).toBe(false);
    const otherClick = await other.act("apply_etablissement_proposal", { proposalId });
    expect(shownText(effectOf(otherClick, "post").card)).toBe(
      `La proposition de modification n° ${proposalId} n'existe pas ou ne concerne pas vos centres de gestion : rien n'a changé.`,
    );
    expect(shownText(effectOf(await other.act("apply_etablissement_proposal", { proposalId: 999_999 }), "post").card)).toBe(
      "La proposition de modification n° 999999 n'existe pas ou ne concerne pas vos centres de gestion : rien n'a changé.",
    );
    expect(await seeded.database.prisma.etablissementProposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "PENDING" });
    expect(shownText(helpCard("fr", "staff"))).toContain("« propositions » ou « proposals »");
    expect(shownText(helpCard("en", "staff"))).toContain("“proposals” or “propositions”");
  });
});
