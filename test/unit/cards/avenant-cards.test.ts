import { describe, expect, it } from "vitest";
import type { TChoice } from "../../../src/app/conversation/events.ts";
import { avenantApprovalCard } from "../../../src/cards/avenant-approval-card.ts";
import { AVENANT_FORM_LAYOUT, avenantFormErrorsByInput, avenantRequestFormCard } from "../../../src/cards/avenant-request-form-card.ts";
import { historyCard, progressCard, recapCard } from "../../../src/cards/index.ts";
import type { TAvenantApprovalView, TAvenantRequestFormView } from "../../../src/cards/views.ts";
import { AMENDABLE_FIELDS, MOTIFS_AVENANT } from "../../../src/domain/avenant.ts";
import { LOCALES } from "../../../src/i18n/translate.ts";
import { actionsOf, elementAfterInput, expectValidCard, inputById, inputsOf, visibleStrings } from "./card-checks.ts";
import { choicesFor, HEADER, LABELS, progressView, recapView } from "./card-fixtures.ts";
import { completeConventionValues } from "../domain/fixtures.ts";

const VALIDATED_HEADER = { ...HEADER, numero: 51928, state: "VALIDATED" as const };
const MOTIFS: TChoice[] = MOTIFS_AVENANT.map((code) => ({ value: code, title: `Motif ${code.toLowerCase()}` }));
const DECIDED_AT = new Date("2026-11-28T13:05:00Z"); // 14:05 in Paris

function formView(overrides: Partial<TAvenantRequestFormView> = {}): TAvenantRequestFormView {
  const values = completeConventionValues();
  return {
    header: VALIDATED_HEADER,
    motifChoices: MOTIFS,
    motifs: [],
    motifAutre: "",
    comment: "",
    values,
    labels: LABELS,
    choices: choicesFor(values),
    errors: [],
    ...overrides,
  };
}

function approvalView(overrides: Partial<TAvenantApprovalView> = {}): TAvenantApprovalView {
  return {
    conventionId: 42,
    numero: 51928,
    avenantId: 7,
    avenantNumero: 2,
    studentName: "Léa Martin",
    etablissementName: "Calanques Numériques",
    motifs: ["Modification des dates du stage", "Changement de service ou de lieu de stage"],
    motifAutre: null,
    comment: "Le service a déménagé.",
    requestedBy: "Léa Martin",
    requestedAt: new Date("2026-11-27T09:00:00Z"),
    changes: [
      { field: "dateFin", before: "2026-06-26", after: "2026-07-03", beforeLabel: null, afterLabel: null },
      { field: "serviceId", before: 200, after: 201, beforeLabel: "Pôle développement", afterLabel: "Direction" },
      { field: "sujet", before: "Ancien sujet", after: "Nouveau sujet", beforeLabel: null, afterLabel: null },
    ],
    confidential: false,
    warnings: [{ code: "START_DATE_IN_PAST", severity: "warning", field: "dateDebut", params: { start: "2026-03-02" } }],
    decided: null,
    canDecide: true,
    ...overrides,
  };
}

const text = (card: Parameters<typeof visibleStrings>[0]) => visibleStrings(card).join("\n");
const verbs = (card: Parameters<typeof actionsOf>[0]) => actionsOf(card).map((action) => action["verb"]);

describe("avenantRequestFormCard", () => {
  it.each(LOCALES)("is a valid Adaptive Card 1.5 in %s, with no untranslated key", (locale) => {
    const card = avenantRequestFormCard(
      locale,
      formView({ errors: [{ field: "signataireId", code: "new_convention_needed", params: { field: "signataireId" } }] }),
    );
    expectValidCard(card);
    expect(text(card)).not.toMatch(/\b(avenantForm|avenantErrors|cards:)\./);
  });

  it("asks the motives as a multi-select of MOTIF_AVENANT, then every field an avenant may change, prefilled", () => {
    const card = avenantRequestFormCard("fr", formView({ motifs: ["DATES", "SUJET"] }));
    const motifs = inputById(card, "motifs");
    expect(motifs).toMatchObject({ type: "Input.ChoiceSet", isMultiSelect: true, value: "DATES,SUJET" });
    expect((motifs["choices"] as TChoice[]).map((choice) => choice.value)).toEqual([...MOTIFS_AVENANT]);
    const ids = inputsOf(card).map((input) => String(input["id"]));
    for (const field of AMENDABLE_FIELDS)
      expect(
        ids.some((id) => id === field || id.startsWith(`${field}.`)),
        field,
      ).toBe(true);
    expect(ids).not.toContain("signataireId");
    expect(ids).not.toContain("etablissementId");
    expect(inputById(card, "dateFin")["value"]).toBe("2026-06-26");
    expect(inputById(card, "interruptions.0.dateDebut")["value"]).toBe("2026-04-20");
    expect(inputById(card, "serviceId")).toMatchObject({ value: "200", "choices.data": { type: "Data.Query", dataset: "services" } });
    expect(inputById(card, "sujet")["value"]).toBe("Développement d'un bot de conventions de stage");
    expect(inputById(card, "gratificationMontant")["value"]).toBe(4.5);
    const submit = actionsOf(card).find((action) => action["verb"] === "request_avenant");
    expect(submit).toMatchObject({ data: { conventionId: 42, version: 7 }, associatedInputs: "auto" });
  });

  it("lays out every amendable field exactly once", () => {
    const laidOut = AVENANT_FORM_LAYOUT.flatMap((group) => group.fields);
    expect([...laidOut].sort()).toEqual([...AMENDABLE_FIELDS].sort());
  });

  it("shows each field's error under it, and on top those with no input (a new convention is needed)", () => {
    const errors: TAvenantRequestFormView["errors"] = [
      { field: "sujet", code: "field_not_in_motives", params: { field: "sujet", motifs: "SUJET" } },
      { field: "comment", code: "required" },
      { field: "signataireId", code: "new_convention_needed", params: { field: "signataireId" } },
      { field: "dureeEffectiveSaisie", code: "legal_rule", params: { rule: "DUREE_MAX_EXCEEDED", hours: 1127, max: 924 } },
    ];
    const fr = avenantRequestFormCard("fr", formView({ errors }));
    expect(elementAfterInput(fr, "sujet")?.["text"]).toMatch(/cochez le motif « Motif sujet »/);
    expect(elementAfterInput(fr, "comment")?.["text"]).toMatch(/Commentaire.*obligatoire/);
    expect(text(fr)).toContain("Le signataire ne peut pas être modifié par un avenant : une nouvelle convention est nécessaire.");
    expect(text(fr)).toMatch(/924 heures/);
    const en = avenantRequestFormCard("en", formView({ errors }));
    expect(text(en)).toContain("The signatory cannot be changed by an amendment: a new convention is needed.");
    expect(avenantFormErrorsByInput("fr", formView({ errors }))).toEqual({
      sujet: expect.stringMatching(/Motif sujet/),
      comment: expect.stringMatching(/obligatoire/),
    });
    expect(avenantFormErrorsByInput("fr", formView({ errors: [{ field: "interruptions.1.dateFin", code: "end_before_start" }] }))).toHaveProperty([
      "interruptions.1.dateFin",
    ]);
  });

  it("names the other host's fields and the academic year in their own words", () => {
    const errors: TAvenantRequestFormView["errors"] = ["etablissementId", "academicYear", "paysIso2"].map((field) => ({
      field,
      code: "new_convention_needed" as const,
      params: { field },
    }));
    const shown = text(avenantRequestFormCard("fr", formView({ errors })));
    expect(shown).toContain("L'établissement d'accueil ne peut pas être modifié par un avenant");
    expect(shown).toContain("L'année universitaire ne peut pas être modifiée par un avenant");
    expect(shown).toMatch(/« Pays de la convention » ne peut pas être modifié par un avenant/);
  });
});

describe("avenantApprovalCard", () => {
  it.each(LOCALES)("is a valid Adaptive Card 1.5 in %s, undecided and decided", (locale) => {
    expectValidCard(avenantApprovalCard(locale, approvalView()));
    expectValidCard(
      avenantApprovalCard(
        locale,
        approvalView({ decided: { decision: "REFUSED", reason: "Hors délai", deciderName: "Élodie Fontaine", decidedAt: DECIDED_AT }, canDecide: false }),
      ),
    );
  });

  it("shows the convention, the avenant, the student, the motives and each change « avant → après »", () => {
    const card = avenantApprovalCard("fr", approvalView());
    const shown = text(card);
    expect(shown).toContain("Avenant n° 2 à la convention n° 51928");
    expect(shown).toContain("Léa Martin");
    expect(shown).toContain("Modification des dates du stage et Changement de service ou de lieu de stage");
    expect(shown).toContain("26/06/2026 → 03/07/2026");
    expect(shown).toContain("Pôle développement → Direction");
    expect(shown).toContain("Ancien sujet → Nouveau sujet");
    expect(shown).toMatch(/À vérifier/);
    expect(verbs(card)).toEqual(["validate_avenant", "open_refuse_avenant", "show_recap"]);
    expect(actionsOf(card)[0]?.["data"]).toEqual({ conventionId: 42, avenantId: 7 });
  });

  it("once decided, shows who, when and why to everyone, without decision buttons", () => {
    const validated = avenantApprovalCard(
      "fr",
      approvalView({ decided: { decision: "VALIDATED", reason: null, deciderName: "Isabelle Garcia", decidedAt: DECIDED_AT } }),
    );
    expect(text(validated)).toMatch(/Validé par Isabelle Garcia le 28\/11\/2026 à 14:05/);
    expect(verbs(validated)).toEqual(["show_recap"]);
    const refused = avenantApprovalCard(
      "en",
      approvalView({ decided: { decision: "REFUSED", reason: "Outside the allowed period.", deciderName: "Élodie Fontaine", decidedAt: DECIDED_AT } }),
    );
    expect(text(refused)).toMatch(/Refused by Élodie Fontaine on 28\/11\/2026 at 14:05 — reason: Outside the allowed period\./);
    expect(verbs(refused)).not.toContain("validate_avenant");
  });

  it("has no decision button for a reader who may not decide, and says it waits", () => {
    const card = avenantApprovalCard("fr", approvalView({ canDecide: false }));
    expect(verbs(card)).toEqual(["show_recap"]);
    expect(text(card)).toMatch(/attend la décision d'un gestionnaire/);
  });

  it("hides the sujet's texts of a confidential convention", () => {
    const shown = text(avenantApprovalCard("fr", approvalView({ confidential: true })));
    expect(shown).not.toContain("Nouveau sujet");
    expect(shown).toMatch(/masqué/);
  });
});

describe("avenants on the other cards", () => {
  it("offers « Demander un avenant » on the progress card and the recap to whoever may request one", () => {
    const rights = { canEdit: false, canDelete: false, canSubmit: false, canRequestAvenant: true };
    expect(verbs(progressCard("fr", progressView({ ...VALIDATED_HEADER, rights })))).toContain("open_avenant_request");
    expect(verbs(recapCard("fr", recapView({ header: VALIDATED_HEADER, rights })))).toContain("open_avenant_request");
    expect(verbs(progressCard("fr", progressView({ ...VALIDATED_HEADER, rights: { ...rights, canRequestAvenant: false } })))).not.toContain(
      "open_avenant_request",
    );
  });

  it("shows an avenant's entries in the history with its number, the convention's changes before → after", () => {
    const at = new Date("2026-11-28T13:05:00Z");
    const card = historyCard("fr", {
      header: VALIDATED_HEADER,
      omitted: 0,
      entries: [
        {
          at,
          actorName: "Isabelle Garcia",
          action: "avenant.applied",
          section: null,
          step: null,
          reason: null,
          changes: [
            { field: "avenantNumero", before: null, after: 2 },
            { field: "dateFin", before: "2026-06-26", after: "2026-07-03" },
          ],
        },
        {
          at,
          actorName: "Isabelle Garcia",
          action: "avenant.validated",
          section: null,
          step: null,
          reason: null,
          changes: [
            { field: "avenantNumero", before: null, after: 2 },
            { field: "status", before: "SUBMITTED", after: "VALIDATED" },
          ],
        },
      ],
    });
    const shown = text(card);
    expect(shown).toContain("Isabelle Garcia a appliqué l'avenant n° 2 à la convention");
    expect(shown).toContain("Isabelle Garcia a validé l'avenant n° 2");
    expect(shown).toContain("26/06/2026 → 03/07/2026");
    expect(shown).not.toMatch(/SUBMITTED|avenantNumero/);
  });
});
