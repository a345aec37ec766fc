import { describe, expect, it } from "vitest";
import { parseSectionDraft, type TFieldError } from "../../../src/domain/sections/index.ts";

function errorsOf(input: unknown): TFieldError[] {
  const result = parseSectionDraft("stage", input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

describe("stage draft: accepted partial answers", () => {
  it.each([
    ["nothing answered yet", {}],
    ["only the sujet", { sujet: "Un sujet" }],
    ["cleared fields", { sujet: null, dateDebut: null, interruptions: null }],
    ["a leap day", { dateDebut: "2028-02-29" }],
    ["dates on the same day", { dateDebut: "2026-03-02", dateFin: "2026-03-02" }],
    [
      "an interruption on the bounds",
      {
        dateDebut: "2026-03-02",
        dateFin: "2026-06-26",
        interruptions: [{ dateDebut: "2026-03-02", dateFin: "2026-06-26" }],
      },
    ],
    ["interruptions without the internship dates yet", { interruptions: [{ dateDebut: "2026-03-02", dateFin: "2026-03-06" }] }],
    ["money with two decimals", { gratification: true, gratificationMontant: 4.35, gratificationType: "BRUT", gratificationUnite: "MOIS" }],
    ["weekly hours at the absolute bounds", { heuresHebdomadaires: 48 }],
  ])("accepts %s", (_label, input) => {
    expect(parseSectionDraft("stage", input)).toMatchObject({ ok: true });
  });

  it("trims texts, upper-cases the country and turns blanks into null", () => {
    const result = parseSectionDraft("stage", { sujet: "  Bot  ", paysIso2: " fr ", details: "   " });
    expect(result).toEqual({ ok: true, value: { sujet: "Bot", paysIso2: "FR", details: null } });
  });

  it("leaves unanswered fields out of the value, so a partial save cannot clear them", () => {
    const result = parseSectionDraft("stage", { sujet: "Bot" });
    expect(result.ok && Object.keys(result.value)).toEqual(["sujet"]);
  });
});

describe("stage draft: rejected values", () => {
  it.each<[string, Record<string, unknown>, TFieldError]>([
    ["end before start", { dateDebut: "2026-03-10", dateFin: "2026-03-09" }, { field: "dateFin", code: "end_before_start" }],
    ["30 February", { dateDebut: "2025-02-30" }, { field: "dateDebut", code: "invalid_date" }],
    ["29 February of a common year", { dateFin: "2026-02-29" }, { field: "dateFin", code: "invalid_date" }],
    ["a French date format", { dateDebut: "02/03/2026" }, { field: "dateDebut", code: "invalid_date" }],
    ["a date as a number", { dateDebut: 20260302 }, { field: "dateDebut", code: "invalid_type", params: { expected: "string" } }],
    ["a too long sujet", { sujet: "x".repeat(501) }, { field: "sujet", code: "too_long", params: { max: 500 } }],
    ["too long tasks", { fonctionsTaches: "x".repeat(4001) }, { field: "fonctionsTaches", code: "too_long", params: { max: 4000 } }],
    ["a too long comment", { commentaireTempsTravail: "x".repeat(2001) }, { field: "commentaireTempsTravail", code: "too_long", params: { max: 2000 } }],
    ["a negative amount", { gratificationMontant: -1 }, { field: "gratificationMontant", code: "too_small", params: { min: 0 } }],
    ["three decimals", { gratificationMontant: 4.355 }, { field: "gratificationMontant", code: "too_many_decimals", params: { max: 2 } }],
    ["an unknown stipend type", { gratificationType: "BRUTE" }, { field: "gratificationType", code: "invalid_choice", params: { allowed: "NET, BRUT" } }],
    ["an unknown unit", { gratificationUnite: "DECENNIE" }, expect.objectContaining({ field: "gratificationUnite", code: "invalid_choice" })],
    ["more than 48 weekly hours", { heuresHebdomadaires: 49 }, { field: "heuresHebdomadaires", code: "too_large", params: { max: 48 } }],
    ["less than 1 weekly hour", { heuresHebdomadaires: 0.5 }, { field: "heuresHebdomadaires", code: "too_small", params: { min: 1 } }],
    ["hours as a string", { heuresHebdomadaires: "35" }, { field: "heuresHebdomadaires", code: "invalid_type", params: { expected: "number" } }],
    ["a zero durée", { dureeEffectiveSaisie: 0 }, { field: "dureeEffectiveSaisie", code: "not_greater_than", params: { min: 0 } }],
    ["a country name", { paysIso2: "France" }, { field: "paysIso2", code: "invalid_country" }],
    ["a code with spaces", { thematiqueCode: "DROP TABLE" }, { field: "thematiqueCode", code: "invalid_code" }],
    ["a field of another section", { etudiantLastName: "Martin" }, { field: "etudiantLastName", code: "unknown_field" }],
    ["a boolean as a string", { confidentiel: "true" }, { field: "confidentiel", code: "invalid_type", params: { expected: "boolean" } }],
  ])("rejects %s", (_label, input, expected) => {
    expect(errorsOf(input)).toContainEqual(expected);
  });

  it("reports a date inversion even when another field is malformed", () => {
    const errors = errorsOf({ sujet: "x".repeat(600), dateDebut: "2026-03-10", dateFin: "2026-03-01" });
    expect(errors).toEqual([
      { field: "sujet", code: "too_long", params: { max: 500 } },
      { field: "dateFin", code: "end_before_start" },
    ]);
  });
});

describe("stage draft: interruptions and irregular periods", () => {
  const internship = { dateDebut: "2026-03-02", dateFin: "2026-06-26" };

  it.each<[string, Record<string, unknown>, TFieldError[]]>([
    [
      "an interruption starting before the internship",
      { ...internship, interruptions: [{ dateDebut: "2026-02-27", dateFin: "2026-03-03" }] },
      [{ field: "interruptions.0.dateDebut", code: "outside_internship" }],
    ],
    [
      "an interruption ending after the internship",
      {
        ...internship,
        interruptions: [
          { dateDebut: "2026-03-03", dateFin: "2026-03-04" },
          { dateDebut: "2026-06-25", dateFin: "2026-07-01" },
        ],
      },
      [{ field: "interruptions.1.dateFin", code: "outside_internship" }],
    ],
    [
      "an interruption ending before it starts",
      { ...internship, interruptions: [{ dateDebut: "2026-04-10", dateFin: "2026-04-09" }] },
      [{ field: "interruptions.0.dateFin", code: "end_before_start" }],
    ],
    [
      "overlapping interruptions",
      {
        ...internship,
        interruptions: [
          { dateDebut: "2026-04-01", dateFin: "2026-04-10" },
          { dateDebut: "2026-04-10", dateFin: "2026-04-12" },
        ],
      },
      [{ field: "interruptions.1.dateDebut", code: "overlap", params: { index: 1 } }],
    ],
    [
      "an interruption with a malformed date",
      { ...internship, interruptions: [{ dateDebut: "2026-04-31", dateFin: "2026-05-02" }] },
      [{ field: "interruptions.0.dateDebut", code: "invalid_date" }],
    ],
    [
      "an interruption without its end",
      { ...internship, interruptions: [{ dateDebut: "2026-04-01" }] },
      [{ field: "interruptions.0.dateFin", code: "required" }],
    ],
    [
      "an interruption with an extra key",
      { ...internship, interruptions: [{ dateDebut: "2026-04-01", dateFin: "2026-04-02", motif: "x" }] },
      [{ field: "interruptions.0.motif", code: "unknown_field" }],
    ],
    [
      "an irregular period outside the internship",
      { ...internship, horairesReguliers: false, irregularPeriods: [{ dateDebut: "2026-06-01", dateFin: "2026-07-31", hoursPerDay: 7 }] },
      [{ field: "irregularPeriods.0.dateFin", code: "outside_internship" }],
    ],
    [
      "an irregular period of zero hours a day",
      { ...internship, irregularPeriods: [{ dateDebut: "2026-03-02", dateFin: "2026-03-31", hoursPerDay: 0 }] },
      [{ field: "irregularPeriods.0.hoursPerDay", code: "not_greater_than", params: { min: 0 } }],
    ],
    [
      "an irregular period of 25 hours a day",
      { ...internship, irregularPeriods: [{ dateDebut: "2026-03-02", dateFin: "2026-03-31", hoursPerDay: 25 }] },
      [{ field: "irregularPeriods.0.hoursPerDay", code: "too_large", params: { max: 24 } }],
    ],
  ])("rejects %s", (_label, input, expected) => {
    expect(errorsOf(input)).toEqual(expected);
  });

  it("rejects more than 50 interruptions", () => {
    const many = Array.from({ length: 51 }, () => ({ dateDebut: "2026-03-02", dateFin: "2026-03-02" }));
    expect(errorsOf({ interruptions: many })).toContainEqual({ field: "interruptions", code: "too_many", params: { max: 50 } });
  });
});
