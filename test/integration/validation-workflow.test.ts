import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TEffect } from "../../src/app/conversation/effects.ts";
import { formatDateTime } from "../../src/app/workflow/format-date-time.ts";
import { cardText, conversationDriver, effectOf, executeActions } from "../support/conversation-driver.ts";
import { DEMO, PSY, SCI } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import type { createTestDatabase } from "../support/test-database.ts";
import { createWorkflowHarness } from "../support/workflow-harness.ts";

const { lea: LEA, ines: INES, lambert: LAMBERT, girard: GIRARD, cherif: CHERIF, garcia: GARCIA, fontaine: FONTAINE, mansouri: MANSOURI } = DEMO;

describe("validation workflow through the core, with the outbox delivered", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let inbox: Map<number, TEffect[]>;
  let deliverAll: () => Promise<number>;
  let personId: (email: string) => Promise<number>;

  beforeAll(async () => {
    ({ database, conversation, inbox, deliverAll, personId } = await createWorkflowHarness(() => new Date("2026-11-28T10:00:00Z")));
  });

  afterAll(async () => {
    await database.drop();
  });

  /** The latest approval card `email` received for a convention (cards are updated in place by key). */
  async function approvalOf(email: string, conventionId: number) {
    const id = await personId(email);
    const cards = (inbox.get(id) ?? []).filter(
      (effect): effect is Extract<TEffect, { kind: "notify" }> =>
        effect.kind === "notify" && effect.conventionId === conventionId && (effect.key ?? "").startsWith("approval:"),
    );
    const card = cards.at(-1)?.card;
    expect(card, `${email} has an approval card for ${conventionId}`).toBeDefined();
    return card ?? { type: "AdaptiveCard" as const, version: "1.5" as const, body: [] };
  }

  async function click(email: string, card: unknown, verb: string, extra: Record<string, unknown> = {}) {
    const action = executeActions(card).find((candidate) => candidate.verb === verb);
    expect(action, `${verb} on the card of ${email}`).toBeDefined();
    return conversationDriver(conversation, email).act(verb as "validate_step", { ...(action?.data ?? {}), ...extra });
  }

  async function state(conventionId: number) {
    return database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
  }

  async function studentNews(email: string, conventionId: number): Promise<string> {
    const effects = inbox.get(await personId(email)) ?? [];
    return effects
      .filter((effect) => effect.kind === "post" && effect.conventionId === conventionId)
      .map((effect) => ("card" in effect ? cardText(effect.card) : ""))
      .join("\n");
  }

  it("DEMO-PSY (référent, then validation administrative): submitted, validated by the référent, then by a gestionnaire", async () => {
    const conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    await submitFromRecap(conversation, LEA, conventionId);
    expect(await deliverAll()).toBeGreaterThan(0);

    const referentCard = await approvalOf(LAMBERT, conventionId);
    expect(cardText(referentCard)).toMatch(/Léa Martin/);
    expect(cardText(referentCard)).toMatch(/Observation et entretiens cliniques/);
    // No gestionnaire card before the pedagogical step is done.
    expect((inbox.get(await personId(GARCIA)) ?? []).some((effect) => "conventionId" in effect && effect.conventionId === conventionId)).toBe(false);

    await click(LAMBERT, referentCard, "validate_step");
    expect((await state(conventionId)).currentStep).toBe("VALIDATION_ADMINISTRATIVE");
    await deliverAll();
    expect(await studentNews(LEA, conventionId)).toMatch(/Sophie Lambert/);

    const garciaCard = await approvalOf(GARCIA, conventionId);
    await approvalOf(FONTAINE, conventionId);
    await click(GARCIA, garciaCard, "validate_step");
    expect((await state(conventionId)).state).toBe("VALIDATED");
    await deliverAll();

    // Every copy of the card now says who decided, and has no decision buttons.
    const fontaineCard = await approvalOf(FONTAINE, conventionId);
    expect(cardText(fontaineCard)).toMatch(/Isabelle Garcia/);
    expect(executeActions(fontaineCard).map((action) => action.verb)).not.toContain("validate_step");
    expect(await studentNews(LEA, conventionId)).toMatch(/entièrement validée/);

    // The PDF is generated once, stored with its SHA-256, and sent to the student, the référent and the gestionnaires.
    const stored = await database.prisma.conventionDocument.findMany({ where: { conventionId } });
    expect(stored).toHaveLength(1);
    for (const email of [LEA, LAMBERT, GARCIA, FONTAINE]) {
      const files = (inbox.get(await personId(email)) ?? []).filter(
        (effect): effect is Extract<TEffect, { kind: "file" }> => effect.kind === "file" && effect.conventionId === conventionId,
      );
      expect(files, email).toHaveLength(1);
      expect(files[0]?.sha256).toBe(stored[0]?.sha256);
      expect(
        createHash("sha256")
          .update(files[0]?.content ?? Buffer.alloc(0))
          .digest("hex"),
      ).toBe(stored[0]?.sha256);
      expect(files[0]?.content.subarray(0, 5).toString()).toBe("%PDF-");
    }

    // A late click on the old card is answered with who decided and when, in the reader's language, and changes nothing.
    const decided = await database.prisma.validationDecision.findFirstOrThrow({ where: { conventionId, step: "VALIDATION_ADMINISTRATIVE" } });
    const late = await click(FONTAINE, garciaCard, "validate_step");
    expect(cardText(effectOf(late, "post").card)).toContain(
      `L'étape « Validation administrative » a déjà été validée par Isabelle Garcia le ${formatDateTime("fr", decided.decidedAt)} : votre clic n'a rien changé.`,
    );
    await database.prisma.person.update({ where: { email: FONTAINE }, data: { locale: "en" } });
    try {
      const lateEn = await click(FONTAINE, garciaCard, "validate_step");
      expect(cardText(effectOf(lateEn, "post").card)).toContain(
        `The step “Administrative validation” was already validated by Isabelle Garcia on ${formatDateTime("en", decided.decidedAt)}: your click changed nothing.`,
      );
    } finally {
      await database.prisma.person.update({ where: { email: FONTAINE }, data: { locale: "fr" } });
    }
    expect(await database.prisma.validationDecision.count({ where: { conventionId } })).toBe(2);

    // A validated convention cannot be deleted.
    // The refusal itself, not the confirmation card ("Supprimer ce brouillon ?" would match /supprim/), and no way to confirm.
    const deletion = await conversationDriver(conversation, LEA).act("delete_convention", { conventionId });
    expect(cardText(effectOf(deletion, "post").card)).toContain("Vous n'avez pas le droit de faire cette action sur cette convention.");
    expect(JSON.stringify(deletion)).not.toContain("confirm_delete");
    expect(await database.prisma.convention.count({ where: { id: conventionId } })).toBe(1);
  });

  it("gives a draft preview of the PDF, watermarked and not stored, to whoever may view the convention", async () => {
    const conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-09-06", dateFin: "2027-09-24" }));
    const effects = await conversationDriver(conversation, LEA).act("preview_pdf", { conventionId });
    const file = effectOf(effects, "file");
    expect(file.content.subarray(0, 5).toString()).toBe("%PDF-");
    expect(file.filename).toMatch(/projet/);
    const notice = effectOf(effects, "post").card;
    expect(JSON.stringify(notice)).toMatch(/\/documents\/preview\//);
    expect(await database.prisma.conventionDocument.count({ where: { conventionId } })).toBe(0);
    const intruder = await conversationDriver(conversation, "hugo.bernard@etu.univ-demo.fr").act("preview_pdf", { conventionId });
    expect(intruder.map((effect) => effect.kind)).toEqual(["post"]);
    await conversationDriver(conversation, LEA).act("confirm_delete", { conventionId, version: (await state(conventionId)).version });
  });

  it("DEMO-SCI (vérification, référent, validation): each step in the centre's order", async () => {
    const conventionId = await fillConvention(conversation, INES, SCI({ dateDebut: "2027-01-11", dateFin: "2027-02-26" }));
    await submitFromRecap(conversation, INES, conventionId);
    await deliverAll();
    expect((await state(conventionId)).currentStep).toBe("VERIFICATION_ADMINISTRATIVE");
    // The référent's step comes second here: no card for her yet.
    expect((inbox.get(await personId(CHERIF)) ?? []).some((effect) => "conventionId" in effect && effect.conventionId === conventionId)).toBe(false);

    await click(MANSOURI, await approvalOf(MANSOURI, conventionId), "validate_step");
    await deliverAll();
    expect((await state(conventionId)).currentStep).toBe("PEDAGOGIQUE");
    await click(CHERIF, await approvalOf(CHERIF, conventionId), "validate_step");
    await deliverAll();
    expect((await state(conventionId)).currentStep).toBe("VALIDATION_ADMINISTRATIVE");
    await click(FONTAINE, await approvalOf(FONTAINE, conventionId), "validate_step");
    expect((await state(conventionId)).state).toBe("VALIDATED");
  });

  it("refusal: a reason is required, reaches the student, the convention is editable again and resubmitted", async () => {
    const conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-03-01", dateFin: "2027-04-09" }));
    await submitFromRecap(conversation, LEA, conventionId);
    await deliverAll();
    const card = await approvalOf(LAMBERT, conventionId);

    const form = effectOf(await click(LAMBERT, card, "open_refuse"), "form").card;
    const empty = await click(LAMBERT, form, "refuse_step", { reason: "   " });
    expect(effectOf(empty, "form").errors?.reason).toBe("Ce champ est obligatoire.");
    expect((await state(conventionId)).state).toBe("SUBMITTED");

    const reason = "Les missions décrites relèvent d'un poste permanent : précisez l'encadrement.";
    await click(LAMBERT, form, "refuse_step", { reason });
    const refused = await state(conventionId);
    expect(refused.state).toBe("RETURNED");
    await deliverAll();
    expect(await studentNews(LEA, conventionId)).toContain(reason);

    // Editable again, then resubmitted: the référent gets a fresh card for the new round.
    const student = conversationDriver(conversation, LEA);
    const stageForm = effectOf(await student.act("open_section", { conventionId, section: "stage" }), "form").card;
    const save = executeActions(stageForm).find((action) => action.verb === "save_section");
    const saved = await student.act("save_section", {
      ...(save?.data ?? {}),
      fonctionsTaches: "Entretiens encadrés par la psychologue du service, deux fois par semaine.",
    });
    expect(saved.map((effect) => effect.kind)).toContain("close_form");
    await submitFromRecap(conversation, LEA, conventionId);
    const resubmitted = await state(conventionId);
    expect(resubmitted.state).toBe("SUBMITTED");
    expect(resubmitted.round).toBeGreaterThan(refused.round - 1);
    expect(resubmitted.numero).toBe(refused.numero);
    await deliverAll();
    const fresh = await approvalOf(LAMBERT, conventionId);
    expect(executeActions(fresh).map((action) => action.verb)).toContain("validate_step");
    await click(LAMBERT, fresh, "validate_step");
    expect((await state(conventionId)).currentStep).toBe("VALIDATION_ADMINISTRATIVE");
  });

  it("two gestionnaires deciding at the same instant: one decision recorded, the other told", async () => {
    const conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-05-03", dateFin: "2027-06-11" }));
    await submitFromRecap(conversation, LEA, conventionId);
    await deliverAll();
    await click(LAMBERT, await approvalOf(LAMBERT, conventionId), "validate_step");
    await deliverAll();
    const [garcia, fontaine] = await Promise.all([approvalOf(GARCIA, conventionId), approvalOf(FONTAINE, conventionId)]);

    const answers = await Promise.all([click(GARCIA, garcia, "validate_step"), click(FONTAINE, fontaine, "validate_step")]);
    const told = answers.filter((effects) => effects.some((effect) => effect.kind === "post" && cardText(effect.card).includes("déjà été validée")));
    expect(told).toHaveLength(1);
    // The loser is told who won, and when.
    const winner = await database.prisma.validationDecision.findFirstOrThrow({
      where: { conventionId, step: "VALIDATION_ADMINISTRATIVE" },
      include: { decider: true },
    });
    const loser = told[0] ?? [];
    expect(loser.map((effect) => (effect.kind === "post" ? cardText(effect.card) : "")).join("\n")).toContain(
      `a déjà été validée par ${winner.decider.firstName} ${winner.decider.lastName} le ${formatDateTime("fr", winner.decidedAt)}`,
    );
    expect(await database.prisma.validationDecision.count({ where: { conventionId, step: "VALIDATION_ADMINISTRATIVE" } })).toBe(1);
    expect((await state(conventionId)).state).toBe("VALIDATED");
  });

  it("a gestionnaire un-validates with a reason: the convention is open again", async () => {
    const validated = await database.prisma.convention.findFirstOrThrow({ where: { state: "VALIDATED", centre: { code: "DEMO-PSY" } } });
    const gestionnaire = conversationDriver(conversation, GARCIA);
    const form = effectOf(await gestionnaire.act("open_unvalidate", { conventionId: validated.id }), "form").card;
    const empty = await gestionnaire.act("unvalidate", { conventionId: validated.id, reason: "" });
    expect(effectOf(empty, "form").errors?.reason).toBeDefined();
    await gestionnaire.act("unvalidate", {
      ...(executeActions(form).find((action) => action.verb === "unvalidate")?.data ?? {}),
      reason: "Erreur de dates signalée par l'hôpital.",
    });
    expect((await state(validated.id)).state).toBe("RETURNED");
    await deliverAll();
    expect(await studentNews(LEA, validated.id)).toMatch(/Erreur de dates/);
    const history = effectOf(await gestionnaire.act("show_history", { conventionId: validated.id }), "post").card;
    expect(cardText(history)).toMatch(/Erreur de dates/);
  });

  it("lists what waits for each person, oldest first, and finds conventions by number or name within the centres", async () => {
    const conventionId = await fillConvention(conversation, LEA, PSY({ dateDebut: "2027-07-05", dateFin: "2027-07-30" }));
    await submitFromRecap(conversation, LEA, conventionId);
    const numero = (await state(conventionId)).numero;
    const list = effectOf(await conversationDriver(conversation, LAMBERT).say("à valider"), "post").card;
    expect(cardText(list)).toContain(`n° ${numero}`);
    expect(executeActions(list).some((action) => action.verb === "open_approval" && action.data.conventionId === conventionId)).toBe(true);
    expect(cardText(effectOf(await conversationDriver(conversation, GIRARD).say("à valider"), "post").card)).not.toContain(`n° ${numero}`);

    expect(cardText(effectOf(await conversationDriver(conversation, GARCIA).say(`chercher ${numero}`), "post").card)).toContain(`n° ${numero}`);
    expect(cardText(effectOf(await conversationDriver(conversation, GARCIA).say("chercher lea martin"), "post").card)).toContain(`n° ${numero}`);
    // A gestionnaire of another centre finds nothing of DEMO-PSY.
    expect(cardText(effectOf(await conversationDriver(conversation, MANSOURI).say(`chercher ${numero}`), "post").card)).not.toContain(`n° ${numero}`);
  });
});
