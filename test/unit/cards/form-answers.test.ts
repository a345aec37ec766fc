import { describe, expect, it } from "vitest";
import { formAnswers, sectionFormCard } from "../../../src/cards/index.ts";
import { FORM_FIELDS } from "../../../src/cards/section-form-fields.ts";
import type { TConventionValues } from "../../../src/domain/convention.ts";
import { parseSectionDraft, SECTION_IDS, SECTIONS, type TFieldError, type TSectionId } from "../../../src/domain/sections/index.ts";
import { completeConventionValues } from "../domain/fixtures.ts";
import { actionsOf, submission } from "./card-checks.ts";
import { irregularValues, sectionFormView } from "./card-fixtures.ts";

type TField = keyof TConventionValues;

// A toggle cannot say "not answered": an unset flag is submitted as "false".
function expectedAnswer(field: TField, values: TConventionValues): unknown {
  const spec = FORM_FIELDS[field];
  return spec.kind === "boolean" && spec.widget === "toggle" ? (values[field] ?? false) : values[field];
}

function roundTrip(sectionId: TSectionId, values: TConventionValues): Record<string, unknown> {
  const card = sectionFormCard("fr", sectionFormView(sectionId, { values }));
  const save = actionsOf(card).find((action) => action["verb"] === "save_section");
  if (!save) throw new Error("no save button");
  return formAnswers(sectionId, submission(card, save));
}

function parsed(sectionId: TSectionId, answers: Record<string, unknown>): Record<string, unknown> {
  const result = parseSectionDraft(sectionId, answers);
  if (!result.ok) throw new Error(`rejected: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(sectionId: TSectionId, answers: Record<string, unknown>): TFieldError[] {
  const result = parseSectionDraft(sectionId, answers);
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value)}`);
  return result.errors;
}

const CASES: Array<[string, TConventionValues]> = [
  ["a complete convention", completeConventionValues()],
  ["an irregular schedule, a confidential subject, telework", irregularValues()],
  [
    "a student with another caisse and fewer than 200 hours",
    completeConventionValues({ cpamId: null, cpamAutre: "MSA Provence-Azur", heuresFormationPlus200: false, heuresFormation: 150 }),
  ],
  [
    "a stage without stipend nor interruption",
    completeConventionValues({
      gratification: false,
      gratificationMontant: null,
      gratificationType: null,
      gratificationUnite: null,
      deviseCode: null,
      modeVersementCode: null,
      interruptions: null,
    }),
  ],
];

describe("formAnswers reads back what the form shows", () => {
  it.each(CASES.flatMap(([name, values]) => SECTION_IDS.map((sectionId) => [name, sectionId, values] as const)))(
    "%s: section %s round-trips through parseSectionDraft",
    (_name, sectionId, values) => {
      const answers = roundTrip(sectionId, values);
      const value = parsed(sectionId, answers);
      for (const field of SECTIONS[sectionId].fields as TField[]) {
        if (FORM_FIELDS[field].kind === "derived") {
          expect(answers, `${field} is set by the application`).not.toHaveProperty(field);
          continue;
        }
        expect(value[field] ?? null, field).toEqual(expectedAnswer(field, values));
      }
    },
  );
});

describe("formAnswers types the submitted strings", () => {
  it("turns blanks into null and reads numbers, ids and booleans", () => {
    const answers = formAnswers("stage", {
      sujet: "  ",
      heuresHebdomadaires: "35,5",
      dureeEffectiveSaisie: " 520.25 ",
      gratification: "true",
      confidentiel: "false",
      details: "",
    });
    expect(answers).toEqual({ sujet: null, heuresHebdomadaires: 35.5, dureeEffectiveSaisie: 520.25, gratification: true, confidentiel: false, details: null });
    expect(formAnswers("etablissement", { etablissementId: "100" })).toEqual({ etablissementId: 100 });
  });

  it.each<[TSectionId, string, string]>([
    ["stage", "heuresHebdomadaires", "abc"],
    ["stage", "heuresHebdomadaires", "1e3"],
    ["stage", "gratificationMontant", "0x10"],
    ["stage", "gratification", "oui"],
    ["etudiant", "heuresFormation", "deux cents"],
    ["etablissement", "etablissementId", "12abc"],
    ["tuteur", "tuteurId", "-3"],
  ])("%s: keeps %s = %j as typed, so the schema rejects it by name", (sectionId, field, typed) => {
    const answers = formAnswers(sectionId, { [field]: typed });
    expect(answers).toEqual({ [field]: typed });
    expect(errorsOf(sectionId, answers)).toContainEqual(expect.objectContaining({ field }));
  });

  it("never produces NaN or Infinity: unreadable numbers stay as typed", () => {
    const answers = formAnswers("stage", {
      heuresHebdomadaires: "NaN",
      gratificationMontant: "Infinity",
      "irregularPeriods.0.dateDebut": "2026-03-02",
      "irregularPeriods.0.hoursPerDay": ".",
    });
    expect(answers).toEqual({
      heuresHebdomadaires: "NaN",
      gratificationMontant: "Infinity",
      irregularPeriods: [{ dateDebut: "2026-03-02", hoursPerDay: "." }],
    });
  });

  it("ignores the action's data, other sections' fields and derived fields", () => {
    const answers = formAnswers("stage", {
      conventionId: 42,
      version: 7,
      section: "stage",
      etablissementId: "100",
      etudiantLastName: "Martin",
      academicYear: "2025/2026",
      sujet: "Un bot",
    });
    expect(answers).toEqual({ sujet: "Un bot" });
    expect(formAnswers("etudiant", { academicYear: "2025/2026", typeConvention: "FI" })).toEqual({});
  });

  it("leaves out the fields a partial submission did not carry", () => {
    expect(formAnswers("stage", { dateDebut: "2026-03-02" })).toEqual({ dateDebut: "2026-03-02" });
  });
});

describe("formAnswers reads period rows", () => {
  it("drops empty rows and keeps filled ones in order", () => {
    const answers = formAnswers("stage", {
      "interruptions.0.dateDebut": "2026-04-20",
      "interruptions.0.dateFin": "2026-04-24",
      "interruptions.1.dateDebut": "",
      "interruptions.1.dateFin": "",
      "interruptions.2.dateDebut": "2026-05-11",
      "interruptions.2.dateFin": "2026-05-12",
      "irregularPeriods.0.dateDebut": "2026-03-02",
      "irregularPeriods.0.dateFin": "2026-04-30",
      "irregularPeriods.0.hoursPerDay": "7,5",
    });
    expect(answers).toEqual({
      interruptions: [
        { dateDebut: "2026-04-20", dateFin: "2026-04-24" },
        { dateDebut: "2026-05-11", dateFin: "2026-05-12" },
      ],
      irregularPeriods: [{ dateDebut: "2026-03-02", dateFin: "2026-04-30", hoursPerDay: 7.5 }],
    });
  });

  it("clears a list whose rows are all empty", () => {
    expect(formAnswers("stage", { "interruptions.0.dateDebut": "", "interruptions.0.dateFin": " " })).toEqual({ interruptions: null });
  });

  it("keeps a half-filled row so the schema reports the missing date on its input", () => {
    const answers = formAnswers("stage", { "interruptions.0.dateDebut": "2026-04-20", "interruptions.0.dateFin": "" });
    expect(answers).toEqual({ interruptions: [{ dateDebut: "2026-04-20" }] });
    expect(errorsOf("stage", answers)).toContainEqual({ field: "interruptions.0.dateFin", code: "required" });
  });

  it("keeps unreadable hours so the schema rejects them", () => {
    const answers = formAnswers("stage", {
      "irregularPeriods.0.dateDebut": "2026-03-02",
      "irregularPeriods.0.dateFin": "2026-04-30",
      "irregularPeriods.0.hoursPerDay": "sept",
    });
    expect(errorsOf("stage", answers)).toContainEqual(expect.objectContaining({ field: "irregularPeriods.0.hoursPerDay" }));
  });
});
