import { describe, expect, it } from "vitest";
import { sectionFormCard } from "../../../src/cards/index.ts";
import { FORM_FIELDS, SECTION_LAYOUT } from "../../../src/cards/section-form-fields.ts";
import { TEXT_MAX } from "../../../src/domain/sections/fields.ts";
import { SECTION_IDS, type TFieldError, type TSectionId } from "../../../src/domain/sections/index.ts";
import { fieldErrorText, fieldLabel } from "../../../src/i18n/field-error-message.ts";
import { LOCALES } from "../../../src/i18n/translate.ts";
import { completeConventionValues } from "../domain/fixtures.ts";
import { actionsOf, elementAfterInput, inputById, inputsOf, nodesOf, visibleStrings } from "./card-checks.ts";
import { HEADER, LABELS, sectionFormView } from "./card-fixtures.ts";

const STAGE_ERRORS: TFieldError[] = [
  { field: "dateFin", code: "end_before_start" },
  { field: "interruptions.0.dateFin", code: "outside_internship" },
  { field: "heuresHebdomadaires", code: "too_large", params: { max: 48 } },
  { field: "sujet", code: "too_long", params: { max: 500 } },
  { field: "gratification", code: "required" },
];

// Issue 14, item 15: under its input, an error does not repeat the input's label.
describe("a field's error is right under its input", () => {
  it.each(LOCALES)("in %s, for plain fields and period rows", (locale) => {
    const card = sectionFormCard(locale, sectionFormView("stage", { errors: STAGE_ERRORS }));
    for (const error of STAGE_ERRORS) {
      const next = elementAfterInput(card, error.field);
      expect(next, error.field).toMatchObject({ type: "TextBlock", color: "Attention", wrap: true, text: fieldErrorText(locale, error) });
    }
  });

  it("joins several errors of one field, and lists errors that have no input on top of the card", () => {
    const errors: TFieldError[] = [
      { field: "cpamAutre", code: "conflicts_with", params: { other: "cpamId" } },
      { field: "cpamAutre", code: "too_long", params: { max: 100 } },
      { field: "_form", code: "invalid" },
    ];
    const card = sectionFormCard("fr", sectionFormView("etudiant", { errors }));
    const under = elementAfterInput(card, "cpamAutre");
    expect(under?.["text"]).toBe(`${fieldErrorText("fr", errors[0]!)} ${fieldErrorText("fr", errors[1]!)}`);
    const top = nodesOf(card)
      .slice(0, 6)
      .map((node) => node["text"]);
    expect(top).toContain(fieldErrorText("fr", errors[2]!));
    expect(top).toContain("2 réponses sont à corriger : voyez les messages sous les champs concernés.");
  });

  it("shows an error on a whole period list under the list's heading", () => {
    const error: TFieldError = { field: "interruptions", code: "too_many", params: { max: 50 } };
    const card = sectionFormCard("fr", sectionFormView("stage", { errors: [error] }));
    const texts = nodesOf(card).map((node) => node["text"]);
    const heading = texts.indexOf(fieldLabel("fr", "interruptions"));
    expect(texts[heading + 1]).toBe(fieldErrorText("fr", error));
  });

  it("adds rows so that an error on a later period still has its input", () => {
    const error: TFieldError = { field: "interruptions.4.dateDebut", code: "invalid_date" };
    const card = sectionFormCard("fr", sectionFormView("stage", { errors: [error] }));
    expect(elementAfterInput(card, "interruptions.4.dateDebut")?.["text"]).toBe(fieldErrorText("fr", error));
    expect(inputById(card, "interruptions.6.dateFin")).toBeDefined();
  });
});

describe("inputs", () => {
  it.each(SECTION_IDS)("%s: one input per field, id = field name, mandatory ones marked but never blocking a partial save", (sectionId) => {
    const card = sectionFormCard("fr", sectionFormView(sectionId));
    for (const group of SECTION_LAYOUT[sectionId]) {
      for (const field of group.fields) {
        const spec = FORM_FIELDS[field];
        if (spec.kind === "derived" || spec.kind === "periods") continue;
        const input = inputById(card, field);
        const label = input["type"] === "Input.Toggle" ? input["title"] : input["label"];
        const mandatory = "required" in spec && spec.required === true;
        expect(label).toBe(mandatory ? `${fieldLabel("fr", field)} *` : fieldLabel("fr", field));
        // Teams and the playground refuse to submit a form with an empty isRequired input.
        expect(input["isRequired"] === true, `${field} must not block a partial save`).toBe(false);
      }
    }
  });

  it("never requires a field that only some answers make mandatory", () => {
    const card = sectionFormCard("fr", sectionFormView("stage"));
    for (const field of ["heuresHebdomadaires", "gratificationMontant", "gratificationType", "deviseCode"]) {
      expect(inputById(card, field)["isRequired"]).toBe(false);
    }
    expect(inputById(sectionFormCard("fr", sectionFormView("etudiant")), "cpamId")["isRequired"]).toBe(false);
  });

  it.each<[TSectionId, string, string]>([
    ["etudiant", "cpamId", "cpam"],
    ["etablissement", "etablissementId", "etablissements"],
    ["service", "serviceId", "services"],
    ["tuteur", "tuteurId", "contacts"],
    ["enseignant", "enseignantId", "enseignants"],
    ["signataire", "signataireId", "contacts"],
  ])("%s: %s is a typeahead on the %s dataset, its current value selectable with its label", (sectionId, field, dataset) => {
    const card = sectionFormCard("en", sectionFormView(sectionId));
    const input = inputById(card, field);
    expect(input).toMatchObject({ type: "Input.ChoiceSet", style: "filtered", "choices.data": { type: "Data.Query", dataset } });
    const values: Readonly<Record<string, unknown>> = completeConventionValues();
    expect(input["value"]).toBe(String(values[field]));
    expect(input["choices"]).toContainEqual({ title: LABELS[field as keyof typeof LABELS], value: String(values[field]) });
  });

  it("keeps the current value of a typeahead selectable even when the core sent no choices", () => {
    const card = sectionFormCard("fr", sectionFormView("enseignant", { choices: {} }));
    expect(inputById(card, "enseignantId")["choices"]).toEqual([{ title: LABELS.enseignantId, value: "400" }]);
  });

  it("prefills each kind of input as the renderers expect", () => {
    const card = sectionFormCard("fr", sectionFormView("stage"));
    expect(inputById(card, "dateDebut")).toMatchObject({ type: "Input.Date", value: "2026-03-02" });
    expect(inputById(card, "heuresHebdomadaires")).toMatchObject({ type: "Input.Number", value: 35 });
    expect(inputById(card, "dureeEffectiveSaisie")).not.toHaveProperty("value");
    expect(inputById(card, "sujet")).toMatchObject({ type: "Input.Text", isMultiline: true, maxLength: TEXT_MAX.sujet });
    expect(inputById(card, "fonctionsTaches")).toMatchObject({ isMultiline: true, maxLength: TEXT_MAX.longText });
    expect(inputById(card, "confidentiel")).toMatchObject({ type: "Input.Toggle", value: "false", valueOn: "true", valueOff: "false" });
    expect(inputById(card, "gratification")).toMatchObject({ type: "Input.ChoiceSet", style: "expanded", value: "true" });
    expect(inputById(card, "gratificationType")).toMatchObject({ type: "Input.ChoiceSet", style: "compact", value: "NET" });
    expect(inputById(card, "thematiqueCode")).toMatchObject({ type: "Input.ChoiceSet", style: "filtered", value: "INFORMATIQUE" });
  });

  it("offers the periods entered plus two empty rows", () => {
    const card = sectionFormCard("fr", sectionFormView("stage"));
    const ids = inputsOf(card)
      .map((input) => String(input["id"]))
      .filter((id) => id.includes("."));
    expect(ids).toEqual([
      "interruptions.0.dateDebut",
      "interruptions.0.dateFin",
      "interruptions.1.dateDebut",
      "interruptions.1.dateFin",
      "interruptions.2.dateDebut",
      "interruptions.2.dateFin",
      ...[0, 1].flatMap((i) => [`irregularPeriods.${i}.dateDebut`, `irregularPeriods.${i}.dateFin`, `irregularPeriods.${i}.hoursPerDay`]),
    ]);
    expect(inputById(card, "interruptions.0.dateFin")).toMatchObject({ value: "2026-04-24", label: "Date de fin de l'interruption n° 1" });
  });

  it("groups the stage section under AMUSTAGE's headings", () => {
    const texts = visibleStrings(sectionFormCard("fr", sectionFormView("stage")));
    for (const heading of ["Description du stage", "Dates / horaires", "Gratification", "Divers", "Travail exceptionnel"]) {
      expect(texts).toContain(heading);
    }
  });
});

describe("buttons", () => {
  // Issue 14, item 10: « Annuler » sends what was typed, kept aside as a draft, never saved.
  it("saves with the convention, its version and the section; « Annuler » sends the inputs to keep them aside", () => {
    const actions = actionsOf(sectionFormCard("fr", sectionFormView("stage")));
    expect(actions).toContainEqual(
      expect.objectContaining({ verb: "save_section", title: "Enregistrer", data: { conventionId: 42, version: 7, section: "stage" } }),
    );
    expect(actions).toContainEqual(
      expect.objectContaining({ verb: "form_closed", title: "Annuler", data: { conventionId: 42, version: 7, section: "stage" } }),
    );
    expect(actions.find((action) => action["verb"] === "form_closed")?.["associatedInputs"]).not.toBe("none");
  });

  it("section 2 offers to create an établissement, and to propose a correction to the chosen one", () => {
    const actions = actionsOf(sectionFormCard("fr", sectionFormView("etablissement")));
    expect(actions).toContainEqual(expect.objectContaining({ title: "Créer un établissement", verb: "open_etablissement_create", data: { conventionId: 42 } }));
    expect(actions).toContainEqual(
      expect.objectContaining({ title: "Proposer une correction", verb: "open_etablissement_create", data: { conventionId: 42, etablissementId: 100 } }),
    );
    const none = actionsOf(sectionFormCard("fr", sectionFormView("etablissement", { values: { etablissementId: null } })));
    expect(none.map((action) => action["title"])).not.toContain("Proposer une correction");
  });

  it.each<[TSectionId, string, string]>([
    ["service", "open_service_create", "Créer un service"],
    ["tuteur", "open_contact_create", "Créer un contact"],
    ["signataire", "open_contact_create", "Créer un contact"],
  ])("%s offers %s for the chosen établissement", (sectionId, verb, title) => {
    const actions = actionsOf(sectionFormCard("fr", sectionFormView(sectionId)));
    expect(actions).toContainEqual(
      expect.objectContaining({ verb, title, associatedInputs: "none", data: { conventionId: 42, etablissementId: 100, forSection: sectionId } }),
    );
  });

  it("asks to choose the établissement first when there is none", () => {
    const card = sectionFormCard("fr", sectionFormView("tuteur", { values: { etablissementId: null, tuteurId: null } }));
    expect(actionsOf(card).map((action) => action["verb"])).toEqual(["save_section", "form_closed"]);
    expect(visibleStrings(card)).toContain(
      "Choisissez d'abord l'établissement d'accueil (rubrique 2) : ses services et ses contacts seront alors proposés ici.",
    );
  });
});

describe("hints and read-only", () => {
  it("names the missing mandatory fields", () => {
    const card = sectionFormCard("fr", sectionFormView("stage", { missing: ["sujet", "dateFin"] }));
    expect(visibleStrings(card)).toContain("Champs obligatoires encore à renseigner : Sujet et Date de fin du stage.");
  });

  it("shows the values as text, without inputs, when the section can no longer be changed", () => {
    const card = sectionFormCard("fr", sectionFormView("stage", { readOnly: true }));
    expect(inputsOf(card)).toEqual([]);
    expect(actionsOf(card)).toEqual([expect.objectContaining({ verb: "cancel", title: "Fermer" })]);
    const facts = nodesOf(card).flatMap((node) => (Array.isArray(node["facts"]) ? node["facts"] : []));
    expect(facts).toContainEqual({ title: "Date de début du stage", value: "02/03/2026" });
    expect(facts).toContainEqual({ title: "Gratification au cours du stage", value: "Oui" });
    expect(facts).toContainEqual({ title: "Montant de la gratification", value: "4,50" });
    expect(facts).toContainEqual({ title: "Thématique du stage", value: "Informatique" });
  });

  it("says whom to contact when a list the student must choose from is empty, with its error", () => {
    const error: TFieldError = { field: "inscriptionId", code: "required" };
    const card = sectionFormCard("fr", sectionFormView("etudiant", { values: { inscriptionId: null }, choices: {}, errors: [error] }));
    expect(inputsOf(card).map((input) => input["id"])).not.toContain("inscriptionId");
    const texts = visibleStrings(card);
    const fact = texts.indexOf("Aucune valeur disponible : contactez votre gestionnaire de conventions.");
    expect(texts[fact - 1]).toBe("Formation");
    expect(texts[fact + 1]).toBe(fieldErrorText("fr", error));
  });

  it("shows the fields the application derives from the inscription as text", () => {
    const card = sectionFormCard("fr", sectionFormView("etudiant"));
    expect(inputsOf(card).map((input) => input["id"])).not.toContain("academicYear");
    const facts = nodesOf(card).flatMap((node) => (Array.isArray(node["facts"]) ? node["facts"] : []));
    expect(facts).toContainEqual({ title: "Année inscription", value: "2025/2026" });
    expect(facts).toContainEqual({ title: "Type de convention", value: "Formation initiale" });
  });

  it("shows the minimum gratification the stage's dates decide, in total and per month", () => {
    // 1 Sep – 31 Oct 2025 at 35 h: 315 h × 4.35 = 1 370.25 €, over 2 months = 685.13 €
    const figure = {
      code: "GRATIFICATION_MANDATORY",
      severity: "info",
      params: { threshold: 308, hours: 315, minimum: 1370.25, minimumPerMonth: 685.13, months: 2 },
    } as const;
    const fr = visibleStrings(sectionFormCard("fr", sectionFormView("stage", { figures: [figure] })));
    expect(fr.some((text) => /1\s370,25\s€ au total, soit 685,13\s€ par mois sur 2 mois de stage/u.test(text))).toBe(true);
    const en = visibleStrings(sectionFormCard("en", sectionFormView("stage", { figures: [figure] })));
    expect(en.some((text) => text.includes("€1,370.25 in total, that is €685.13 a month over 2 months"))).toBe(true);
  });

  it("titles the form with the section's number and the convention", () => {
    const texts = visibleStrings(sectionFormCard("en", sectionFormView("tuteur", { header: { ...HEADER, numero: 51928 } })));
    expect(texts.slice(0, 2)).toEqual(["4. Workplace tutor", "Convention no. 51928 — Léa Martin"]);
  });
});
