import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as ACData from "adaptivecards-templating";
import type { TCard } from "./card-contract.ts";
import { escapeCardTexts } from "./card-markdown.ts";

/** The templates of adaptive-cards/, named after their file (without ".json"). */
export const TEMPLATE_NAMES = [
  "progress",
  "form",
  "recap",
  "convention-list",
  "notice",
  "help",
  "confirm-delete",
  "approval",
  "history",
  "staff-list",
  "dead-letters",
  "digest",
] as const;

/** One template of adaptive-cards/. */
export type TTemplateName = (typeof TEMPLATE_NAMES)[number];

const templatesDir = new URL("../../adaptive-cards/", import.meta.url);

// Parsing a template compiles its expressions: done once per template and process.
const cache = new Map<TTemplateName, ACData.Template>();

function templateOf(name: TTemplateName): ACData.Template {
  const cached = cache.get(name);
  if (cached) return cached;
  const json: unknown = JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.json`, templatesDir)), "utf8"));
  const template = new ACData.Template(json);
  cache.set(name, template);
  return template;
}

function isCard(value: unknown): value is TCard {
  if (typeof value !== "object" || value === null) return false;
  const card = value as Record<string, unknown>;
  return card["type"] === "AdaptiveCard" && card["version"] === "1.5" && Array.isArray(card["body"]);
}

/**
 * Expands adaptive-cards/<name>.json with `data` as `$root`. Strings in `data` are never
 * evaluated as expressions, so text typed by a person cannot inject template syntax; and every
 * text comes out escaped for Adaptive Card markdown, so it cannot become a link or formatting.
 */
export function renderTemplate(name: TTemplateName, data: object): TCard {
  const expanded: unknown = templateOf(name).expand({ $root: data });
  if (!isCard(expanded)) throw new Error(`adaptive-cards/${name}.json did not expand to an Adaptive Card 1.5`);
  return escapeCardTexts(expanded);
}
