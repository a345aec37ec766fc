import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversation } from "../../src/app/conversation/create-conversation.ts";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TCard } from "../../src/app/conversation/effects.ts";
import { createConversationDeps } from "../../src/composition/create-conversation-deps.ts";
import { createDatabase } from "../../src/db/create-database.ts";
import { DEMO_PEOPLE, seedDemo } from "../../src/db/seed/seed-demo.ts";
import { seedReferenceData } from "../../src/db/seed/seed-reference-data.ts";
import { conventionCompletion } from "../../src/domain/sections/index.ts";
import { cardText, choiceValue, conversationDriver, effectOf, executeActions, submission } from "../support/conversation-driver.ts";
import { STAGE_SUJET, stageInputs } from "../support/journey.ts";
import { createTestDatabase } from "../support/test-database.ts";

const clock = () => new Date("2026-11-28T10:00:00Z");
const lea = DEMO_PEOPLE.find((person) => person.email === "lea.martin@etu.univ-demo.fr")?.email ?? "";
const hugo = DEMO_PEOPLE.find((person) => person.email === "hugo.bernard@etu.univ-demo.fr")?.email ?? "";

const STAGE_DATES = { dateDebut: "2027-02-01", dateFin: "2027-06-30" };

describe("the student's journey through the conversation core", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedReferenceData(database.prisma);
    await seedDemo(database.prisma);
    conversation = createConversation(createConversationDeps(database.prisma, clock));
  });

  afterAll(async () => {
    await database.drop();
  });

  async function startDraft(email: string) {
    const effects = await conversationDriver(conversation, email).say("nouvelle convention");
    return effectOf(effects, "progress").conventionId;
  }

  async function openForm(email: string, conventionId: number, section: string): Promise<TCard> {
    return effectOf(await conversationDriver(conversation, email).act("open_section", { conventionId, section }), "form").card;
  }

  async function save(email: string, conventionId: number, section: string, inputs: (form: TCard) => Promise<Record<string, string>> | Record<string, string>) {
    const form = await openForm(email, conventionId, section);
    return conversationDriver(conversation, email).act("save_section", submission(form, "save_section", await inputs(form)));
  }

  async function stored(conventionId: number) {
    return createConversationDeps(database.prisma).conventions.get(conventionId);
  }

  it("fills all seven sections, sees every section complete, submits and gets a number", async () => {
    const student = conversationDriver(conversation, lea);
    const conventionId = await startDraft(lea);
    // Section 1 is prefilled from the directory.
    expect((await stored(conventionId)).values).toMatchObject({ etudiantLastName: "Martin", etudiantNumber: "22001234", heuresFormationPlus200: true });

    const first = await save(lea, conventionId, "etudiant", (form) => ({
      cpamId: choiceValue(form, "cpamId", "Bouches-du-Rhône"),
      inscriptionId: choiceValue(form, "inscriptionId", "3M127C"),
      elementPedagogiqueId: choiceValue(form, "elementPedagogiqueId", "3427BS07"),
      heuresFormationPlus200: "true",
      langue: "FR",
    }));
    expect(first.map((effect) => effect.kind)).toEqual(["close_form", "progress", "post"]);

    const hosts = await student.search("etablissements", "hopitaux de marseille");
    expect(hosts[0]?.title).toContain("Hôpitaux de Marseille");
    await save(lea, conventionId, "etablissement", () => ({ etablissementId: hosts[0]?.value ?? "" }));

    const services = await student.search("services", "psychiatrie", { conventionId });
    await save(lea, conventionId, "service", () => ({ serviceId: services[0]?.value ?? "" }));
    const tuteurs = await student.search("contacts", "psychologue", { conventionId });
    await save(lea, conventionId, "tuteur", () => ({ tuteurId: tuteurs[0]?.value ?? "" }));
    await save(lea, conventionId, "stage", (form) => stageInputs(form, STAGE_DATES));
    const teachers = await student.search("enseignants", "lambert");
    await save(lea, conventionId, "enseignant", () => ({ enseignantId: teachers[0]?.value ?? "" }));
    const signataires = await student.search("contacts", "directeur", { conventionId });
    const last = await save(lea, conventionId, "signataire", () => ({ signataireId: signataires[0]?.value ?? "" }));

    const completion = conventionCompletion((await stored(conventionId)).values);
    expect(Object.entries(completion.sections).filter(([, section]) => section.state !== "complete")).toEqual([]);
    const progress = effectOf(last, "progress").card;
    expect(executeActions(progress).filter((action) => action.verb === "open_section")).toHaveLength(7);

    const recap = effectOf(await student.act("show_recap", { conventionId }), "post").card;
    const validate = executeActions(recap).find((action) => action.verb === "submit_convention");
    expect(validate, cardText(recap)).toBeDefined();

    const submitted = await student.act("submit_convention", validate?.data ?? {});
    const after = await stored(conventionId);
    expect(after.state).toBe("SUBMITTED");
    expect(after.numero).toEqual(expect.any(Number));
    expect(after.currentStep).toBe("PEDAGOGIQUE");
    expect(cardText(effectOf(submitted, "post").card)).toContain(`n° ${after.numero}`);
    expect(cardText(effectOf(submitted, "progress").card)).toContain(String(after.numero));
  });

  it.each([
    ["end before start", { dateDebut: "2027-03-01", dateFin: "2027-02-01" }, "dateFin"],
    [
      "an interruption outside the internship",
      { "interruptions.0.dateDebut": "2027-09-01", "interruptions.0.dateFin": "2027-09-05" },
      "interruptions.0.dateFin",
    ],
    [
      "a gratification below the legal minimum when it is mandatory",
      { gratification: "true", gratificationMontant: "3", gratificationType: "NET", gratificationUnite: "HEURE", deviseCode: "EUR" },
      "gratificationMontant",
    ],
    ["hours that are not a number", { heuresHebdomadaires: "trente-cinq" }, "heuresHebdomadaires"],
  ])("refuses %s with the field's own message and leaves the draft as it was", async (_label, inputs, field) => {
    const conventionId = await startDraft(hugo);
    await save(hugo, conventionId, "stage", () => ({ dateDebut: "2027-02-01", dateFin: "2027-06-30", horairesReguliers: "true", heuresHebdomadaires: "35" }));
    const before = await stored(conventionId);

    const effects = await save(hugo, conventionId, "stage", () => inputs);
    const form = effectOf(effects, "form");
    expect(Object.keys(form.errors ?? {})).toContain(field);
    expect(form.errors?.[field]).toMatch(/\S{3,}/);
    expect(cardText(form.card)).toContain(form.errors?.[field] ?? "");
    const after = await stored(conventionId);
    expect(after.values).toEqual(before.values);
    expect(after.version).toBe(before.version);
  });

  it("shows in the stage form the minimum gratification in total and per month, and refuses a month one cent below it", async () => {
    // 1 Feb – 30 Jun 2027 at 35 h, 7 h a weekday: Feb 20, Mar 22 (23 − Easter Monday 29),
    // Apr 22, May 19 (21 − Ascension 6, Whit Monday 17), Jun 22 = 105 days = 735 h;
    // 735 × 4.50 = 3 307.50 € over 5 months = 661.50 € a month
    const conventionId = await startDraft(hugo);
    await save(hugo, conventionId, "stage", () => ({ dateDebut: "2027-02-01", dateFin: "2027-06-30", horairesReguliers: "true", heuresHebdomadaires: "35" }));
    const form = cardText(await openForm(hugo, conventionId, "stage"));
    expect(form).toMatch(/ce stage en compte 735\. Le minimum légal est de 3\s307,50\s€ au total, soit 661,50\s€ par mois sur 5 mois de stage\./u);

    const monthly = { gratification: "true", gratificationType: "BRUT", gratificationUnite: "MOIS", deviseCode: "EUR" };
    const refused = effectOf(await save(hugo, conventionId, "stage", () => ({ ...monthly, gratificationMontant: "661.49" })), "form");
    expect(refused.errors?.["gratificationMontant"]).toMatch(/Indiquez au moins 661,50\s€ par mois\./u);
    const accepted = await save(hugo, conventionId, "stage", () => ({ ...monthly, gratificationMontant: "661.50" }));
    expect(accepted.some((effect) => effect.kind === "form" && effect.errors !== undefined)).toBe(false);
    expect((await stored(conventionId)).values).toMatchObject({ gratificationMontant: 661.5, gratificationUnite: "MOIS" });
  });

  it("refuses 40 h a week for the minor student with the legal message", async () => {
    const minor = DEMO_PEOPLE.find((person) => person.email === "nathan.fabre@etu.univ-demo.fr")?.email ?? "";
    const conventionId = await startDraft(minor);
    const effects = await save(minor, conventionId, "stage", () => ({
      dateDebut: "2027-02-01",
      dateFin: "2027-03-31",
      horairesReguliers: "true",
      heuresHebdomadaires: "40",
    }));
    const form = effectOf(effects, "form");
    expect(form.errors?.heuresHebdomadaires).toMatch(/35/);
    expect((await stored(conventionId)).values.heuresHebdomadaires).toBeNull();
  });

  it("refuses an invalid SIRET when creating an établissement, and creates nothing", async () => {
    const conventionId = await startDraft(hugo);
    const count = await database.prisma.etablissement.count();
    const open = await conversationDriver(conversation, hugo).act("open_etablissement_create", { conventionId });
    const form = effectOf(open, "form").card;
    const effects = await conversationDriver(conversation, hugo).act(
      "create_etablissement",
      submission(form, "create_etablissement", {
        raisonSociale: "Cabinet Dupont",
        siret: "12345678901234",
        addressLine: "1 rue de Rome",
        postalCode: "13001",
        city: "Marseille",
      }),
    );
    expect(Object.keys(effectOf(effects, "form").errors ?? {})).toContain("siret");
    expect(await database.prisma.etablissement.count()).toBe(count);
  });

  it("shows what blocks submission when a mandatory field is empty", async () => {
    const conventionId = await startDraft(hugo);
    const draft = await stored(conventionId);
    const effects = await conversationDriver(conversation, hugo).act("submit_convention", { conventionId, version: draft.version });
    expect(cardText(effects[0] && "card" in effects[0] ? effects[0].card : {})).toMatch(/ne peut pas encore être validée/);
    expect((await stored(conventionId)).state).toBe("DRAFT");
  });

  it("deletes a draft only after a confirmation that says deletion is final", async () => {
    const student = conversationDriver(conversation, hugo);
    const conventionId = await startDraft(hugo);
    const asked = effectOf(await student.act("delete_convention", { conventionId }), "post").card;
    expect(cardText(asked)).toMatch(/définitive/);
    expect(await database.prisma.convention.count({ where: { id: conventionId } })).toBe(1);

    const confirm = executeActions(asked).find((action) => action.verb === "confirm_delete");
    const closed = await student.act("confirm_delete", confirm?.data ?? {});
    expect(effectOf(closed, "thread_closed").conventionId).toBe(conventionId);
    expect(await database.prisma.convention.count({ where: { id: conventionId } })).toBe(0);
    // Final: a second confirmation finds nothing to delete.
    expect(cardText(effectOf(await student.act("confirm_delete", confirm?.data ?? {}), "post").card)).toMatch(/introuvable/i);
  });

  it("never lets a student read or change another student's draft", async () => {
    const conventionId = await startDraft(lea);
    const intruder = conversationDriver(conversation, hugo);
    const before = await stored(conventionId);
    for (const [verb, data] of [
      ["open_convention", { conventionId }],
      ["open_section", { conventionId, section: "stage" }],
      ["save_section", { conventionId, version: before.version, section: "stage", sujet: "Piraté" }],
      ["show_recap", { conventionId }],
      ["delete_convention", { conventionId }],
      ["submit_convention", { conventionId, version: before.version }],
    ] as const) {
      const effects = await intruder.act(verb, data);
      expect(
        effects.map((effect) => effect.kind),
        verb,
      ).toEqual(["post"]);
      // Nothing said of a draft that is not theirs: the answer a missing convention gets (issue 14, item 14).
      expect(cardText(effectOf(effects, "post").card), verb).toMatch(/Convention introuvable/);
      expect(effectOf(effects, "post").conventionId, verb).toBeNull();
    }
    expect(await stored(conventionId)).toEqual(before);
    expect(await intruder.search("contacts", "", { conventionId })).toEqual([]);
  });

  it("keeps a draft through a server restart with every answer intact", async () => {
    const conventionId = await startDraft(lea);
    await save(lea, conventionId, "stage", (form) => ({
      ...stageInputs(form, STAGE_DATES),
      "interruptions.0.dateDebut": "2027-04-12",
      "interruptions.0.dateFin": "2027-04-16",
    }));
    const before = await stored(conventionId);

    // A new process: its own connection pool and core, on the same PostgreSQL database.
    const restarted = await createDatabase({ databaseUrl: database.url, poolSize: 2 });
    try {
      expect(restarted.migrations.applied).toEqual([]);
      const again = createConversation(createConversationDeps(restarted.prisma, clock));
      const progress = effectOf(await conversationDriver(again, lea).say(`reprendre ${conventionId}`), "progress");
      expect(progress.conventionId).toBe(conventionId);
      const after = await createConversationDeps(restarted.prisma).conventions.get(conventionId);
      expect(after.values).toEqual(before.values);
      expect(after.values.interruptions).toEqual([{ dateDebut: "2027-04-12", dateFin: "2027-04-16" }]);
      expect(after.values.sujet).toBe(STAGE_SUJET);
    } finally {
      await restarted.close();
    }
  });

  it("answers an unknown person with whom to contact, and creates nothing", async () => {
    const count = await database.prisma.convention.count();
    const effects = await conversationDriver(conversation, "inconnu@example.com").say("nouvelle convention");
    expect(cardText(effectOf(effects, "post").card)).toMatch(/service des stages/);
    expect(await database.prisma.convention.count()).toBe(count);
    expect(await database.prisma.person.count({ where: { email: "inconnu@example.com" } })).toBe(0);
  });

  it("understands typed words in French and English", async () => {
    const student = conversationDriver(conversation, hugo);
    expect(cardText(effectOf(await student.say("aide"), "post").card)).toMatch(/nouvelle convention/);
    // The list itself, not the help card (its title "vos conventions de stage" matched /conventions/).
    const list = cardText(effectOf(await student.say("my conventions"), "post").card);
    expect(list).toContain("Mes conventions");
    expect(list).not.toContain("vos conventions de stage");
    const conventionId = await startDraft(hugo);
    expect(effectOf(await student.say("resume"), "progress").conventionId).toBe(conventionId);
  });
});
