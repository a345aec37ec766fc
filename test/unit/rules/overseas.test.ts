// French overseas territories: where French internship law applies (départements,
// Saint-Barthélemy, Saint-Martin, Saint-Pierre-et-Miquelon) and where the territory's own
// labour law does (Nouvelle-Calédonie, Polynésie française, Wallis-et-Futuna).
import { describe, expect, it } from "vitest";
import { evaluateRules, hasOwnLabourLaw, isInFrance } from "../../../src/domain/rules/index.ts";
import { rulesInput } from "./rules-input.ts";

// The default fixture: 3 Mar – 27 Jun 2025, 35 h a week, 560 h > 308 h, 4.35 € an hour.
const codesIn = (countryCode: string | null) => evaluateRules(rulesInput({ countryCode })).map((r) => r.code);

describe("where French internship law applies", () => {
  it.each([
    // [ISO code, French law, own labour law, expected gratification code]
    ["FR", true, false, "GRATIFICATION_MANDATORY"],
    [null, true, false, "GRATIFICATION_MANDATORY"], // not given: France
    ["GP", true, false, "GRATIFICATION_MANDATORY"], // Guadeloupe, département (Constitution art. 73)
    ["MQ", true, false, "GRATIFICATION_MANDATORY"],
    ["GF", true, false, "GRATIFICATION_MANDATORY"],
    ["RE", true, false, "GRATIFICATION_MANDATORY"],
    ["YT", true, false, "GRATIFICATION_MANDATORY"],
    ["BL", true, false, "GRATIFICATION_MANDATORY"], // Saint-Barthélemy, CGCT LO6213-1
    ["MF", true, false, "GRATIFICATION_MANDATORY"], // Saint-Martin (French part), CGCT LO6313-1
    ["PM", true, false, "GRATIFICATION_MANDATORY"], // Saint-Pierre-et-Miquelon, CGCT LO6413-1
    ["NC", false, true, null], // Nouvelle-Calédonie: its own labour law (LO 99-209 art. 22)
    ["PF", false, true, null], // Polynésie française (LO 2004-192 art. 13, 14)
    ["WF", false, true, null], // Wallis-et-Futuna (loi 52-1322)
    ["SX", false, false, "GRATIFICATION_ABROAD"], // Sint Maarten, the Dutch part: abroad
    ["DE", false, false, "GRATIFICATION_ABROAD"],
  ] as const)("%s: French law %s, own labour law %s → %s", (code, french, own, gratification) => {
    expect(isInFrance(code)).toBe(french);
    expect(hasOwnLabourLaw(code)).toBe(own);
    const codes = codesIn(code);
    if (gratification !== null) expect(codes).toContain(gratification);
    expect(codes.includes("OVERSEAS_OWN_LABOUR_LAW")).toBe(own);
    // never both "abroad" and "own labour law"
    if (own) expect(codes.filter((c) => c.startsWith("GRATIFICATION_") && c !== "GRATIFICATION_NOT_MANDATORY")).toEqual([]);
  });

  it("names the territory and points at the country, whatever the length (a 5-day internship too)", () => {
    // 3–7 Mar 2025: 35 h ≤ 308 h, yet the local law still applies
    const results = evaluateRules(rulesInput({ countryCode: "nc", endDate: "2025-03-07" }));
    expect(results.filter((r) => r.code === "OVERSEAS_OWN_LABOUR_LAW")).toEqual([
      { code: "OVERSEAS_OWN_LABOUR_LAW", severity: "warning", field: "paysIso2", params: { country: "NC" } },
    ]);
  });
});
