import { bodyText } from "../unit/pdf/pdf-tools.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TConversation } from "../../src/app/ports/conversation.ts";
import type { TCard, TEffect } from "../../src/app/conversation/effects.ts";
import { formatDateTime } from "../../src/app/workflow/format-date-time.ts";
import { cardText, conversationDriver, effectOf, executeActions } from "../support/conversation-driver.ts";
import { DEMO, PSY, SCI } from "../support/demo.ts";
import { fillConvention, submitFromRecap } from "../support/journey.ts";
import type { createTestDatabase } from "../support/test-database.ts";
import { createWorkflowHarness } from "../support/workflow-harness.ts";

const { lea: LEA, ines: INES, lambert: LAMBERT, cherif: CHERIF, garcia: GARCIA, fontaine: FONTAINE, mansouri: MANSOURI } = DEMO;
const DATES = { dateDebut: "2027-01-11", dateFin: "2027-02-26" };

type TJson = Record<string, unknown>;

/** What a renderer sends for a form: every input's current value as a string, the button's data, then what the person changed. */
function formSubmission(card: TCard, verb: string, changes: Record<string, string>): TJson {
  const data: TJson = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as TJson;
      if (typeof record.type === "string" && record.type.startsWith("Input.")) {
        data[String(record.id)] =
          record.value === undefined || record.value === null
            ? record.type === "Input.Toggle"
              ? "false"
              : ""
            : typeof record.value === "string"
              ? record.value
              : JSON.stringify(record.value);
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  const action = executeActions(card).find((candidate) => candidate.verb === verb);
  expect(action, `the form has a ${verb} button`).toBeDefined();
  return { ...data, ...(action?.data ?? {}), ...changes };
}

describe("avenants through the core, with the outbox delivered", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let conversation: TConversation;
  let inbox: Map<number, TEffect[]>;
  let deliverAll: () => Promise<number>;
  let personId: (email: string) => Promise<number>;
  let conventionId: number;

  const act = (email: string, verb: string, data: TJson) => conversationDriver(conversation, email).act(verb as "open_avenant_request", data);
  const convention = () => database.prisma.convention.findUniqueOrThrow({ where: { id: conventionId } });
  const avenants = () => database.prisma.avenant.findMany({ where: { conventionId }, orderBy: { numero: "asc" } });

  async function openForm(email: string): Promise<TCard> {
    return effectOf(await act(email, "open_avenant_request", { conventionId }), "form").card;
  }

  async function request(email: string, changes: Record<string, string>): Promise<TEffect[]> {
    return act(email, "request_avenant", formSubmission(await openForm(email), "request_avenant", changes));
  }

  /** The latest copy of an avenant's card `email` received (cards are updated in place by key). */
  async function avenantCard(email: string, avenantId: number): Promise<TCard> {
    const key = `avenant:${conventionId}:${avenantId}`;
    const cards = (inbox.get(await personId(email)) ?? []).filter(
      (effect): effect is Extract<TEffect, { kind: "notify" }> => effect.kind === "notify" && effect.key === key,
    );
    expect(cards.length, `${email} has the card of avenant ${avenantId}`).toBeGreaterThan(0);
    return cards.at(-1)?.card ?? { type: "AdaptiveCard", version: "1.5", body: [] };
  }

  async function click(email: string, card: TCard, verb: string, extra: TJson = {}): Promise<TEffect[]> {
    const action = executeActions(card).find((candidate) => candidate.verb === verb);
    expect(action, `${verb} on the card of ${email}`).toBeDefined();
    return act(email, verb, { ...(action?.data ?? {}), ...extra });
  }

  async function studentNews(email: string): Promise<string> {
    const effects = inbox.get(await personId(email)) ?? [];
    return effects
      .filter((effect) => effect.kind === "post" && effect.conventionId === conventionId)
      .map((effect) => ("card" in effect ? cardText(effect.card) : ""))
      .join("\n");
  }

  const posted = (effects: TEffect[]) =>
    effects
      .filter((effect) => effect.kind === "post")
      .map((effect) => ("card" in effect ? cardText(effect.card) : ""))
      .join("\n");

  beforeAll(async () => {
    ({ database, conversation, inbox, deliverAll, personId } = await createWorkflowHarness(() => new Date("2026-11-28T10:00:00Z")));
    // A VALIDATED convention of DEMO-PSY: Léa's, validated by Sophie Lambert then Isabelle Garcia.
    conventionId = await fillConvention(conversation, LEA, PSY(DATES));
    await submitFromRecap(conversation, LEA, conventionId);
    await deliverAll();
    for (const email of [LAMBERT, GARCIA]) {
      const cards = (inbox.get(await personId(email)) ?? []).filter(
        (effect) => effect.kind === "notify" && (effect.key ?? "").startsWith(`approval:${conventionId}:`),
      );
      const card = cards.at(-1);
      if (card?.kind !== "notify") throw new Error(`no approval card for ${email}`);
      await click(email, card.card, "validate_step");
      await deliverAll();
    }
    expect((await convention()).state).toBe("VALIDATED");
  });

  afterAll(async () => {
    await database.drop();
  });

  it("offers « Demander un avenant » on the validated convention to the student of DEMO-PSY", async () => {
    const progress = effectOf(await act(LEA, "open_convention", { conventionId }), "progress").card;
    expect(executeActions(progress).map((action) => action.verb)).toContain("open_avenant_request");
    const form = await openForm(LEA);
    expect(cardText(form)).toMatch(/Motifs de l'avenant/);
    expect(JSON.stringify(form)).toContain('"isMultiSelect":true');
  });

  it("refuses an end date beyond 924 hours with the same host, with the rule's message, and stores nothing", async () => {
    const effects = await request(LEA, { motifs: "DATES", dateFin: "2027-08-27" });
    const form = effectOf(effects, "form");
    expect(cardText(form.card)).toMatch(/924/);
    expect(cardText(form.card)).toMatch(/6 mois/);
    expect(await avenants()).toEqual([]);
    expect((await convention()).dateFin?.toISOString().slice(0, 10)).toBe("2027-02-26");
    expect(await database.prisma.outboxMessage.count({ where: { kind: "avenant_request" } })).toBe(0);
  });

  it("refuses a change of the signataire: a new convention is needed", async () => {
    const current = await convention();
    const other = await database.prisma.contact.findFirstOrThrow({
      where: { etablissementId: current.etablissementId ?? -1, id: { not: current.signataireId ?? -1 } },
    });
    const effects = await request(GARCIA, { motifs: "AUTRE", motifAutre: "Nouveau directeur", signataireId: String(other.id) });
    expect(cardText(effectOf(effects, "form").card)).toMatch(/signataire ne peut pas être modifié par un avenant : une nouvelle convention est nécessaire/);
    expect(await avenants()).toEqual([]);
  });

  it("says what is wrong: a field outside the motives, no motive, a rupture without reason", async () => {
    const outside = effectOf(await request(LEA, { motifs: "DATES", sujet: "Un tout autre sujet" }), "form");
    expect(outside.errors?.sujet).toMatch(/Modification du sujet du stage/);
    const none = effectOf(await request(LEA, { motifs: "", dateFin: "2027-03-05" }), "form");
    expect(none.errors?.motifs).toBeDefined();
    const rupture = effectOf(await request(LEA, { motifs: "RUPTURE", dateFin: "2027-02-19" }), "form");
    expect(rupture.errors?.comment).toBeDefined();
    const nothing = effectOf(await request(LEA, { motifs: "DATES" }), "form");
    expect(cardText(nothing.card)).toMatch(/Aucune modification/);
    expect(await avenants()).toEqual([]);
  });

  it("a valid avenant requested by the student reaches the gestionnaires, is validated and applied; the old values are kept", async () => {
    const before = await convention();
    const effects = await request(LEA, { motifs: "DATES", dateFin: "2027-03-05", comment: "Prolongation d'une semaine demandée par le service." });
    expect(effects.map((effect) => effect.kind)).toContain("close_form");
    expect(posted(effects)).toMatch(/avenant n° 1/);
    const [avenant] = await avenants();
    expect(avenant).toMatchObject({ numero: 1, status: "SUBMITTED", motifs: ["DATES"], changes: { dateFin: "2027-03-05" } });
    await deliverAll();

    const garcia = await avenantCard(GARCIA, avenant?.id ?? -1);
    expect(cardText(garcia)).toMatch(/26\/02\/2027 → 05\/03\/2027/);
    // What the new dates do to the legal figures (issue 14, item 13).
    expect(cardText(garcia)).toMatch(/Durée effective du stage\n\d+ heures de présence → \d+ heures de présence/);
    expect(cardText(garcia)).toMatch(/Léa Martin/);
    expect(executeActions(garcia).map((action) => action.verb)).toEqual(expect.arrayContaining(["validate_avenant", "open_refuse_avenant"]));
    await avenantCard(FONTAINE, avenant?.id ?? -1);

    const validated = await click(GARCIA, garcia, "validate_avenant");
    expect(posted(validated)).toMatch(/Vous avez validé l'avenant n° 1/);
    const after = await convention();
    expect(after.dateFin?.toISOString().slice(0, 10)).toBe("2027-03-05");
    expect(after.version).toBe(before.version + 1);
    expect(Number(after.dureeEffectiveCalculee)).toBeGreaterThan(Number(before.dureeEffectiveCalculee));
    const [applied] = await avenants();
    expect(applied).toMatchObject({ status: "VALIDATED", previousValues: { dateFin: "2027-02-26" } });
    expect(applied?.appliedAt).not.toBeNull();

    await deliverAll();
    const fontaine = await avenantCard(FONTAINE, applied?.id ?? -1);
    expect(cardText(fontaine)).toMatch(/Validé par Isabelle Garcia/);
    expect(executeActions(fontaine).map((action) => action.verb)).not.toContain("validate_avenant");
    expect(await studentNews(LEA)).toMatch(/avenant n° 1 .* a été validé par Isabelle Garcia/);

    // The avenant's own PDF and the amended convention's, generated once, reach the student and the gestionnaires.
    // (The first CONVENTION document is the one of the initial validation, kept.)
    const documents = await database.prisma.conventionDocument.findMany({ where: { conventionId }, orderBy: { id: "asc" } });
    expect(documents.map((document) => document.kind)).toEqual(["CONVENTION", "AVENANT", "CONVENTION"]);
    const amended = documents.slice(1).map((document) => document.sha256);
    for (const email of [LEA, GARCIA, FONTAINE]) {
      const files = (inbox.get(await personId(email)) ?? []).filter(
        (effect): effect is Extract<TEffect, { kind: "file" }> => effect.kind === "file" && effect.conventionId === conventionId,
      );
      expect(
        files.map((file) => file.sha256),
        email,
      ).toEqual(expect.arrayContaining(amended));
      expect(files.every((file) => file.content.subarray(0, 5).toString() === "%PDF-")).toBe(true);
      // Two files, two links, each named (issue 14, item 13).
      const comments = files.filter((file) => amended.includes(file.sha256)).map((file) => file.comment);
      expect(comments).toEqual([
        expect.stringMatching(/^Avenant n° 1 à la convention n° \d+/),
        expect.stringMatching(/^Convention n° \d+ modifiée par l'avenant n° 1/),
      ]);
    }
    const links = (inbox.get(await personId(LEA)) ?? []).flatMap((effect) =>
      effect.kind === "post" ? (JSON.stringify(effect.card).match(/Télécharger [^"]*\(PDF\)/g) ?? []) : [],
    );
    expect(links).toEqual(expect.arrayContaining(["Télécharger l'avenant (PDF)", "Télécharger la convention modifiée par l'avenant (PDF)"]));
    const avenantPdf = bodyText(documents[1]?.content ?? new Uint8Array());
    expect(avenantPdf).toMatch(/Durée effective du stage \d+ heures de présence → \d+ heures de présence/);

    const history = cardText(effectOf(await act(GARCIA, "show_history", { conventionId }), "post").card);
    expect(history).toMatch(/a appliqué l'avenant n° 1 à la convention/);
    expect(history).toMatch(/a validé l'avenant n° 1/);
    expect(history).toMatch(/a demandé l'avenant n° 1/);
    expect(history).toMatch(/26\/02\/2027 → 05\/03\/2027/);
    const events = await database.prisma.auditEvent.findMany({ where: { conventionId, action: { startsWith: "avenant." } } });
    expect(events.map((event) => `${event.entityType}:${event.action}`).sort()).toEqual([
      "avenant:avenant.requested",
      "avenant:avenant.validated",
      "convention:avenant.applied",
    ]);
  });

  it("a refusal needs a reason, which reaches the student; the convention stays as it is", async () => {
    const sujet = (await convention()).sujet;
    await request(LEA, { motifs: "SUJET", sujet: "Évaluation des dispositifs de soins en psychiatrie adulte" });
    const avenant = (await avenants()).at(-1);
    await deliverAll();
    const form = effectOf(await click(FONTAINE, await avenantCard(FONTAINE, avenant?.id ?? -1), "open_refuse_avenant"), "form").card;
    expect(cardText(form)).toMatch(/Refuser l'avenant n° 2/);
    const empty = await click(FONTAINE, form, "refuse_avenant", { reason: "  " });
    // Under the « Motif » input, which is labelled already (issue 14, item 15).
    expect(effectOf(empty, "form").errors?.reason).toBe("Ce champ est obligatoire.");
    expect((await avenants()).at(-1)?.status).toBe("SUBMITTED");

    const reason = "Le nouveau sujet relève d'un autre service : une nouvelle convention est préférable.";
    const refused = await click(FONTAINE, form, "refuse_avenant", { reason });
    expect(refused.map((effect) => effect.kind)).toContain("close_form");
    expect((await avenants()).at(-1)?.status).toBe("REFUSED");
    expect((await convention()).sujet).toBe(sujet);
    await deliverAll();
    expect(await studentNews(LEA)).toContain(reason);
    const garcia = await avenantCard(GARCIA, avenant?.id ?? -1);
    expect(cardText(garcia)).toContain(reason);
    expect(executeActions(garcia).map((action) => action.verb)).not.toContain("open_refuse_avenant");
    // A stale copy of the card: "Refuser" is answered with who decided, no form.
    const stale = await act(GARCIA, "open_refuse_avenant", { conventionId, avenantId: avenant?.id ?? -1 });
    const decision = await database.prisma.avenantDecision.findFirstOrThrow({ where: { avenantId: avenant?.id ?? -1 } });
    expect(posted(stale)).toContain(
      `L'avenant n° 2 a déjà été refusé par Élodie Fontaine le ${formatDateTime("fr", decision.decidedAt)} : votre clic n'a rien changé.`,
    );
    expect(stale.map((effect) => effect.kind)).not.toContain("form");
  });

  it("a teacher or a gestionnaire of another centre cannot decide; of two gestionnaires deciding at once, one wins", async () => {
    await request(GARCIA, { motifs: "SUJET", competences: "Entretien clinique, tests projectifs, synthèse écrite." });
    const avenant = (await avenants()).at(-1);
    const avenantId = avenant?.id ?? -1;
    expect(avenant?.numero).toBe(3);
    await deliverAll();

    // The référent sees the convention and is told why not; another centre's gestionnaire may not
    // see it and reads what a missing convention gets (issue 14, item 14).
    expect(posted(await act(LAMBERT, "validate_avenant", { conventionId, avenantId }))).toMatch(/pas le droit/);
    expect(posted(await act(LAMBERT, "open_refuse_avenant", { conventionId, avenantId }))).toMatch(/pas le droit/);
    for (const verb of ["validate_avenant", "open_refuse_avenant"] as const) {
      const answer = posted(await act(MANSOURI, verb, { conventionId, avenantId }));
      expect(answer).toMatch(/Convention introuvable/);
      expect(answer).not.toMatch(/autre centre|other centre/i);
    }
    expect((await avenants()).at(-1)?.status).toBe("SUBMITTED");

    const [garcia, fontaine] = await Promise.all([avenantCard(GARCIA, avenantId), avenantCard(FONTAINE, avenantId)]);
    const answers = await Promise.all([click(GARCIA, garcia, "validate_avenant"), click(FONTAINE, fontaine, "validate_avenant")]);
    const told = answers.filter((effects) => posted(effects).includes("déjà été validé"));
    expect(told).toHaveLength(1);
    const winner = await database.prisma.avenantDecision.findFirstOrThrow({ where: { avenantId }, include: { decider: true } });
    expect(posted(told[0] ?? [])).toContain(
      `L'avenant n° 3 a déjà été validé par ${winner.decider.firstName} ${winner.decider.lastName} le ${formatDateTime("fr", winner.decidedAt)}`,
    );
    expect(await database.prisma.avenantDecision.count({ where: { avenantId } })).toBe(1);
    expect((await convention()).competences).toBe("Entretien clinique, tests projectifs, synthèse écrite.");
    // A late click on the old card changes nothing either.
    expect(posted(await click(GARCIA, garcia, "validate_avenant"))).toMatch(
      /L'avenant n° 3 a déjà été validé par (Isabelle Garcia|Élodie Fontaine) le 28\/11\/2026 à 11:00/,
    );
  });

  it("checks the rules again at validation, on the convention as it is then: two avenants valid alone may not both pass", async () => {
    await request(LEA, { motifs: "DATES", dateFin: "2027-06-25" });
    await request(LEA, { motifs: "DATES", dateDebut: "2026-11-30" });
    const [later, earlier] = (await avenants()).slice(-2);
    await deliverAll();
    await click(GARCIA, await avenantCard(GARCIA, later?.id ?? -1), "validate_avenant");
    expect((await convention()).dateFin?.toISOString().slice(0, 10)).toBe("2027-06-25");

    const blocked = await click(GARCIA, await avenantCard(GARCIA, earlier?.id ?? -1), "validate_avenant");
    expect(posted(blocked)).toMatch(/ne peut pas être validé/);
    expect(posted(blocked)).toMatch(/924/);
    expect((await avenants()).at(-1)?.status).toBe("SUBMITTED");
    expect((await convention()).dateDebut?.toISOString().slice(0, 10)).toBe("2027-01-11");
  });

  it("a student of DEMO-SCI, whose centre does not allow student avenants, is refused with the reason", async () => {
    const sciId = await fillConvention(conversation, INES, SCI(DATES));
    await submitFromRecap(conversation, INES, sciId);
    for (const email of [MANSOURI, CHERIF, FONTAINE]) {
      await deliverAll();
      const card = (inbox.get(await personId(email)) ?? [])
        .filter((effect) => effect.kind === "notify" && (effect.key ?? "").startsWith(`approval:${sciId}:`))
        .at(-1);
      if (card?.kind !== "notify") throw new Error(`no approval card for ${email}`);
      await click(email, card.card, "validate_step");
    }
    expect((await database.prisma.convention.findUniqueOrThrow({ where: { id: sciId } })).state).toBe("VALIDATED");

    const progress = effectOf(await act(INES, "open_convention", { conventionId: sciId }), "progress").card;
    expect(executeActions(progress).map((action) => action.verb)).not.toContain("open_avenant_request");
    const refused = await act(INES, "request_avenant", { conventionId: sciId, motifs: "DATES", dateFin: "2027-03-05" });
    expect(posted(refused)).toMatch(/ne permet pas aux étudiants de demander un avenant/);
    expect(posted(await act(INES, "open_avenant_request", { conventionId: sciId }))).toMatch(/ne permet pas aux étudiants/);
    expect(await database.prisma.avenant.count({ where: { conventionId: sciId } })).toBe(0);
    // Her gestionnaire may.
    effectOf(await act(MANSOURI, "open_avenant_request", { conventionId: sciId }), "form");
  });
  it("a pending avenant is cancelled when its convention is un-validated: audited, the requester and the gestionnaires told, no longer decidable", async () => {
    const pending = (await avenants()).filter((avenant) => avenant.status === "SUBMITTED");
    expect(pending.length).toBeGreaterThan(0);
    await deliverAll();
    const oldCard = await avenantCard(GARCIA, pending[0]?.id ?? -1);
    expect(executeActions(oldCard).map((action) => action.verb)).toContain("validate_avenant");

    await act(GARCIA, "unvalidate", { conventionId, reason: "Erreur sur le service d'accueil" });
    expect((await convention()).state).toBe("RETURNED");
    const after = await avenants();
    for (const avenant of pending) expect(after.find((row) => row.id === avenant.id)?.status).toBe("CANCELLED");
    // Decided ones keep their decision.
    expect(after.filter((avenant) => avenant.status === "VALIDATED").length).toBeGreaterThan(0);
    const audit = await database.prisma.auditEvent.findMany({ where: { conventionId, action: "avenant.cancelled" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.entityId, event.actorId, event.after])).toEqual(
      pending.map((avenant) => [
        avenant.id,
        expect.any(Number),
        { status: "CANCELLED", avenantNumero: avenant.numero, reason: "convention_unvalidated", unvalidationReason: "Erreur sur le service d'accueil" },
      ]),
    );
    expect(audit[0]?.actorId).toBe(await personId(GARCIA));

    await deliverAll();
    const requester = pending[0]?.requestedById ?? -1;
    const news = (inbox.get(requester) ?? []).map((effect) => ("card" in effect ? cardText(effect.card) : "")).join("\n");
    expect(news).toMatch(new RegExp(`Avenant n° ${pending[0]?.numero} annulé`));
    expect(news).toMatch(/motif : Erreur sur le service d'accueil/);
    for (const email of [GARCIA, FONTAINE]) {
      const card = await avenantCard(email, pending[0]?.id ?? -1);
      expect(cardText(card)).toMatch(/Annulé : la convention a été dévalidée/);
      expect(executeActions(card).map((action) => action.verb)).not.toContain("validate_avenant");
    }
    // A click on the card as it was says why, and changes nothing.
    const late = await click(GARCIA, oldCard, "validate_avenant");
    expect(posted(late)).toMatch(/a été annulé quand la convention a été dévalidée/);
    expect((await avenants()).find((avenant) => avenant.id === pending[0]?.id)?.status).toBe("CANCELLED");
    // Each requester is told once.
    expect(await database.prisma.outboxMessage.count({ where: { kind: "avenant_cancelled", conventionId } })).toBe(pending.length);
  });
});
