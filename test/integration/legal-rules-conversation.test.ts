// Issue 15: the legal rules' new findings reach the student through the conversation core
// (real PostgreSQL, the demo university), localised and next to the field they concern.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCard } from "../../src/app/conversation/effects.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { DEMO_PEOPLE } from "../../src/db/seed/seed-demo.ts";
import { conversationDriver, effectOf, shownText, submission } from "../support/conversation-driver.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

const clock = () => new Date("2026-11-28T10:00:00Z");
const emailOf = (address: string) => DEMO_PEOPLE.find((person) => person.email === address)?.email ?? "";
// 17 on 1 Dec 2026, 18 on 14 Mar 2027 (demo-people.ts).
const nathan = emailOf("nathan.fabre@etu.univ-demo.fr");
const hugo = emailOf("hugo.bernard@etu.univ-demo.fr");

describe("legal rules through the conversation core", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(clock));
  });

  afterAll(async () => {
    await database.drop();
  });

  async function startDraft(email: string): Promise<number> {
    return effectOf(await conversationDriver(conversation, email).say("nouvelle convention"), "progress").conventionId;
  }

  async function openForm(email: string, conventionId: number, section: string): Promise<TCard> {
    return effectOf(await conversationDriver(conversation, email).act("open_section", { conventionId, section }), "form").card;
  }

  async function save(email: string, conventionId: number, section: string, inputs: Record<string, string>) {
    const form = await openForm(email, conventionId, section);
    return conversationDriver(conversation, email).act("save_section", submission(form, "save_section", inputs));
  }

  const stored = (conventionId: number) => createConversationDeps(database.prisma).conventions.get(conventionId);

  it("counts Monday to Friday unless « Samedis travaillés » is ticked", async () => {
    const conventionId = await startDraft(hugo);
    // 1–26 Mar 2027, 35 h a week: 20 weekdays × 7 h = 140 h (no holiday; Easter Monday is 29 March)
    const stage = { dateDebut: "2027-03-01", dateFin: "2027-03-26", horairesReguliers: "true", heuresHebdomadaires: "35" };
    await save(hugo, conventionId, "stage", stage);
    expect((await stored(conventionId)).dureeEffectiveCalculee).toBe(140);
    // With the Saturdays 6, 13 and 20 March: 23 days × 35 / 6 h = 134.1666… → 134.17 h
    await save(hugo, conventionId, "stage", { ...stage, samedisTravailles: "true" });
    const saved = await stored(conventionId);
    expect(saved.values.samedisTravailles).toBe(true);
    expect(saved.dureeEffectiveCalculee).toBe(134.17);
  });

  it("refuses Saturdays for a minor, naming the field and the law, and saves nothing", async () => {
    const conventionId = await startDraft(nathan);
    // 1 Feb – 31 Mar 2027, 30 h over Monday–Saturday: each week rests on Sunday alone. The weeks
    // beginning before the 18th birthday (14 March): 1, 8, 15, 22 Feb, 1 and 8 Mar = 6 weeks.
    const effects = await save(nathan, conventionId, "stage", {
      dateDebut: "2027-02-01",
      dateFin: "2027-03-31",
      horairesReguliers: "true",
      heuresHebdomadaires: "30",
      samedisTravailles: "true",
    });
    const form = effectOf(effects, "form");
    expect(form.errors?.samedisTravailles).toBe(
      "Un(e) stagiaire mineur(e) (17 ans) a droit chaque semaine à deux jours de repos consécutifs (article L3164-2 du code du travail) : " +
        "la semaine du 01/02/2027 n'en laisse pas (6 semaine(s) en tout). Décochez « Samedis travaillés » ou retirez une autre journée de présence.",
    );
    expect(shownText(form.card)).toContain("Samedis travaillés");
    const after = await stored(conventionId);
    expect(after.values.samedisTravailles).toBe(false);
    expect(after.values.dateDebut).toBeNull();
    // Monday to Friday is accepted.
    const accepted = await save(nathan, conventionId, "stage", {
      dateDebut: "2027-02-01",
      dateFin: "2027-03-31",
      horairesReguliers: "true",
      heuresHebdomadaires: "30",
    });
    expect(accepted.some((effect) => effect.kind === "form" && effect.errors !== undefined)).toBe(false);
    expect((await stored(conventionId)).values.dateDebut).toBe("2027-02-01");
  });

  it("warns at 199 training hours, refuses below 200 once the centre makes it blocking, accepts 200 (D124-2)", async () => {
    const conventionId = await startDraft(hugo);
    // A draft's centre is its formation's (the convention's own is set at submission).
    const { inscriptionId } = (await stored(conventionId)).values;
    const inscription = await database.prisma.inscription.findUniqueOrThrow({ where: { id: inscriptionId ?? 0 }, include: { formation: true } });
    const centreId = inscription.formation.centreId;
    const inputs = { heuresFormationPlus200: "false", heuresFormation: "199" };
    // Without the setting: 199 < 200 is a warning, the answer is saved.
    const warned = await save(hugo, conventionId, "etudiant", inputs);
    expect(warned.some((effect) => effect.kind === "form" && effect.errors !== undefined)).toBe(false);
    expect((await stored(conventionId)).values.heuresFormation).toBe(199);
    // The centre refuses it: the same answer is refused next to the field, naming it.
    await database.prisma.centreGestion.update({ where: { id: centreId }, data: { refuseTrainingHoursBelow200: true } });
    const refused = effectOf(await save(hugo, conventionId, "etudiant", { ...inputs, heuresFormation: "150" }), "form");
    expect(refused.errors?.heuresFormation).toBe(
      "La formation compte 150 heures d'enseignement par année, moins que les 200 heures qu'exige un stage intégré à un cursus (article D124-2) : " +
        "votre centre de gestion n'accepte pas de convention dans ce cas. Corrigez le « Nombre d'heures de formation » ou cochez « Plus de 200 heures » si la formation les atteint.",
    );
    expect((await stored(conventionId)).values.heuresFormation).toBe(199);
    // 200 is accepted.
    const accepted = await save(hugo, conventionId, "etudiant", { ...inputs, heuresFormation: "200" });
    expect(accepted.some((effect) => effect.kind === "form" && effect.errors !== undefined)).toBe(false);
    expect((await stored(conventionId)).values.heuresFormation).toBe(200);
    await database.prisma.centreGestion.update({ where: { id: centreId }, data: { refuseTrainingHoursBelow200: false } });
  });

  it("removes Good Friday from the durée effective of an internship in Strasbourg, and only there (L3134-13)", async () => {
    const strasbourg = await database.prisma.etablissement.create({
      data: { raisonSociale: "Clinique de l'Orangerie", normalizedName: "clinique de l orangerie", postalCode: "67000", city: "Strasbourg" },
    });
    const paris = await database.prisma.etablissement.create({
      data: { raisonSociale: "Clinique du Louvre", normalizedName: "clinique du louvre", postalCode: "75001", city: "Paris" },
    });
    // 22–26 Mar 2027, 35 h: Good Friday is 26 March 2027 (Easter on the 28th), the last day.
    const stage = { dateDebut: "2027-03-22", dateFin: "2027-03-26", horairesReguliers: "true", heuresHebdomadaires: "35" };
    const conventionId = await startDraft(hugo);
    await save(hugo, conventionId, "etablissement", { etablissementId: String(paris.id) });
    await save(hugo, conventionId, "stage", stage);
    // Paris: 5 days × 7 h = 35 h
    expect((await stored(conventionId)).dureeEffectiveCalculee).toBe(35);
    // Moving the host to Strasbourg recomputes it without the stage being saved again: 4 days × 7 h = 28 h
    await save(hugo, conventionId, "etablissement", { etablissementId: String(strasbourg.id) });
    expect((await stored(conventionId)).values.etablissementId).toBe(strasbourg.id);
    expect((await stored(conventionId)).dureeEffectiveCalculee).toBe(28);
    // The stage form shows the student the figure of the rules
    expect(shownText(await openForm(hugo, conventionId, "stage"))).toMatch(/28 heures/);
  });
});
