import type { PlainTextElement } from "@slack/types";

// Text for Slack: mrkdwn needs &, < and > escaped (else "<@U123>" would mention someone and
// "<http://x|y>" would become a link); plain_text is shown as it is but has length limits.

// A cut between the two halves of an emoji would leave an invalid character.
function isHighSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff;
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** Escapes a text typed by anyone for a mrkdwn field. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (character) => ENTITIES[character] ?? character);
}

/** A text cut to `max` characters, ending with "…" when it was longer. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${(isHighSurrogate(cut, cut.length - 1) ? cut.slice(0, -1) : cut).trimEnd()}…`;
}

/** A plain_text object of at most `max` characters. */
export function plainText(text: string, max: number): PlainTextElement {
  return { type: "plain_text", text: clip(text, max), emoji: true };
}

/** Bold in mrkdwn, line by line (a `*` pair cannot span lines). */
export function bold(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? line : `*${line.trim()}*`))
    .join("\n");
}

// An entity ("&amp;") cut in two would show as garbage: a hard cut backs off before it.
function safeCut(text: string, at: number): number {
  const entity = text.lastIndexOf("&", at);
  if (entity >= 0 && entity > at - 5 && text.indexOf(";", entity) >= at) return entity;
  return isHighSurrogate(text, at - 1) ? at - 1 : at;
}

function cutPoint(text: string, max: number): number {
  const window = text.slice(0, max + 1);
  for (const separator of ["\n\n", "\n", ". ", " "]) {
    const at = window.lastIndexOf(separator);
    // A split too early would leave tiny pieces: only boundaries in the second half count.
    if (at > max / 2) return at + (separator === ". " ? 1 : 0);
  }
  return safeCut(text, max);
}

/** Splits a text into pieces of at most `max` characters at paragraph, line, sentence or word boundaries. */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const at = Math.max(1, cutPoint(rest, max));
    const piece = rest.slice(0, at).trimEnd();
    if (piece !== "") pieces.push(piece);
    rest = rest.slice(at).replace(/^\s+/u, "");
  }
  if (rest.trim() !== "" || pieces.length === 0) pieces.push(rest);
  return pieces;
}

const COLOR_MARKS: Readonly<Record<string, string>> = { attention: "❗", warning: "⚠️", good: "✅" };

const LEADING_EMOJI = /^\s*\p{Extended_Pictographic}/u;

/** The emoji that stands for an Adaptive Cards colour, unless the text already starts with one. */
export function colorMark(color: string, text: string): string {
  const mark = COLOR_MARKS[color.toLowerCase()];
  return mark === undefined || LEADING_EMOJI.test(text) ? "" : `${mark} `;
}
