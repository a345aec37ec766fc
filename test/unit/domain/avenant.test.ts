import { describe, expect, it } from "vitest";
import {
  AMENDABLE_FIELDS,
  AVENANT_FIELDS,
  avenantErrors,
  changedFields,
  fieldErrorsOfMotifs,
  MOTIFS_AVENANT,
  parseAvenantChanges,
  parseMotifs,
  type TAvenantRequestFacts,
  type TMotifAvenant,
} from "../../../src/domain/avenant.ts";
import type { TConventionValues } from "../../../src/domain/convention.ts";
import { CONVENTION_FIELDS } from "../../../src/domain/sections/index.ts";
import { completeConventionValues } from "./fixtures.ts";

const CURRENT = completeConventionValues();

function request(motifs: TMotifAvenant[], changes: Partial<TConventionValues>, extra: Partial<TAvenantRequestFacts> = {}): TAvenantRequestFacts {
  return { motifs, motifAutre: null, comment: null, current: CURRENT, changes, changed: changedFields(CURRENT, changes), ...extra };
}

describe("avenant motives and the fields they may change", () => {
  it("covers the nine motives of MOTIF_AVENANT, AUTRE changing no field", () => {
    expect(MOTIFS_AVENANT).toEqual(["RUPTURE", "DATES", "INTERRUPTION", "SERVICE", "SUJET", "TUTEUR", "ENSEIGNANT", "GRATIFICATION", "AUTRE"]);
    expect(AVENANT_FIELDS.AUTRE).toEqual([]);
    for (const field of AMENDABLE_FIELDS) expect(CONVENTION_FIELDS).toContain(field);
  });

  it.each([
    ["signataireId", { signataireId: 999 }],
    ["etablissementId", { etablissementId: 999 }],
    ["academicYear", { academicYear: "2026/2027" }],
    ["inscriptionId", { inscriptionId: 999 }],
    ["paysIso2", { paysIso2: "BE" }],
    ["heuresHebdomadaires", { heuresHebdomadaires: 20 }],
  ] as const)("refuses a change of %s: a new convention is needed", (field, changes) => {
    const errors = avenantErrors(request([...MOTIFS_AVENANT], changes, { motifAutre: "tout", comment: "tout" }));
    expect(errors).toContainEqual({ field, code: "new_convention_needed", params: { field } });
  });

  it.each<[string, TMotifAvenant[], Partial<TConventionValues>, TMotifAvenant]>([
    ["sujet", ["DATES"], { sujet: "Un autre sujet" }, "SUJET"],
    ["serviceId", ["TUTEUR"], { serviceId: 201 }, "SERVICE"],
    ["dateDebut", ["RUPTURE"], { dateDebut: "2026-03-09", dateFin: "2026-05-29" }, "DATES"],
    ["gratificationMontant", ["SUJET"], { gratificationMontant: 5 }, "GRATIFICATION"],
    ["interruptions", ["DATES"], { interruptions: [] }, "INTERRUPTION"],
  ])("refuses a change of %s the chosen motives do not cover, naming the motive that would", (field, motifs, changes, covering) => {
    const errors = avenantErrors(request(motifs, changes, { comment: "raison" }));
    const error = errors.find((candidate) => candidate.field === field);
    expect(error?.code).toBe("field_not_in_motives");
    expect(String(error?.params?.motifs)).toContain(covering);
  });

  it("accepts changes within the motives: dates, sujet texts, gratification, service, tuteur, référent", () => {
    const changes: Partial<TConventionValues> = {
      dateFin: "2026-07-03",
      sujet: "Nouveau sujet",
      competences: "Autres compétences",
      gratificationMontant: 5.1,
      modeVersementCode: "CHEQUE",
      serviceId: 201,
      tuteurId: 302,
      enseignantId: 401,
      interruptions: [],
    };
    const motifs: TMotifAvenant[] = ["DATES", "SUJET", "GRATIFICATION", "SERVICE", "TUTEUR", "ENSEIGNANT", "INTERRUPTION"];
    expect(avenantErrors(request(motifs, changes))).toEqual([]);
  });

  it("refuses an avenant that changes nothing, but an AUTRE avenant may be its description alone", () => {
    expect(avenantErrors(request(["DATES"], { dateFin: CURRENT.dateFin }))).toEqual([{ field: "_form", code: "no_change" }]);
    expect(avenantErrors(request(["AUTRE"], {}, { motifAutre: "Changement du lieu de restauration" }))).toEqual([]);
  });

  it("requires the text of an AUTRE motive, at most 2000 characters", () => {
    expect(avenantErrors(request(["AUTRE"], {}))).toContainEqual({ field: "motifAutre", code: "required" });
    expect(avenantErrors(request(["AUTRE"], {}, { motifAutre: "x".repeat(2001) }))).toContainEqual({
      field: "motifAutre",
      code: "too_long",
      params: { max: 2000 },
    });
  });

  it("RUPTURE: an earlier end date and a comment saying why", () => {
    expect(avenantErrors(request(["RUPTURE"], { dateFin: "2026-05-15" }, { comment: "Abandon du stage par l'étudiante" }))).toEqual([]);
    const later = avenantErrors(request(["RUPTURE"], { dateFin: "2026-07-10" }, { comment: "raison" }));
    expect(later).toEqual([{ field: "dateFin", code: "rupture_not_earlier", params: { end: "2026-06-26" } }]);
    const unchanged = avenantErrors(request(["RUPTURE"], {}));
    expect(unchanged).toContainEqual({ field: "comment", code: "required" });
    expect(unchanged).toContainEqual({ field: "dateFin", code: "rupture_not_earlier", params: { end: "2026-06-26" } });
    expect(unchanged.map((error) => error.code)).not.toContain("no_change");
  });
});

describe("parseMotifs", () => {
  it("keeps known motives once each, in the list's order", () => {
    expect(parseMotifs([" SUJET", "DATES", "SUJET"])).toEqual({ motifs: ["DATES", "SUJET"], errors: [] });
  });

  it("requires one motive and refuses unknown codes", () => {
    expect(parseMotifs(["", " "]).errors).toEqual([{ field: "motifs", code: "required" }]);
    expect(parseMotifs(["DATES", "SIGNATAIRE"]).errors[0]).toMatchObject({ field: "motifs", code: "invalid_choice" });
  });
});

describe("parseAvenantChanges and changedFields", () => {
  it("reads each value with its section's schema, field by field", () => {
    const parsed = parseAvenantChanges({ dateFin: " 2026-07-03 ", sujet: "  Nouveau  ", serviceId: 201, interruptions: null });
    expect(parsed.errors).toEqual([]);
    expect(parsed.values).toEqual({ dateFin: "2026-07-03", sujet: "Nouveau", serviceId: 201, interruptions: null });
  });

  it("reports malformed values and unknown names without throwing", () => {
    const parsed = parseAvenantChanges({ dateFin: "2026-02-30", serviceId: "abc", sujet: "ok", nope: 1, "interruptions.0.dateFin": "x" });
    expect(parsed.values).toEqual({ sujet: "ok" });
    expect(parsed.errors).toEqual(
      expect.arrayContaining([
        { field: "dateFin", code: "invalid_date" },
        expect.objectContaining({ field: "serviceId" }),
        { field: "nope", code: "unknown_field" },
        { field: "interruptions.0.dateFin", code: "unknown_field" },
      ]),
    );
    expect(parseAvenantChanges("dateFin=2026-07-03").errors[0]).toMatchObject({ field: "_form", code: "invalid_type" });
  });

  it("sees a prefilled form's unchanged values as no change (blank, null and an empty list alike)", () => {
    const current = completeConventionValues({ interruptions: [], details: null });
    const proposed: Partial<TConventionValues> = {
      dateFin: current.dateFin,
      sujet: `${current.sujet ?? ""}`,
      interruptions: null,
      details: null,
      gratificationMontant: 4.5,
    };
    expect(changedFields(current, proposed)).toEqual([]);
    expect(changedFields(current, { dateFin: "2026-07-03", interruptions: [{ dateDebut: "2026-04-20", dateFin: "2026-04-24" }] })).toEqual([
      "dateFin",
      "interruptions",
    ]);
  });

  it("fieldErrorsOfMotifs accepts every amendable field under its own motive", () => {
    for (const motif of MOTIFS_AVENANT) expect(fieldErrorsOfMotifs([motif], AVENANT_FIELDS[motif])).toEqual([]);
  });
});
