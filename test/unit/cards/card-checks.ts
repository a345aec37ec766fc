import { expect } from "vitest";
import type { TCard } from "../../../src/app/conversation/effects.ts";
import { VERBS } from "../../../src/app/conversation/events.ts";
import { unescapeCardTexts } from "../../../src/cards/card-markdown.ts";

// Structural checks of Adaptive Cards 1.5 as Stagebot builds them, and ways to read them back.

/** The element types the cards may use (the Slack channel translates each of them). */
export const ALLOWED_ELEMENTS = new Set([
  "TextBlock",
  "FactSet",
  "ColumnSet",
  "Column",
  "Container",
  "ActionSet",
  "Input.Text",
  "Input.Date",
  "Input.Number",
  "Input.Toggle",
  "Input.ChoiceSet",
]);

/** An element (or action) of a card as plain JSON. */
export type TNode = Record<string, unknown>;

function isNode(value: unknown): value is TNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function children(node: TNode): TNode[] {
  return ["body", "items", "columns", "actions"].flatMap((key) => {
    const value = node[key];
    return Array.isArray(value) ? value.filter(isNode) : [];
  });
}

/**
 * Every element and action of a card, depth first, in reading order, its texts as a reader sees
 * them (the Adaptive Card markdown escapes taken out: card-markdown.test.ts tests them).
 */
export function nodesOf(card: TCard): TNode[] {
  return descendants(unescapeCardTexts(card));
}

function descendants(root: TNode): TNode[] {
  const nodes: TNode[] = [];
  const visit = (node: TNode): void => {
    nodes.push(node);
    children(node).forEach(visit);
  };
  children(root).forEach(visit);
  return nodes;
}

/** The Action.Execute buttons of a card. */
export function actionsOf(card: TCard): TNode[] {
  return nodesOf(card).filter((node) => node["type"] === "Action.Execute");
}

/** The inputs of a card. */
export function inputsOf(card: TCard): TNode[] {
  return nodesOf(card).filter((node) => typeof node["type"] === "string" && node["type"].startsWith("Input."));
}

/** The input with this id; fails the test when there is none. */
export function inputById(card: TCard, id: string): TNode {
  const input = inputsOf(card).find((node) => node["id"] === id);
  if (!input) throw new Error(`no input "${id}" in the card`);
  return input;
}

/** The element that follows the input `id` in its container. */
export function elementAfterInput(card: TCard, id: string): TNode | undefined {
  const readable: TNode = unescapeCardTexts(card);
  for (const node of [readable, ...descendants(readable)]) {
    const siblings = ["body", "items"].flatMap((key) => (Array.isArray(node[key]) ? (node[key] as unknown[]).filter(isNode) : []));
    const index = siblings.findIndex((sibling) => sibling["id"] === id && String(sibling["type"]).startsWith("Input."));
    if (index >= 0) return siblings[index + 1];
  }
  return undefined;
}

/** Every string a reader sees, in reading order. */
export function visibleStrings(card: TCard): string[] {
  const strings: string[] = [];
  const push = (value: unknown): void => {
    if (typeof value === "string" && value !== "") strings.push(value);
  };
  for (const node of nodesOf(card)) {
    for (const key of ["text", "label", "placeholder", "errorMessage", "title"]) push(node[key]);
    for (const fact of Array.isArray(node["facts"]) ? node["facts"].filter(isNode) : []) {
      push(fact["title"]);
      push(fact["value"]);
    }
    for (const option of Array.isArray(node["choices"]) ? node["choices"].filter(isNode) : []) push(option["title"]);
  }
  return strings;
}

/** Asserts that a card is a valid Adaptive Card 1.5 of the allowed elements, fully expanded. */
export function expectValidCard(card: TCard): void {
  expect(card.type).toBe("AdaptiveCard");
  expect(card.version).toBe("1.5");
  expect(card["$schema"]).toBe("http://adaptivecards.io/schemas/adaptive-card.json");
  expect(Array.isArray(card.body)).toBe(true);
  const json = JSON.stringify(card);
  expect(json).not.toContain("${");
  expect(json).not.toMatch(/undefined|NaN|\[object Object\]/);
  for (const node of nodesOf(card)) {
    const type = String(node["type"]);
    if (type.startsWith("Action.")) {
      expect(type).toBe("Action.Execute");
      expect(VERBS).toContain(node["verb"]);
      expect(isNode(node["data"])).toBe(true);
      expect(typeof node["title"] === "string" && node["title"] !== "").toBe(true);
    } else {
      expect(ALLOWED_ELEMENTS, `element type ${type}`).toContain(type);
    }
    if (type === "TextBlock") expect(node["wrap"], `TextBlock "${String(node["text"])}" wraps`).toBe(true);
    if (type === "Container" || type === "Column") expect((node["items"] as unknown[]).length).toBeGreaterThan(0);
    if (type === "FactSet") expect((node["facts"] as unknown[]).length).toBeGreaterThan(0);
    if (type.startsWith("Input.")) expect(typeof node["id"] === "string" && node["id"] !== "").toBe(true);
  }
  const ids = inputsOf(card).map((input) => input["id"]);
  expect(new Set(ids).size, "input ids are unique").toBe(ids.length);
}

/** Elements that the Slack channel turns into blocks (containers are flattened). */
export function blockCount(card: TCard): number {
  return nodesOf(card).filter((node) => !["Container", "Column", "ColumnSet", "Action.Execute"].includes(String(node["type"]))).length;
}

/** What a renderer sends for a form: every input's current value as a string, and the action's data. */
export function submission(card: TCard, action: TNode): Record<string, unknown> {
  const data: Record<string, unknown> = { ...(action["data"] as Record<string, unknown>) };
  for (const input of inputsOf(card)) {
    const value = input["value"];
    data[String(input["id"])] =
      value === undefined || value === null ? (input["type"] === "Input.Toggle" ? "false" : "") : typeof value === "string" ? value : JSON.stringify(value);
  }
  return data;
}
