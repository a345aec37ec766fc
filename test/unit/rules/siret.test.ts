import { describe, expect, it } from "vitest";
import { checkSiret, isValidSiren, isValidSiret, normalizeSiret, siretProblem } from "../../../src/domain/rules/index.ts";

describe("SIRET", () => {
  it.each([
    ["73282932000074", null], // Google France: Luhn sum 50
    ["732 829 320 00074", null], // typed with spaces
    ["55203253400018", null], // key computed for SIREN 552032534, establishment 0001
    ["35600000000048", null], // La Poste's head office: Luhn key
    ["35600000000001", null], // La Poste: digit sum 15, Luhn would fail
    ["35600000049837", null], // La Poste: digit sum 45
    ["73282932000075", "CHECKSUM"], // last digit mistyped
    ["73282932000047", "CHECKSUM"], // two digits swapped
    ["35600000000014", "CHECKSUM"], // La Poste: passes Luhn, but digit sum 19
    ["12345678901234", "CHECKSUM"],
    ["7328293200007", "FORMAT"], // 13 digits
    ["732829320000741", "FORMAT"], // 15 digits
    ["7328293200007A", "FORMAT"],
    ["", "FORMAT"],
  ])("%s → %s", (siret, problem) => {
    expect(siretProblem(siret)).toBe(problem);
    expect(isValidSiret(siret)).toBe(problem === null);
  });

  it("normalises what people type", () => {
    expect(normalizeSiret(" 732 829.320-00074 ")).toBe("73282932000074");
    expect(normalizeSiret("732\u00a0829\u202f320 00074")).toBe("73282932000074");
  });

  it("reports a wrong SIRET on the establishment's field", () => {
    expect(checkSiret("732 829 320 00075")).toEqual([
      { code: "SIRET_CHECKSUM_INVALID", severity: "error", field: "siret", params: { siret: "732 829 320 00075" } },
    ]);
    expect(checkSiret("1234")[0]?.code).toBe("SIRET_FORMAT_INVALID");
  });

  it.each([null, "", "   "])("has nothing to say about a host without SIRET (%o)", (siret) => {
    expect(checkSiret(siret)).toEqual([]);
  });
});

describe("SIREN", () => {
  it.each([
    ["732829320", true],
    ["732 829 320", true],
    ["356000000", true],
    ["552032534", true],
    ["732829321", false],
    ["73282932", false],
    ["7328293200", false],
  ])("%s → %s", (siren, valid) => {
    expect(isValidSiren(siren)).toBe(valid);
  });
});
