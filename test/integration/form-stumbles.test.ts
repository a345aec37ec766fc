import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TCard } from "../../src/app/conversation/effects.ts";
import { conversationDriver, effectOf, executeActions, inputOf, shownText, submission } from "../support/conversation-driver.ts";
import { DEMO } from "../support/demo.ts";
import { stageInputs } from "../support/journey.ts";
import { createSeededConversation } from "../support/seeded-conversation.ts";
import type { createTestDatabase } from "../support/test-database.ts";

// Issue 14, items 5, 9, 10, 15: what people stumble on in the forms, on every channel (the core
// and the card builders they share).
describe("forms people can trust", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    ({ database, conversation } = await createSeededConversation(() => new Date("2026-11-28T10:00:00Z")));
  });

  afterAll(async () => {
    await database.drop();
  });

  async function stageForm(email: string): Promise<{ conventionId: number; form: TCard }> {
    const student = conversationDriver(conversation, email);
    const conventionId = effectOf(await student.say("nouvelle convention"), "progress").conventionId;
    return { conventionId, form: effectOf(await student.act("open_section", { conventionId, section: "stage" }), "form").card };
  }

  // Item 9.
  it("a refused stage save shows only the fields still empty as missing, and the figures of the dates and hours typed", async () => {
    const lea = conversationDriver(conversation, DEMO.lea);
    const { conventionId, form } = await stageForm(DEMO.lea);
    // 11/01/2027 – 26/03/2027, 35 h a week: 55 weekdays x 7 h = 385 h; the sujet is too long.
    const inputs = { ...stageInputs(form, { dateDebut: "2027-01-11", dateFin: "2027-03-26" }), sujet: "x".repeat(600), tempsTravailCode: "" };
    const refused = effectOf(await lea.act("save_section", submission(form, "save_section", inputs)), "form");
    const shown = shownText(refused.card);
    expect(shown).toContain("Champs obligatoires encore à renseigner : Temps de travail.");
    expect(shown).toContain("Durée effective du stage : 385 heures de présence, soit 55 jours de 7 heures ou 2,5 mois de 22 jours.");
    expect(shown).toContain("Calculée d'après les dates, les horaires et les interruptions : 385 heures.");
    expect(shown).toMatch(
      /La gratification est obligatoire au-delà de 308 heures \(2 mois\) de présence : ce stage en compte 385\. Le minimum légal est de 1[\s\u202f]732,50 €/,
    );
    // Nothing was saved.
    const stored = await database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(stored.dateDebut).toBeNull();
  });

  // Item 15.
  it("a refused établissement says its SIRET error once, under the field, without repeating the label", async () => {
    const hugo = conversationDriver(conversation, DEMO.hugo);
    const conventionId = effectOf(await hugo.say("nouvelle convention"), "progress").conventionId;
    const form = effectOf(await hugo.act("open_etablissement_create", { conventionId }), "form").card;
    const inputs = { raisonSociale: "Cabinet Dupont", siret: "12345678901234", addressLine: "1 rue de Rome", postalCode: "13001", city: "Marseille" };
    const refused = effectOf(await hugo.act("create_etablissement", submission(form, "create_etablissement", inputs)), "form");
    const checksum = "La clé de contrôle du SIRET ne correspond pas";
    const shown = shownText(refused.card);
    expect(shown.split(checksum).length - 1).toBe(1);
    expect(shown).not.toContain("« Numéro SIRET » :");
    expect(shown).toContain("5 réponses sont à corriger : voyez les messages sous les champs concernés.");
    // Slack shows this one under the input, which is labelled already.
    expect(refused.errors?.["siret"]).toMatch(new RegExp(`^${checksum}`));
  });

  it("a saved section counts what is left with plural rules, in French and English", async () => {
    const lea = conversationDriver(conversation, DEMO.lea);
    const { conventionId, form } = await stageForm(DEMO.lea);
    const all = stageInputs(form, { dateDebut: "2027-01-11", dateFin: "2027-03-26" });
    const saved = await lea.act("save_section", submission(form, "save_section", { ...all, tempsTravailCode: "" }));
    expect(saved.map((effect) => ("card" in effect ? shownText(effect.card) : "")).join("\n")).toContain(
      "Section « Stage » enregistrée. Il reste un champ obligatoire à remplir.",
    );
    await lea.say("english");
    const again = effectOf(await lea.act("open_section", { conventionId, section: "stage" }), "form").card;
    const two = await lea.act("save_section", submission(again, "save_section", { sujet: "", competences: "" }));
    expect(two.map((effect) => ("card" in effect ? shownText(effect.card) : "")).join("\n")).toContain(
      "Section “Internship” saved. 3 mandatory fields still to fill in.",
    );
    await lea.say("français");
  });

  // Item 5.
  it("the language model follows the stage's country: a contradicting choice is refused, saying which one; overseas is France", async () => {
    const ines = conversationDriver(conversation, DEMO.ines);
    const { conventionId, form } = await stageForm(DEMO.ines);
    const stage = stageInputs(form, { dateDebut: "2027-01-11", dateFin: "2027-02-26" });
    expect(effectOf(await ines.act("save_section", submission(form, "save_section", stage)), "close_form")).toBeDefined();
    const stored = () => database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect((await stored()).langue).toBe("FR");

    const etudiant = effectOf(await ines.act("open_section", { conventionId, section: "etudiant" }), "form").card;
    const refused = effectOf(await ines.act("save_section", submission(etudiant, "save_section", { langue: "EN_FR" })), "form");
    expect(shownText(refused.card)).toContain(
      "Le stage a lieu en « France » : la convention doit être « Français — stage en France ». Choisissez ce modèle, ou corrigez le pays dans la rubrique Stage.",
    );
    expect(refused.errors?.["langue"]).toMatch(/^Le stage a lieu en « France »/);
    expect((await stored()).langue).toBe("FR");

    // Nouvelle-Calédonie is France for the convention's language.
    const again = effectOf(await ines.act("open_section", { conventionId, section: "stage" }), "form").card;
    expect(effectOf(await ines.act("save_section", submission(again, "save_section", { paysIso2: "NC" })), "close_form")).toBeDefined();
    expect((await stored()).langue).toBe("FR");
    // Belgium is francophone: the French model for abroad, and « bilingue » is refused in English too.
    const third = effectOf(await ines.act("open_section", { conventionId, section: "stage" }), "form").card;
    await ines.act("save_section", submission(third, "save_section", { paysIso2: "BE" }));
    expect((await stored()).langue).toBe("FR_FRANCOPHONE");
    await ines.say("english");
    const inEnglish = effectOf(await ines.act("open_section", { conventionId, section: "etudiant" }), "form").card;
    const refusedEn = effectOf(await ines.act("save_section", submission(inEnglish, "save_section", { langue: "EN_FR" })), "form");
    expect(refusedEn.errors?.["langue"]).toBe(
      "The internship takes place in “Belgium”: the agreement must be “French — internship abroad in a French-speaking country”. Choose this model, or correct the country in the Internship section.",
    );
    await ines.say("français");
  });

  // Item 10.
  it("a section form closed without saving keeps what was typed aside, shows it again on reopening, and saves it only when asked", async () => {
    const hugo = conversationDriver(conversation, DEMO.hugo);
    const { conventionId, form } = await stageForm(DEMO.hugo);
    const typed = { sujet: "Étude des parcours de soins", dateDebut: "2027-01-11" };
    // « Annuler » (Teams, playground) and Slack's close (view_closed) send form_closed with the inputs.
    const closed = await hugo.act("form_closed", submission(form, "form_closed", typed));
    expect(closed.map((effect) => effect.kind)).toEqual(["close_form", "post"]);
    expect(closed.map((effect) => ("card" in effect ? shownText(effect.card) : "")).join("\n")).toContain(
      "Rubrique « Stage » fermée sans enregistrer : ce que vous avez saisi est gardé de côté, pas dans la convention.",
    );
    const stored = () => database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
    expect(await stored()).toMatchObject({ sujet: null, dateDebut: null });

    const reopened = effectOf(await hugo.act("open_section", { conventionId, section: "stage" }), "form").card;
    expect(inputOf(reopened, "sujet")?.["value"]).toBe("Étude des parcours de soins");
    expect(inputOf(reopened, "dateDebut")?.["value"]).toBe("2027-01-11");
    expect(shownText(reopened)).toMatch(/Reprise de ce que vous aviez saisi le \d{2}\/\d{2}\/\d{4} à \d{2}:\d{2} sans l'enregistrer/);

    // « Abandonner cette saisie »: the saved answers again.
    const discard = executeActions(reopened).find((action) => action.verb === "discard_form_draft");
    const fresh = effectOf(await hugo.act("discard_form_draft", discard?.data ?? {}), "form").card;
    expect(inputOf(fresh, "sujet")?.["value"]).toBe("");
    expect(shownText(fresh)).not.toContain("Reprise de ce que");

    // Kept again, then saved: in the convention, and the draft is gone.
    await hugo.act("form_closed", submission(fresh, "form_closed", typed));
    const again = effectOf(await hugo.act("open_section", { conventionId, section: "stage" }), "form").card;
    // A renderer sends the inputs as the card shows them: the kept answers.
    const shownInputs = { sujet: String(inputOf(again, "sujet")?.["value"]), dateDebut: String(inputOf(again, "dateDebut")?.["value"]) };
    expect(shownInputs).toEqual(typed);
    expect(effectOf(await hugo.act("save_section", submission(again, "save_section", shownInputs)), "close_form")).toBeDefined();
    expect((await stored()).sujet).toBe("Étude des parcours de soins");
    expect(await database.prisma.formDraft.count({ where: { conventionId } })).toBe(0);
    const last = effectOf(await hugo.act("open_section", { conventionId, section: "stage" }), "form").card;
    expect(shownText(last)).not.toContain("Reprise de ce que");

    // Closing without changing anything keeps nothing and says nothing.
    expect((await hugo.act("form_closed", submission(last, "form_closed", {}))).map((effect) => effect.kind)).toEqual(["close_form"]);
  });
});
