import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import i18next, { type i18n } from "i18next";

/** The languages Stagebot speaks; French is the default everywhere. */
export const LOCALES = ["fr", "en"] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = "fr";

const localesDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

type TResources = Record<string, Record<string, Record<string, unknown>>>;

// One JSON file per namespace and language: locales/<lang>/<namespace>.json.
function loadResources(): TResources {
  const resources: TResources = {};
  for (const locale of LOCALES) {
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(localesDir, locale))) {
      if (!file.endsWith(".json")) continue;
      namespaces[basename(file, ".json")] = JSON.parse(readFileSync(join(localesDir, locale, file), "utf8")) as Record<string, unknown>;
    }
    resources[locale] = namespaces;
  }
  return resources;
}

let instance: i18n | undefined;

function getInstance(): i18n {
  if (instance) return instance;
  const created = i18next.createInstance();
  const resources = loadResources();
  void created.init({
    initAsync: false,
    resources,
    lng: DEFAULT_LOCALE,
    fallbackLng: DEFAULT_LOCALE,
    ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  instance = created;
  return created;
}

/** Translates `namespace:key` (e.g. "rules:GRATIFICATION_REQUIRED") into the given language. */
export function translate(locale: TLocale, key: string, params: Record<string, unknown> = {}): string {
  return getInstance().t(key, { ...params, lng: locale });
}

/** True when `key` exists in the given language (used by tests to prove every code is translated). */
export function hasTranslation(locale: TLocale, key: string): boolean {
  return getInstance().exists(key, { lng: locale, fallbackLng: false });
}

/** Reads a locale tag loosely ("en-GB", "EN", undefined) into one of ours. */
export function toLocale(tag: string | null | undefined): TLocale {
  return tag?.toLowerCase().startsWith("en") ? "en" : DEFAULT_LOCALE;
}
