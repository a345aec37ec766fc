import { describe, expect, it } from "vitest";
import { buildConventionPdfModel } from "../../../src/app/documents/convention-pdf-model.ts";
import { institutionClauses } from "../../../src/app/documents/institution-clauses.ts";
import { languageModelOf } from "../../../src/domain/convention-language.ts";
import { DEFAULT_GRATIFICATION_RATES } from "../../../src/domain/rules/index.ts";
import { emptyConventionValues } from "../../../src/domain/sections/index.ts";
import { sampleConvention } from "../../../src/pdf/sample-data.ts";

// Issue 14, item 5: the language model follows the country.
describe("the convention's language model", () => {
  it.each([
    ["FR", true, "FR"],
    ["GP", true, "FR"],
    ["NC", true, "FR"],
    ["PF", true, "FR"],
    ["PM", true, "FR"],
    ["WF", true, "FR"],
    ["BE", true, "FR_FRANCOPHONE"],
    ["SN", true, "FR_FRANCOPHONE"],
    ["DE", false, "EN_FR"],
  ] as const)("%s (francophone: %s) → %s", (iso2, francophone, expected) => {
    expect(languageModelOf({ iso2, francophone })).toBe(expected);
  });

  it("a stage in France is printed on the French model even when « bilingue » was saved", () => {
    const values = { ...emptyConventionValues(), paysIso2: "FR", langue: "EN_FR" as const };
    const model = buildConventionPdfModel({
      convention: { ...sampleConvention(), numero: null, state: "DRAFT", values },
      parties: {
        birthDate: null,
        cpam: null,
        formation: null,
        element: null,
        centre: null,
        etablissement: null,
        service: null,
        tuteur: null,
        signataire: null,
        enseignant: null,
        avenants: [],
        validations: [],
      },
      labels: { fr: { paysIso2: "France" }, en: { paysIso2: "France" } },
      institution: { name: "Université de démonstration", logo: null, clauses: institutionClauses() },
      createdAt: new Date("2026-11-28T10:00:00Z"),
      gratificationRates: DEFAULT_GRATIFICATION_RATES,
    });
    const subtitles = JSON.stringify(model.chrome.subtitles);
    expect(subtitles).not.toMatch(/étranger|abroad/);
    expect(subtitles).toContain("France");
    expect(model.langue).toBe("FR");
    expect(model.bilingual).toBe(false);
  });
});
