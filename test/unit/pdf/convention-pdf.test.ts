import { DEFAULT_GRATIFICATION_RATES } from "../../../src/domain/rules/index.ts";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadInstitutionLogo } from "../../../src/pdf/logo.ts";
import { renderAvenantPdf, renderConventionPdf } from "../../../src/pdf/render.ts";
import { buildConventionPdfModel } from "../../../src/app/documents/convention-pdf-model.ts";
import { institutionClauses } from "../../../src/app/documents/institution-clauses.ts";
import { emptyConventionValues } from "../../../src/domain/sections/index.ts";
import { longFonctions, longInterruptions, sampleConvention } from "../../../src/pdf/sample-data.ts";
import { SAMPLE_TEXTS, sampleAvenantModel, sampleConventionModel, type TSampleOptions } from "../../../src/pdf/sample-model.ts";
import { bodyText, flat, overlappingWords, pdfFonts, pdfPageCount, pdfPages, pdfText, pdfWordBoxes } from "./pdf-tools.ts";

// The PDFs as a reader gets them: rendered from the sample models (the demo data in memory),
// then read back with poppler's pdftotext / pdffonts.

const render = (options: TSampleOptions = {}, draft = false) => renderConventionPdf(sampleConventionModel(options), { draft });

function rawText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "stagebot-raw-"));
  try {
    writeFileSync(join(dir, "d.pdf"), pdf);
    return flat(execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", join(dir, "d.pdf"), "-"], { encoding: "utf8" }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function imageCount(pdf: Uint8Array): number {
  const dir = mkdtempSync(join(tmpdir(), "stagebot-img-"));
  try {
    writeFileSync(join(dir, "d.pdf"), pdf);
    const list = execFileSync("pdfimages", ["-list", join(dir, "d.pdf")], { encoding: "utf8" });
    return list
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "").length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 4 × 2 dark-blue PNG. */
const LOGO = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGOQt4qHIwZkDgBI2gXB6y5eIwAAAABJRU5ErkJggg==", "base64");

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe("the convention PDF (French model)", () => {
  let pdf: Buffer;
  let text: string;

  beforeAll(async () => {
    pdf = await render({ lang: "fr" });
    text = bodyText(pdf);
  });

  // One row per item of D124-4: its heading, then the convention's values (or the clause) it carries.
  it.each([
    [
      1,
      "Formation et volume horaire d'enseignement",
      ["3M127C - Master Psychologie 1ère année", "3427BS07 - Stage Psychologue", "Plus de 200 heures par année d'enseignement", "D124-2"],
    ],
    [2, "Enseignant référent et tuteur", ["Sophie LAMBERT — Psychologie clinique", "Mme Claire VIDAL — Psychologue clinicienne", "R124-13"]],
    [3, "Compétences à acquérir ou à développer", [SAMPLE_TEXTS.competences]],
    [4, "Activités confiées au stagiaire", [SAMPLE_TEXTS.sujet, SAMPLE_TEXTS.fonctions, "L124-7"]],
    [
      5,
      "Dates et durée du stage",
      ["du 11/01/2027 au 30/04/2027", "518 heures de présence effective, soit 74 jours ou 3,36 mois", "22/02/2027", "26/02/2027", "D124-6"],
    ],
    [
      6,
      "Temps de présence",
      [
        "35 heures par semaine",
        "Temps plein",
        "Présence de nuit Non",
        "Présence le dimanche Non",
        "Présence les jours fériés Non",
        "Télétravail Non",
        "L124-14",
      ],
    ],
    [7, "Encadrement et suivi du stagiaire", ["Un entretien avec l'enseignante référente au milieu du stage"]],
    // 518 h × 4.50 € (2027 keeps 2026's rate) = 2 331 €; months paid 21/31 + 23/28 (22–26 Feb off) + 2
    // = 3 037/868 = 3.5; 2 331 × 868 / 3 037 = 666.219… → 666.22 € a month
    [
      8,
      "Gratification",
      [
        "4,50 € net par heure",
        "Virement bancaire",
        "L124-6",
        "Gratification minimale légale 2 331,00 € pour 518 heures de présence",
        "soit 666,22 € par mois sur 3,5 mois de stage",
      ],
    ],
    [9, "Protection sociale et responsabilité civile", ["L412-8", "responsabilité civile", "13421 Marseille Cedex 20"]],
    [10, "Congés et autorisations d'absence", ["Deux jours de congés par mois de stage", "L124-13"]],
    [11, "Suspension et résiliation", ["résiliée avant son terme", "avenant signé par les parties"]],
    [12, "Validation du stage, y compris en cas d'interruption", ["Rapport et soutenance", "Rapport de stage", "L124-15"]],
    [13, "Avantages : restauration, transport, activités sociales et culturelles", ["Titres-restaurant", "L124-16"]],
    [14, "Règlement intérieur et discipline", ["règlement intérieur de l'organisme d'accueil"]],
    [15, "Attestation de stage", ["attestation de stage", "D124-9"]],
  ])("article %i — %s, with its values", (number, heading, values) => {
    const start = text.indexOf(`Article ${number} — ${heading}`);
    expect(start, `heading of item ${number}`).toBeGreaterThan(-1);
    const next = text.indexOf(`Article ${number + 1} — `, start);
    const article = text.slice(start, next === -1 ? text.indexOf("Signatures", start) : next);
    for (const value of values) expect(article, `item ${number}`).toContain(value);
  });

  it("names the parties: number, institution, student, CPAM, formation, host, service, signataire", () => {
    for (const value of [
      "Convention de stage n° 51928",
      "Université de démonstration",
      "Léa MARTIN",
      "22001234",
      "12/05/2004",
      "12 rue Sainte, 13001 Marseille",
      "lea.martin@etu.univ-demo.fr",
      "06 12 34 56 78",
      "Caisse primaire d'assurance maladie (CPAM) des Bouches-du-",
      "Assistance Publique - Hôpitaux de Marseille",
      "261 300 081 00013",
      "80 rue Brochier, 13005 Marseille",
      "Service de psychiatrie",
      "M. Jean-Marc ROUSSEAU — Directeur général",
      "Stage en France",
    ]) {
      expect(text).toContain(value);
    }
  });

  it("keeps every accent and the € sign", () => {
    expect(text).toContain(SAMPLE_TEXTS.accents);
    expect(text).toMatch(/Hôpitaux/);
  });

  it("has the five signature blocks, the student's own when of age", () => {
    const signatures = text.slice(text.lastIndexOf("Signatures"));
    for (const role of [
      "Le stagiaire",
      "Pour l'établissement d'enseignement",
      "Pour l'organisme d'accueil, le signataire",
      "L'enseignant référent",
      "Le tuteur de stage",
    ]) {
      expect(signatures).toContain(role);
    }
    expect(signatures).not.toContain("représentant légal");
  });

  it("embeds DejaVu fonts, and only embedded fonts", () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fonts.every((font) => /DejaVuSans/.test(font.name))).toBe(true);
  });

  it("numbers every page 'page N / M'", () => {
    const pages = pdfPages(pdf);
    expect(pages.length).toBe(pdfPageCount(pdf));
    pages.forEach((page, i) => expect(page).toMatch(new RegExp(`page ${i + 1} / ${pages.length}\\s*$`)));
  });

  it("renders the same bytes for the same model (the stored hash is reproducible)", async () => {
    expect(Buffer.compare(await render({ lang: "fr" }), pdf)).toBe(0);
  });
});

describe("confidentiality", () => {
  it("hides the sujet, the fonctions et tâches and the compétences, and says they are confidential", async () => {
    const text = bodyText(await render({ lang: "fr", confidential: true }));
    for (const hidden of [SAMPLE_TEXTS.sujet, SAMPLE_TEXTS.fonctions, SAMPLE_TEXTS.competences, "psychométriques", "synthèses cliniques"]) {
      expect(text).not.toContain(hidden);
    }
    expect(count(text, "Confidentiel — non reproduit dans ce document")).toBe(3);
    // The rest of the convention is still there.
    expect(text).toContain("4,50 € net par heure");
  });
});

describe("language models", () => {
  it("bilingual: every heading and clause in English and French, the country and its annexed fact sheet", async () => {
    const text = bodyText(await render({ lang: "en" }));
    for (const value of [
      "Convention de stage n° 51930",
      "Internship agreement No. 51930",
      "Article 1 — Formation et volume horaire d'enseignement",
      "Article 1 — Programme and teaching hours",
      "Article 9 — Social protection and civil liability",
      "Article 15 — Internship certificate",
      "Article 16 — Internship abroad",
      "The host organisation",
      "For the educational institution",
      "The workplace supervisor",
      "Allemagne / Germany",
      "An information sheet on the host country's rules",
      "in case of discrepancy, the French version prevails",
      "650,00 € brut par mois / €650.00 gross per month",
      "Rheinland Biotech GmbH",
    ]) {
      expect(text).toContain(value);
    }
  });

  it("francophone country: French only, the country, the annex and the work-accident conditions abroad", async () => {
    const text = bodyText(await render({ lang: "fr-francophone" }));
    expect(text).toContain("Stage à l'étranger, dans un pays francophone : Belgique");
    expect(text).toContain("Article 16 — Stage à l'étranger");
    expect(text).toContain("Une fiche d'information sur la réglementation du pays d'accueil");
    expect(text).toContain("six mois au plus");
    expect(text).not.toContain("Internship agreement");
  });
});

describe("long texts", () => {
  let short: Buffer;
  let long: Buffer;

  beforeAll(async () => {
    [short, long] = await Promise.all([render({ lang: "fr" }), render({ lang: "fr", long: true })]);
  });

  it("a 3,000-character fonctions et tâches and 20 interruptions take more pages, every page numbered", () => {
    expect(longFonctions().length).toBeGreaterThan(2_900);
    expect(longFonctions().length).toBeLessThanOrEqual(3_000);
    expect(pdfPageCount(long)).toBeGreaterThan(pdfPageCount(short));
    const pages = pdfPages(long);
    pages.forEach((page, i) => expect(page).toContain(`page ${i + 1} / ${pages.length}`));
  });

  it("prints the whole long text in order, and every interruption", () => {
    const text = bodyText(long);
    let position = -1;
    for (const mission of longFonctions().match(/Mission \d+ :/g) ?? []) {
      const found = text.indexOf(mission, position + 1);
      expect(found, mission).toBeGreaterThan(position);
      position = found;
    }
    expect(text.indexOf(SAMPLE_TEXTS.longLastSentence)).toBeGreaterThan(position);
    for (const [i, period] of longInterruptions().entries()) {
      const day = period.dateDebut.split("-").reverse().join("/");
      expect(text).toMatch(new RegExp(`\\b${i + 1} ${day} ${day}\\b`));
    }
  });

  it.each([
    ["long", { lang: "fr", long: true }],
    ["bilingual", { lang: "en" }],
    ["minor", { minor: true }],
  ] as const)("%s: no two words overlap and nothing leaves the page", async (_name, options) => {
    const { pages, words } = pdfWordBoxes(await render(options));
    expect(words.length).toBeGreaterThan(500);
    expect(overlappingWords(words)).toEqual([]);
    const outside = words.filter((word) => {
      const page = pages[word.page - 1];
      return !page || word.xMin < 50 || word.xMax > page.width - 50 || word.yMin < 50 || word.yMax > page.height - 24;
    });
    expect(outside).toEqual([]);
  });
});

describe("draft preview", () => {
  it("has a PROJET watermark on every page and no number", async () => {
    const pdf = await render({ lang: "fr" }, true);
    const text = flat(pdfText(pdf));
    expect(text).toContain("Projet de convention de stage");
    expect(text).not.toMatch(/51928|n° \d/);
    expect(count(rawText(pdf), "P R O J E T")).toBe(pdfPageCount(pdf));
  });

  it("bilingual: PROJET / DRAFT", async () => {
    const pdf = await render({ lang: "en" }, true);
    expect(count(rawText(pdf), "P R O J E T / D R A F T")).toBe(pdfPageCount(pdf));
    expect(flat(pdfText(pdf))).not.toContain("51930");
  });
});

describe("a draft with nothing answered yet", () => {
  it("still renders every article, each value 'Non renseigné', and states no stipend either way", async () => {
    const now = new Date("2026-11-28T10:00:00Z");
    const model = buildConventionPdfModel({
      convention: { ...sampleConvention(), numero: null, state: "DRAFT", values: emptyConventionValues() },
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
      labels: { fr: {}, en: {} },
      institution: { name: "Université de démonstration", logo: null, clauses: institutionClauses() },
      createdAt: now,
      gratificationRates: DEFAULT_GRATIFICATION_RATES,
    });
    const pdf = await renderConventionPdf(model, { draft: true });
    const text = bodyText(pdf);
    for (let number = 1; number <= 15; number++) expect(text).toContain(`Article ${number} — `);
    expect(text).toContain("Gratification Non renseigné");
    expect(text).not.toMatch(/Pas de gratification|ne donne pas lieu à gratification|versée mensuellement/);
    expect(flat(pdfText(pdf))).toMatch(/Projet de convention de stage page 1/);
  });
});

describe("a minor student", () => {
  it("the legal representative signs, and the minors' limits are stated", async () => {
    const text = bodyText(await render({ minor: true }));
    expect(text).toContain("Le représentant légal du stagiaire mineur");
    expect(text).toContain("pour Nathan FABRE, mineur à la date de début du stage");
    expect(text).toContain("huit heures par jour ni trente-cinq heures par semaine");
    expect(text).toContain("Pas de gratification");
  });
});

describe("the avenant PDF", () => {
  it("names the convention and the avenant, the motives, each change old → new and the signatures", async () => {
    const pdf = await renderAvenantPdf(sampleAvenantModel());
    const text = bodyText(pdf);
    for (const value of [
      "Avenant n° 1 à la convention de stage n° 51928",
      "Modification des dates du stage ; Modification de la gratification",
      "Date de fin du stage 30/04/2027 → 14/05/2027",
      "Montant de la gratification 4,50 € → 4,60 €",
      // What the later end date does to the legal figures (issue 14, item 13).
      "Durée effective du stage 518 heures de présence → 581 heures de présence",
      "Gratification minimale légale (total) 2 331,00 € → 2 614,50 €",
      "Prolongation demandée par le service",
      "Le stagiaire",
      "Le tuteur de stage",
    ]) {
      expect(text).toContain(value);
    }
    expect(pdfFonts(pdf).every((font) => font.embedded)).toBe(true);
  });
});

describe("the institution's logo (UNIVERSITY_LOGO)", () => {
  it("is printed at the top of the first page when configured, and nowhere without one", async () => {
    expect(imageCount(await renderConventionPdf(sampleConventionModel({ logo: LOGO }), {}))).toBe(1);
    expect(imageCount(await render())).toBe(0);
  });

  it("an unreadable image costs the logo, never the document", async () => {
    const pdf = await renderConventionPdf(sampleConventionModel({ logo: Buffer.from("not an image") }), {});
    expect(imageCount(pdf)).toBe(0);
    expect(bodyText(pdf)).toContain("Université de démonstration");
  });

  it("is read at start: a PNG or a JPEG, else a clear error naming the variable", () => {
    const dir = mkdtempSync(join(tmpdir(), "stagebot-logo-"));
    try {
      writeFileSync(join(dir, "logo.png"), LOGO);
      writeFileSync(join(dir, "logo.txt"), "hello");
      expect(loadInstitutionLogo(undefined)).toBeNull();
      expect(Buffer.from(loadInstitutionLogo(join(dir, "logo.png")) ?? []).equals(LOGO)).toBe(true);
      expect(() => loadInstitutionLogo(join(dir, "logo.txt"))).toThrow(/UNIVERSITY_LOGO: .* neither a PNG nor a JPEG/);
      expect(() => loadInstitutionLogo(join(dir, "missing.png"))).toThrow(/UNIVERSITY_LOGO: cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
