import type { TCard } from "../../../app/conversation/effects.ts";
import { VERBS, type TChoice, type TVerb } from "../../../app/conversation/events.ts";

// Reading the Adaptive Cards the core builds (src/cards/): untyped JSON, read defensively.

/** An element or action of a card. */
export type TNode = Readonly<Record<string, unknown>>;

/** What a button or a form submission sends back: the Action.Execute's verb and data. */
export type TActionValue = { verb: TVerb; data: Record<string, unknown> };

/** An Action.Execute, read. */
export type TExecute = TActionValue & { title: string; style: string; submitsInputs: boolean };

/** True for a JSON object. */
export function isNode(value: unknown): value is TNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The objects of an array property ("items", "columns", "actions", "facts", "choices"). */
export function nodesAt(node: TNode, key: string): TNode[] {
  const value = node[key];
  return Array.isArray(value) ? value.filter(isNode) : [];
}

/** A string property, "" when absent; numbers read as text. */
export function textAt(node: TNode, key: string): string {
  const value = node[key];
  if (typeof value === "string") return value;
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

/** The element's type ("TextBlock", "Input.Text", "Action.Execute"...). */
export function typeOf(node: TNode): string {
  return textAt(node, "type");
}

/** True for an Input.* element. */
export function isInput(node: TNode): boolean {
  return typeOf(node).startsWith("Input.");
}

/** Every element and action of a card, depth first, in reading order. */
export function allNodes(card: TCard): TNode[] {
  const nodes: TNode[] = [];
  const visit = (node: TNode): void => {
    nodes.push(node);
    for (const key of ["items", "columns", "actions"]) nodesAt(node, key).forEach(visit);
  };
  card.body.filter(isNode).forEach(visit);
  (card.actions ?? []).filter(isNode).forEach(visit);
  return nodes;
}

/** The inputs of a card, in reading order. */
export function inputsOf(card: TCard): TNode[] {
  return allNodes(card).filter(isInput);
}

function isVerb(verb: string): verb is TVerb {
  return (VERBS as readonly string[]).includes(verb);
}

/** An Action.Execute as the Slack channel needs it; a verb the core does not know is a programming error. */
export function readExecute(node: TNode): TExecute {
  const verb = textAt(node, "verb");
  if (!isVerb(verb)) throw new Error(`Block Kit: Action.Execute with unknown verb "${verb}"`);
  const data = node["data"];
  return {
    verb,
    data: isNode(data) ? { ...data } : {},
    title: textAt(node, "title") || verb,
    style: textAt(node, "style"),
    submitsInputs: textAt(node, "associatedInputs") !== "none",
  };
}

/** The static choices of an Input.ChoiceSet. */
export function choicesOf(node: TNode): TChoice[] {
  return nodesAt(node, "choices").map((choice) => ({ title: textAt(choice, "title"), value: textAt(choice, "value") }));
}

/** The dataset of a typeahead (`choices.data` of type Data.Query), or null. */
export function datasetOf(node: TNode): string | null {
  const query = node["choices.data"];
  if (!isNode(query) || query["type"] !== "Data.Query") return null;
  const dataset = textAt(query, "dataset");
  return dataset === "" ? null : dataset;
}

/** The card's first TextBlock: its title. */
export function cardTitle(card: TCard): string {
  const first = allNodes(card).find((node) => typeOf(node) === "TextBlock");
  return first === undefined ? "" : textAt(first, "text");
}

/** An Action.OpenUrl of the card's own action bar (a signed PDF link), read. */
export type TOpenUrl = { title: string; url: string };

/** The Action.OpenUrl links of the card's own action bar. */
export function cardLinks(card: TCard): TOpenUrl[] {
  return (card.actions ?? [])
    .filter(isNode)
    .filter((node) => typeOf(node) === "Action.OpenUrl" && textAt(node, "url") !== "")
    .map((node) => ({ title: textAt(node, "title") || textAt(node, "url"), url: textAt(node, "url") }));
}

/** The Action.Execute buttons of the card's own action bar. */
export function cardActions(card: TCard): TExecute[] {
  return (card.actions ?? [])
    .filter(isNode)
    .filter((node) => typeOf(node) === "Action.Execute")
    .map(readExecute);
}
