import { describe, expect, it } from "vitest";
import { parseSectionDraft, type TFieldError } from "../../../src/domain/sections/index.ts";

describe("étudiant draft", () => {
  it.each([
    ["a French mobile", { etudiantPhone: "06 12 34 56 78" }],
    ["an international phone", { etudiantPhone: "+1 (415) 555-0100" }],
    ["an e-mail with spaces around", { etudiantEmail: "  lea.martin@etu.univ-amu.fr " }],
    ["another caisse instead of a CPAM", { cpamId: null, cpamAutre: "MSA Provence-Azur" }],
    ["less than 200 hours with their number", { heuresFormationPlus200: false, heuresFormation: 150 }],
    ["each language model", { langue: "FR_FRANCOPHONE" }],
    ["an academic year", { academicYear: "2025/2026" }],
  ])("accepts %s", (_label, input) => {
    expect(parseSectionDraft("etudiant", input)).toMatchObject({ ok: true });
  });

  it("returns trimmed values", () => {
    expect(parseSectionDraft("etudiant", { etudiantEmail: " a@b.fr ", etudiantLastName: " Martin " })).toEqual({
      ok: true,
      value: { etudiantEmail: "a@b.fr", etudiantLastName: "Martin" },
    });
  });

  it.each<[string, Record<string, unknown>, TFieldError]>([
    ["a malformed e-mail", { etudiantEmail: "lea.martin@" }, { field: "etudiantEmail", code: "invalid_email" }],
    ["letters in a phone", { etudiantPhone: "appelez-moi" }, { field: "etudiantPhone", code: "invalid_phone" }],
    ["a too short phone", { etudiantPhone: "123" }, { field: "etudiantPhone", code: "invalid_phone" }],
    ["a too long name", { etudiantLastName: "x".repeat(101) }, { field: "etudiantLastName", code: "too_long", params: { max: 100 } }],
    ["an unknown language", { langue: "DE" }, { field: "langue", code: "invalid_choice", params: { allowed: "FR, FR_FRANCOPHONE, EN_FR" } }],
    ["fractional hours of formation", { heuresFormation: 150.5 }, { field: "heuresFormation", code: "not_integer" }],
    ["negative hours of formation", { heuresFormation: -3 }, { field: "heuresFormation", code: "too_small", params: { min: 0 } }],
    ["a zero id", { cpamId: 0 }, { field: "cpamId", code: "not_greater_than", params: { min: 0 } }],
    ["an id as a string", { inscriptionId: "7" }, { field: "inscriptionId", code: "invalid_type", params: { expected: "number" } }],
    ["years that do not follow", { academicYear: "2025/2027" }, { field: "academicYear", code: "invalid_academic_year" }],
    ["a CPAM and another caisse together", { cpamId: 13, cpamAutre: "MSA" }, { field: "cpamAutre", code: "conflicts_with", params: { other: "cpamId" } }],
    ["a stage field", { sujet: "x" }, { field: "sujet", code: "unknown_field" }],
  ])("rejects %s", (_label, input, expected) => {
    const result = parseSectionDraft("etudiant", input);
    expect(result).toEqual({ ok: false, errors: [expected] });
  });
});
