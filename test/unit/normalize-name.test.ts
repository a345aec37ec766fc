import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalizeName, normalizeSearchText } from "../../src/domain/normalize-name.ts";

describe("normalizeName", () => {
  it.each([
    ["Assistance Publique - Hôpitaux de Marseille", "assistance publique hopitaux de marseille"],
    ["  ASSISTANCE   publique—HÔPITAUX de marseille ", "assistance publique hopitaux de marseille"],
    ["Calanques Numériques SAS", "calanques numeriques"],
    ["S.A.R.L. Boulangerie Cœur d'Or", "boulangerie coeur d or"],
    ["Rheinland Biotech GmbH", "rheinland biotech"],
    ["Sas Sarl", "sas sarl"],
    ["Centre de Recherche en Neurosciences Cognitives de Bruxelles", "centre de recherche en neurosciences cognitives de bruxelles"],
    ["Société Générale S.A.", "societe generale"],
    ["Straße & Søn", "strasse son"],
    ["L'Œuvre des Sa Majesté", "l oeuvre des sa majeste"],
    ["Café\u0301 décomposé", "cafe decompose"],
    ["", ""],
    [" - . ", ""],
  ])("%j → %j", (name, expected) => {
    expect(normalizeName(name)).toBe(expected);
  });

  it("keeps a legal form that is the whole name and one inside a name", () => {
    expect(normalizeName("SA")).toBe("sa");
    expect(normalizeName("Dupont SA Fils")).toBe("dupont sa fils");
  });

  it("gives the same form to the same name written differently", () => {
    expect(normalizeName("HOPITAUX DE MARSEILLE")).toBe(normalizeName("Hôpitaux de Marseille"));
    expect(normalizeName("Cherif")).toBe(normalizeName("Chérif"));
  });

  it("is idempotent and yields only lower-case letters, digits and single spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (name) => {
        const normalized = normalizeName(name);
        expect(normalizeName(normalized)).toBe(normalized);
        expect(normalized).not.toMatch(/^ | $| {2}/);
        expect(normalized).toBe(normalized.toLowerCase());
        expect(normalized).not.toMatch(/[^\p{L}\p{N} ]/u);
      }),
    );
  });
});

describe("normalizeSearchText", () => {
  it.each([
    ["Jean-Marc  CHÉRIF", "jean marc cherif"],
    ["Puy-de-Dôme", "puy de dome"],
    ["SAS Calanques", "sas calanques"],
    ["732 829.320-00074", "732 829 320 00074"],
    ["Ærø Ĳssel", "aero ijssel"],
  ])("%j → %j", (text, expected) => {
    expect(normalizeSearchText(text)).toBe(expected);
  });
});
