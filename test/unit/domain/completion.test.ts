import { describe, expect, it } from "vitest";
import type { TConventionValues } from "../../../src/domain/convention.ts";
import { conventionCompletion, emptyConventionValues, SECTION_IDS, sectionCompletion, type TSectionId } from "../../../src/domain/sections/index.ts";
import { completeConventionValues } from "./fixtures.ts";

describe("completion of a complete convention", () => {
  it.each(SECTION_IDS.map((id) => [id]))("%s is complete", (section) => {
    expect(sectionCompletion(section, completeConventionValues())).toEqual({ state: "complete", missing: [], errors: [] });
  });

  it("the convention is complete", () => {
    expect(conventionCompletion(completeConventionValues()).complete).toBe(true);
  });
});

describe("completion of an empty convention", () => {
  it.each<[TSectionId, string[]]>([
    ["etudiant", ["etudiantLastName", "etudiantFirstName", "cpamId", "inscriptionId", "elementPedagogiqueId", "heuresFormationPlus200", "langue"]],
    ["etablissement", ["etablissementId"]],
    ["service", ["serviceId"]],
    ["tuteur", ["tuteurId"]],
    [
      "stage",
      [
        "paysIso2",
        "thematiqueCode",
        "sujet",
        "competences",
        "fonctionsTaches",
        "dateDebut",
        "dateFin",
        "horairesReguliers",
        "gratification",
        "tempsTravailCode",
        "origineStageCode",
        "natureTravailCode",
        "modaliteValidationCode",
      ],
    ],
    ["enseignant", ["enseignantId"]],
    ["signataire", ["signataireId"]],
  ])("%s misses its mandatory fields", (section, missing) => {
    expect(sectionCompletion(section, emptyConventionValues())).toEqual({ state: "incomplete", missing, errors: [] });
  });

  it("the convention is not complete", () => {
    const completion = conventionCompletion(emptyConventionValues());
    expect(completion.complete).toBe(false);
    expect(Object.keys(completion.sections)).toEqual([...SECTION_IDS]);
  });
});

describe("conditional requirements", () => {
  it.each<[string, TSectionId, Partial<TConventionValues>, string[]]>([
    ["heures de formation when not over 200", "etudiant", { heuresFormationPlus200: false }, ["heuresFormation"]],
    ["nothing more when over 200", "etudiant", { heuresFormationPlus200: true, heuresFormation: null }, []],
    ["a CPAM or another caisse", "etudiant", { cpamId: null, cpamAutre: null }, ["cpamId"]],
    ["another caisse suffices", "etudiant", { cpamId: null, cpamAutre: "MSA" }, []],
    ["weekly hours for a regular schedule", "stage", { heuresHebdomadaires: null }, ["heuresHebdomadaires"]],
    ["periods for an irregular schedule", "stage", { horairesReguliers: false, heuresHebdomadaires: null, irregularPeriods: [] }, ["irregularPeriods"]],
    [
      "no weekly hours for an irregular schedule",
      "stage",
      {
        horairesReguliers: false,
        heuresHebdomadaires: null,
        irregularPeriods: [{ dateDebut: "2026-03-02", dateFin: "2026-06-26", hoursPerDay: 7 }],
      },
      [],
    ],
    [
      "every stipend detail when there is one",
      "stage",
      {
        gratificationMontant: null,
        gratificationType: null,
        gratificationUnite: null,
        deviseCode: null,
        modeVersementCode: null,
      },
      ["gratificationMontant", "gratificationType", "gratificationUnite", "deviseCode", "modeVersementCode"],
    ],
    [
      "no stipend detail without stipend",
      "stage",
      {
        gratification: false,
        gratificationMontant: null,
        gratificationType: null,
        gratificationUnite: null,
        deviseCode: null,
        modeVersementCode: null,
      },
      [],
    ],
    ["interruptions are optional", "stage", { interruptions: null }, []],
    ["a blank sujet is missing", "stage", { sujet: "   " }, ["sujet"]],
  ])("%s", (_label, section, overrides, missing) => {
    const completion = sectionCompletion(section, completeConventionValues(overrides));
    expect(completion.missing).toEqual(missing);
    expect(completion.state).toBe(missing.length === 0 ? "complete" : "incomplete");
  });
});

describe("invalid sections", () => {
  it("a section with an error is invalid even when nothing is missing", () => {
    const completion = sectionCompletion("stage", completeConventionValues({ dateFin: "2026-03-01" }));
    expect(completion).toEqual({ state: "invalid", missing: [], errors: [{ field: "dateFin", code: "end_before_start" }] });
  });

  it("invalid beats incomplete, and both are reported", () => {
    const completion = sectionCompletion(
      "stage",
      completeConventionValues({ sujet: null, interruptions: [{ dateDebut: "2026-01-05", dateFin: "2026-01-09" }] }),
    );
    expect(completion.state).toBe("invalid");
    expect(completion.missing).toEqual(["sujet"]);
    expect(completion.errors).toEqual([{ field: "interruptions.0.dateDebut", code: "outside_internship" }]);
  });

  it("the convention with an invalid section is not complete", () => {
    const completion = conventionCompletion(completeConventionValues({ etudiantEmail: "not-an-email" }));
    expect(completion.complete).toBe(false);
    expect(completion.sections.etudiant.state).toBe("invalid");
    expect(completion.sections.stage.state).toBe("complete");
  });
});
