import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES } from "../../../src/cards/index.ts";
import { FORM_FIELDS, SECTION_LAYOUT } from "../../../src/cards/section-form-fields.ts";
import { CONVENTION_FIELDS, SECTION_IDS, SECTIONS } from "../../../src/domain/sections/index.ts";
import { hasTranslation, LOCALES } from "../../../src/i18n/translate.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(root, path), "utf8"));
}

function leafKeys(value: unknown, prefix = ""): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (typeof value !== "object" || value === null) return keys.set(prefix, value);
  for (const [key, child] of Object.entries(value)) {
    for (const [path, leaf] of leafKeys(child, prefix ? `${prefix}.${key}` : key)) keys.set(path, leaf);
  }
  return keys;
}

describe("locales/<lang>/cards.json", () => {
  const french = leafKeys(readJson("locales/fr/cards.json"));
  const english = leafKeys(readJson("locales/en/cards.json"));

  it("has the same keys in French and English, none empty", () => {
    expect([...english.keys()].sort()).toEqual([...french.keys()].sort());
    for (const [key, text] of [...french, ...english]) expect(typeof text === "string" && text.trim() !== "", key).toBe(true);
  });

  it("writes French with its accents", () => {
    const text = [...french.values()].join(" ");
    expect(text).toMatch(/é/);
    expect(text).not.toMatch(/\b(Etablissement|Etudiant|definitive|Creer|Recapitulatif)\b/);
  });

  // Keys written literally in the builders ("progress.complete") must exist in both languages;
  // a key with plurals exists as key_one / key_other.
  it("has every key the builders use", () => {
    const sources = readdirSync(join(root, "src/cards")).filter((file) => file.endsWith(".ts"));
    const namespaces = [...new Set([...french.keys()].map((key) => key.split(".")[0]))].join("|");
    const pattern = new RegExp(`"((?:${namespaces})\\.[A-Za-z.]+)"`, "g");
    const used = new Set<string>();
    for (const file of sources) {
      for (const match of readFileSync(join(root, "src/cards", file), "utf8").matchAll(pattern)) used.add(match[1] ?? "");
    }
    expect(used.size).toBeGreaterThan(40);
    for (const locale of LOCALES) {
      for (const key of used) {
        const exists = hasTranslation(locale, `cards:${key}`) || hasTranslation(locale, `cards:${key}_one`);
        expect(exists, `${locale} cards:${key}`).toBe(true);
      }
    }
  });

  it("has a hint for some fields only, each naming a real field", () => {
    for (const key of french.keys()) {
      if (key.startsWith("hints.")) expect(CONVENTION_FIELDS).toContain(key.slice("hints.".length));
    }
  });
});

describe("adaptive-cards/*.json", () => {
  const VISIBLE = new Set(["text", "title", "label", "placeholder", "errorMessage", "value"]);

  it.each(TEMPLATE_NAMES)("%s.json hard-codes no words: every visible property is bound to data", (name) => {
    const template = readJson(`adaptive-cards/${name}.json`);
    const unbound: string[] = [];
    const visit = (node: unknown, key = ""): void => {
      if (typeof node === "string") {
        if (VISIBLE.has(key) && !/^\$\{[^}]+\}$/.test(node) && !(key === "value" && /^(true|false)$/.test(node))) unbound.push(`${key}: ${node}`);
      } else if (Array.isArray(node)) node.forEach((child) => visit(child, key));
      else if (typeof node === "object" && node !== null) for (const [child, value] of Object.entries(node)) visit(value, child);
    };
    visit(template);
    expect(unbound).toEqual([]);
    expect(template).toMatchObject({ $schema: "http://adaptivecards.io/schemas/adaptive-card.json", type: "AdaptiveCard", version: "1.5" });
  });
});

describe("the table of form fields", () => {
  it("describes every convention field", () => {
    expect(Object.keys(FORM_FIELDS).sort()).toEqual([...CONVENTION_FIELDS].sort());
  });

  it.each(SECTION_IDS)("lays out each field of %s exactly once", (sectionId) => {
    const laidOut = SECTION_LAYOUT[sectionId].flatMap((group) => group.fields);
    expect([...laidOut].sort()).toEqual([...SECTIONS[sectionId].fields].sort());
  });

  // A required input blocks the form's submission: only fields the domain always requires.
  it.each(SECTION_IDS)("requires in %s only what the domain always requires", (sectionId) => {
    const alwaysMissing = SECTIONS[sectionId].missing({});
    const required = SECTIONS[sectionId].fields.filter((field) => {
      const spec = FORM_FIELDS[field as keyof typeof FORM_FIELDS];
      return "required" in spec && spec.required === true;
    });
    for (const field of required) expect(alwaysMissing).toContain(field);
    // cpamId is either-or with cpamAutre ("Autre" caisse): reported missing, never required alone.
    for (const field of alwaysMissing) if (field !== "cpamId") expect(required).toContain(field);
  });
});
