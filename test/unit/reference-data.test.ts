import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, it, expect } from "vitest";
import { loadReferenceData, REFERENCE_DIR, ReferenceDataError, REGIONS, type TListItem } from "../../src/db/reference-data.ts";

const data = loadReferenceData();

const METRO_DEPARTEMENTS = [...Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((d) => d !== "20"), "2A", "2B"];
const OVERSEAS_DEPARTEMENTS = ["971", "972", "973", "974", "976"];

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

describe("reference data: CPAM", () => {
  it("has at least one caisse for every département, 2A/2B and the five DROM included", () => {
    const covered = new Set(data.cpam.map((c) => c.departement));
    expect(METRO_DEPARTEMENTS).toHaveLength(96);
    const missing = [...METRO_DEPARTEMENTS, ...OVERSEAS_DEPARTEMENTS].filter((d) => !covered.has(d));
    expect(missing).toEqual([]);
    expect(covered.has("20")).toBe(false);
  });

  it("places every caisse in one of the 18 régions", () => {
    expect(REGIONS).toHaveLength(18);
    for (const c of data.cpam) expect(REGIONS, c.code).toContain(c.region);
  });

  it("has unique codes and postal codes within the caisse's département", () => {
    expect(duplicates(data.cpam.map((c) => c.code))).toEqual([]);
    for (const c of data.cpam) {
      // Corsica's codes start with 20; overseas CEDEX codes may leave the 97x range (Réunion uses 977xx).
      const prefix = c.departement.startsWith("97") ? "97" : /^2[AB]$/.test(c.departement) ? "20" : c.departement;
      expect(c.postalCode.startsWith(prefix), `${c.code} ${c.postalCode}`).toBe(true);
    }
  });

  it("matches the AMUSTAGE example for the Puy-de-Dôme", () => {
    const puy = data.cpam.filter((c) => c.departement === "63");
    expect(puy).toHaveLength(1);
    expect(puy[0]).toMatchObject({
      departementLabel: "Puy-de-Dôme",
      region: "Auvergne-Rhône-Alpes",
      label: "Caisse primaire d'assurance maladie (CPAM) du Puy-de-Dôme",
      postalCode: "63031",
      city: "Clermont-Ferrand Cedex 9",
    });
  });

  it("names the overseas caisses after their real bodies", () => {
    const byDep = (d: string) => data.cpam.find((c) => c.departement === d)?.label ?? "";
    for (const d of ["971", "972", "973", "974"]) expect(byDep(d)).toMatch(/^Caisse générale de sécurité sociale/);
    expect(byDep("976")).toMatch(/^Caisse de sécurité sociale de Mayotte/);
    expect(data.cpam.filter((c) => c.departement === "59").length).toBeGreaterThanOrEqual(4);
  });
});

describe("reference data: pays", () => {
  it("has the 249 ISO 3166-1 entries with unique alpha-2 and alpha-3 codes", () => {
    expect(data.pays).toHaveLength(249);
    expect(duplicates(data.pays.map((p) => p.iso2))).toEqual([]);
    expect(duplicates(data.pays.map((p) => p.iso3))).toEqual([]);
    expect(duplicates(data.pays.map((p) => p.label))).toEqual([]);
  });

  it("flags French-speaking countries", () => {
    const byIso = (iso2: string) => data.pays.find((p) => p.iso2 === iso2);
    expect(byIso("FR")).toMatchObject({ iso3: "FRA", label: "France", francophone: true });
    expect(byIso("DE")).toMatchObject({ iso3: "DEU", label: "Allemagne", francophone: false });
    expect(byIso("CI")?.label).toBe("Côte d'Ivoire");
    expect(byIso("US")?.label).toBe("États-Unis");
    for (const iso2 of ["BE", "CH", "CA", "SN", "MA", "RE"]) expect(byIso(iso2)?.francophone, iso2).toBe(true);
  });
});

describe("reference data: closed lists", () => {
  const REQUIRED = [
    "thematiques",
    "typesStructure",
    "statutsJuridiques",
    "effectifs",
    "nafSections",
    "originesStage",
    "naturesTravail",
    "modalitesValidation",
    "modesVersement",
    "devises",
    "unitesDuree",
    "tempsTravail",
    "typesConvention",
    "typesGratification",
    "motifsAvenant",
  ] as const;

  it.each(REQUIRED)("%s is non-empty with unique codes", (name) => {
    const items: readonly TListItem[] = data.lists[name];
    expect(items.length).toBeGreaterThan(0);
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
  });

  // Issue 14, item 11: the whole NAF rév. 2, not a selection of it.
  it("has the 21 NAF sections and the 732 sous-classes of the NAF rév. 2, each in its section, with INSEE's labels", () => {
    expect(data.lists.nafSections.map((s) => s.code).join("")).toBe("ABCDEFGHIJKLMNOPQRSTU");
    expect(data.nafCodes).toHaveLength(732);
    expect(duplicates(data.nafCodes.map((n) => n.code))).toEqual([]);
    const sections = new Set(data.lists.nafSections.map((s) => s.code));
    for (const n of data.nafCodes) {
      expect(n.code).toMatch(/^\d{2}\.\d{2}[A-Z]$/);
      expect(sections.has(n.section), n.code).toBe(true);
    }
    expect(new Set(data.nafCodes.map((n) => n.section)).size).toBe(21);
    expect(data.nafCodes.find((n) => n.code === "62.01Z")).toEqual({ code: "62.01Z", label: "Programmation informatique", section: "J" });
    expect(data.nafCodes.find((n) => n.code === "86.90F")).toEqual({ code: "86.90F", label: "Activités de santé humaine non classées ailleurs", section: "Q" });
    expect(data.nafCodes.find((n) => n.code === "01.11Z")?.section).toBe("A");
    expect(data.nafCodes.find((n) => n.code === "99.00Z")?.section).toBe("U");
  });

  it("says where the NAF comes from and under which licence", () => {
    const file = JSON.parse(readFileSync(new URL("../../prisma/reference/naf-rev2.json", import.meta.url), "utf8")) as Record<string, unknown>;
    expect(String(file["source"])).toMatch(/INSEE/);
    expect(String(file["licence"])).toMatch(/Licence Ouverte/);
  });

  it("has effectif tranches the 20-employee quota rule can use", () => {
    for (const e of data.lists.effectifs) {
      if (e.min !== null && e.max !== null) expect(e.max, e.code).toBeGreaterThanOrEqual(e.min);
    }
    const known = data.lists.effectifs.filter((e) => e.min !== null);
    // Every tranche is wholly below or wholly at/above 20.
    for (const e of known) expect(e.min! >= 20 || (e.max !== null && e.max < 20), e.code).toBe(true);
  });

  it("defaults the currency to EUR and uses the gratification units of the rules", () => {
    expect(data.lists.devises.filter((d) => d.default).map((d) => d.code)).toEqual(["EUR"]);
    expect(data.lists.unitesDuree.map((u) => u.code)).toEqual(["HEURE", "JOUR", "SEMAINE", "MOIS", "ANNEE", "TOTAL"]);
  });
});

describe("loadReferenceData errors", () => {
  it("names the file and the bad entry", () => {
    const dir = mkdtempSync(join(tmpdir(), "stagebot-ref-"));
    try {
      for (const f of ["cpam.json", "pays.json", "lists.json", "naf-rev2.json"]) copyFileSync(new URL(f, REFERENCE_DIR), join(dir, f));
      const cpam = JSON.parse(readFileSync(join(dir, "cpam.json"), "utf8")) as { code: string; region: string }[];
      const bad = cpam.find((c) => c.code === "CPAM-63");
      if (!bad) throw new Error("CPAM-63 missing");
      bad.region = "Auvergne";
      writeFileSync(join(dir, "cpam.json"), JSON.stringify(cpam));
      const url = pathToFileURL(dir + "/");
      expect(() => loadReferenceData(url)).toThrow(ReferenceDataError);
      expect(() => loadReferenceData(url)).toThrow(/cpam\.json.*"CPAM-63".*region|cpam\.json.*region.*"CPAM-63"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
