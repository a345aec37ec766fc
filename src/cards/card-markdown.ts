import type { TCard } from "./card-contract.ts";

// Adaptive Cards read a TextBlock's text, a fact's title and value, a toggle's title and the
// titles of an expanded choice set as markdown (Teams: bold, italic, lists, [text](url) links).
// Stagebot never means markup: every such text is literal, what the core wrote or a person typed.
// So a card is escaped once, after templating, and a sujet "[Valider ici](//evil.example)" or a
// company "**X**" reads as typed instead of becoming a link or bold.
//
// Why backslash escapes and not RichTextBlock/TextRun (never markdown): facts (names, companies,
// services, the steps' deciders) have no plain-text form in Adaptive Cards 1.5, and one rule for
// every text leaves no place forgotten. Backslash escapes are CommonMark's, honoured by Teams
// desktop and web and by the playground. A renderer that ignored them (some Teams mobile
// versions, AdaptiveCards#5590) would show the backslashes, yet still no link: "\]\(" is never
// link syntax, "\<" never an autolink, "\*\*" never bold.

// Inline syntax: emphasis, code, links and images, autolinks and HTML, strikethrough, tables,
// entities; and the backslash itself, so that unescaping is exact.
const INLINE = /[\\`*_[\]()<>~|&]/g;
// Block syntax, only at the start of a line: headings, list items, setext underlines, "1." lists.
const LINE_MARK = /^([ \t]*)([#+=-])/gm;
const LINE_NUMBER = /^([ \t]*\d+)\./gm;
// CommonMark: a backslash before any ASCII punctuation stands for that character.
const ESCAPED = /\\([!-/:-@[-`{-~])/g;

/** A literal text as Adaptive Card markdown that shows exactly this text. */
export function escapeCardMarkdown(text: string): string {
  return text.replace(INLINE, "\\$&").replace(LINE_MARK, "$1\\$2").replace(LINE_NUMBER, "$1\\.");
}

/** The literal text of an escaped one (for channels that do not read Adaptive Card markdown, like Slack). */
export function unescapeCardMarkdown(text: string): string {
  return text.replace(ESCAPED, "$1");
}

type TNode = Record<string, unknown>;

function isNode(value: unknown): value is TNode {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mapText(node: TNode, key: string, map: (text: string) => string): TNode {
  const value = node[key];
  return typeof value === "string" ? { ...node, [key]: map(value) } : node;
}

function mapEach(node: TNode, key: string, map: (item: TNode) => TNode): TNode {
  const value = node[key];
  return Array.isArray(value) ? { ...node, [key]: value.map((item: unknown) => (isNode(item) ? map(item) : item)) } : node;
}

// The texts of one element that a renderer reads as markdown (see the adaptivecards renderer:
// TextBlock, FactSet's TextBlocks, Toggle and expanded choices with useMarkdownInRadioButtonAndCheckbox).
function mapOwnTexts(node: TNode, map: (text: string) => string): TNode {
  switch (node["type"]) {
    case "TextBlock":
      return mapText(node, "text", map);
    case "FactSet":
      return mapEach(node, "facts", (fact) => mapText(mapText(fact, "title", map), "value", map));
    case "Input.Toggle":
      return mapText(node, "title", map);
    case "Input.ChoiceSet":
      return node["style"] === "expanded" ? mapEach(node, "choices", (choice) => mapText(choice, "title", map)) : node;
    default:
      return node;
  }
}

function mapNode(node: TNode, map: (text: string) => string): TNode {
  let mapped = mapOwnTexts(node, map);
  for (const key of ["items", "columns", "actions", "body"]) mapped = mapEach(mapped, key, (child) => mapNode(child, map));
  return mapped;
}

function mapCardTexts(card: TCard, map: (text: string) => string): TCard {
  const body = card.body.map((node) => (isNode(node) ? mapNode(node, map) : node));
  const actions = card.actions?.map((node) => (isNode(node) ? mapNode(node, map) : node));
  return actions === undefined ? { ...card, body } : { ...card, body, actions };
}

/** A card whose texts are literal, as Adaptive Card markdown: every text shows as written, none is markup. */
export function escapeCardTexts(card: TCard): TCard {
  return mapCardTexts(card, escapeCardMarkdown);
}

/** The card with its texts literal again (the inverse of escapeCardTexts). */
export function unescapeCardTexts(card: TCard): TCard {
  return mapCardTexts(card, unescapeCardMarkdown);
}
