import { describe, expect, it } from "vitest";
import { CONVENTION_STATES, VALIDATION_STEPS } from "../../../src/domain/convention.ts";
import { PERMISSION_CODES } from "../../../src/domain/permissions.ts";
import { ALL_SECTION_IDS, CONVENTION_FIELDS, FIELD_ERROR_CODES, FORM_FIELD } from "../../../src/domain/sections/index.ts";
import { WORKFLOW_CODES } from "../../../src/domain/workflow.ts";
import { fieldErrorMessage, fieldLabel } from "../../../src/i18n/field-error-message.ts";
import { hasTranslation, LOCALES, translate } from "../../../src/i18n/translate.ts";

const ITEM_FIELDS = [
  "interruptions.dateDebut",
  "interruptions.dateFin",
  "irregularPeriods.dateDebut",
  "irregularPeriods.dateFin",
  "irregularPeriods.hoursPerDay",
];

const KEYS = [
  ...FIELD_ERROR_CODES.map((code) => `domain:field.${code}`),
  ...WORKFLOW_CODES.map((code) => `domain:workflow.${code}`),
  ...PERMISSION_CODES.map((code) => `domain:permission.${code}`),
  ...[...CONVENTION_FIELDS, FORM_FIELD].map((field) => `domain:fields.${field}`),
  ...ITEM_FIELDS.map((field) => `domain:items.${field}`),
  ...ALL_SECTION_IDS.map((id) => `domain:sections.${id}`),
  ...CONVENTION_STATES.map((state) => `domain:states.${state}`),
  ...VALIDATION_STEPS.map((step) => `domain:steps.${step}`),
  "domain:fieldItem",
];

describe("every code and field has a message in every language", () => {
  it.each(LOCALES.flatMap((locale) => KEYS.map((key) => [locale, key] as const)))("%s %s", (locale, key) => {
    expect(hasTranslation(locale, key)).toBe(true);
    expect(translate(locale, key).trim()).not.toBe("");
  });

  it("field error messages name the field away from their input, and only there", () => {
    for (const locale of LOCALES) {
      expect(translate(locale, "domain:fieldNamed")).toContain("{{field}}");
      for (const code of FIELD_ERROR_CODES) {
        expect(translate(locale, `domain:field.${code}`)).not.toContain("{{field}}");
      }
    }
  });
});

describe("fieldErrorMessage", () => {
  it.each([
    [
      "fr",
      { field: "dateFin", code: "end_before_start" } as const,
      "« Date de fin du stage » : la date de fin doit être postérieure ou égale à la date de début.",
    ],
    ["en", { field: "dateFin", code: "end_before_start" } as const, "“Internship end date”: the end date must be on or after the start date."],
    ["fr", { field: "sujet", code: "too_long", params: { max: 500 } } as const, "« Sujet » : 500 caractères au maximum."],
    [
      "fr",
      { field: "interruptions.1.dateFin", code: "outside_internship" } as const,
      "« Date de fin de l'interruption n° 2 » : la période doit être comprise entre la date de début et la date de fin du stage.",
    ],
    [
      "en",
      { field: "cpamAutre", code: "conflicts_with", params: { other: "cpamId" } } as const,
      "“Other fund (MSA, MGEN…)”: cannot be filled in together with “Health insurance fund (CPAM)”.",
    ],
  ] as const)("%s %j", (locale, error, expected) => {
    expect(fieldErrorMessage(locale, error)).toBe(expected);
  });

  it.each([
    ["fr", "irregularPeriods.0", "Périodes de travail (horaires irréguliers) n° 1"],
    ["fr", "notAField", "notAField"],
    ["en", "_form", "Form"],
  ] as const)("labels %s %s", (locale, field, expected) => {
    expect(fieldLabel(locale, field)).toBe(expected);
  });
});

describe("legal rules in a field's error", () => {
  it("write their dates as the convention does (DD/MM/YYYY), not in ISO form", async () => {
    const { fieldErrorMessage } = await import("../../../src/i18n/field-error-message.ts");
    const message = fieldErrorMessage("fr", {
      field: "dateFin",
      code: "legal_rule",
      params: { rule: "END_BEFORE_START", start: "2027-03-01", end: "2027-02-01" },
    });
    expect(message).toContain("01/03/2027");
    expect(message).not.toContain("2027-03-01");
  });
});
