import type { ActionsBlock, Button, KnownBlock, SectionBlock } from "@slack/types";
import type { TLocale } from "../../../i18n/translate.ts";
import { buttonOf } from "./action-value.ts";
import { isInput, nodesAt, readExecute, textAt, typeOf, type TExecute, type TNode, type TOpenUrl } from "./card-nodes.ts";
import { inputBlocks } from "./input-blocks.ts";
import { bold, colorMark, escapeMrkdwn, plainText, splitText } from "./mrkdwn.ts";
import { periodCell, periodInputBlock, type TPeriodList } from "./period-lists.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

// The body of a card, element by element: TextBlock → section (context when subtle), FactSet →
// section fields, Container and ColumnSet → their items (a row of texts with one button → a
// section with that button as accessory), ActionSet → actions blocks, Input.* → input blocks.

/** The state of one translation: the blocks so far and the buttons' counter (action_ids are unique). */
export type TTranslation = {
  locale: TLocale;
  mode: "message" | "modal";
  blocks: KnownBlock[];
  buttons: number;
  /** Period lists shown as one text box each (modal only), and those already shown. */
  periods: Map<string, TPeriodList>;
  shownPeriods: Set<string>;
};

/** A fresh translation. */
export function newTranslation(locale: TLocale, mode: TTranslation["mode"], periods = new Map<string, TPeriodList>()): TTranslation {
  return { locale, mode, blocks: [], buttons: 0, periods, shownPeriods: new Set() };
}

/** A section of mrkdwn text (at most 3000 characters: callers split). */
export function textSection(text: string): SectionBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** A TextBlock's text as mrkdwn: escaped, bold when heavy or large, its colour as a leading emoji. */
export function textBlockMrkdwn(node: TNode): string {
  const raw = textAt(node, "text").trim();
  if (raw === "") return "";
  const strong = /^bolder$/i.test(textAt(node, "weight")) || /^(large|extralarge)$/i.test(textAt(node, "size"));
  const escaped = escapeMrkdwn(raw);
  return `${colorMark(textAt(node, "color"), raw)}${strong ? bold(escaped) : escaped}`;
}

// The last block, when it is a section of text alone that more text or fields may join.
function openSection(t: TTranslation): SectionBlock | null {
  const last = t.blocks.at(-1);
  if (last?.type !== "section" || last.text?.type !== "mrkdwn" || last.fields !== undefined || last.accessory !== undefined) return null;
  return last;
}

// A TextBlock set right under the previous one (spacing "None": a label and its text, a
// heading and its error) joins its section, unless it is subtle (a context of its own).
function pushText(t: TTranslation, node: TNode): void {
  const text = textBlockMrkdwn(node);
  if (text === "") return;
  const subtle = node["isSubtle"] === true;
  const open = openSection(t);
  if (!subtle && open?.text && /^none$/i.test(textAt(node, "spacing")) && open.text.text.length + 1 + text.length <= SLACK_LIMITS.sectionText) {
    open.text = { type: "mrkdwn", text: `${open.text.text}\n${text}` };
    return;
  }
  if (subtle && text.length <= SLACK_LIMITS.contextText) t.blocks.push({ type: "context", elements: [{ type: "mrkdwn", text }] });
  else t.blocks.push(...splitText(text, SLACK_LIMITS.sectionText).map(textSection));
}

// Fields show two columns of "title / value", under the text just before them (a heading, an
// entry's line); a fact too long for a field makes the whole set a list.
function pushFacts(t: TTranslation, node: TNode): void {
  const facts = nodesAt(node, "facts")
    .map((fact) => ({ title: escapeMrkdwn(textAt(fact, "title").trim()), value: escapeMrkdwn(textAt(fact, "value").trim()) }))
    .filter((fact) => fact.title !== "" || fact.value !== "");
  const texts = facts.map((fact) => [fact.title === "" ? "" : bold(fact.title), fact.value].filter((part) => part !== "").join("\n"));
  if (texts.length === 0) return;
  if (!texts.every((text) => text.length <= SLACK_LIMITS.fieldText)) {
    t.blocks.push(...splitText(texts.join("\n\n"), SLACK_LIMITS.sectionText).map(textSection));
    return;
  }
  for (let start = 0; start < texts.length; start += SLACK_LIMITS.sectionFields) {
    const fields = texts.slice(start, start + SLACK_LIMITS.sectionFields).map((text) => ({ type: "mrkdwn" as const, text }));
    const open = start === 0 ? openSection(t) : null;
    if (open === null) t.blocks.push({ type: "section", fields });
    else open.fields = fields;
  }
}

function executesOf(node: TNode): TExecute[] {
  return nodesAt(node, "actions")
    .filter((action) => typeOf(action) === "Action.Execute")
    .map(readExecute);
}

function nextButton(t: TTranslation, action: TExecute): Button {
  // In a modal a button that submits inputs sends the form's state with it.
  return buttonOf(action, t.buttons++, t.mode === "modal" && action.submitsInputs);
}

/** Buttons in actions blocks of at most five. */
export function pushButtons(t: TTranslation, actions: readonly TExecute[]): void {
  for (let start = 0; start < actions.length; start += SLACK_LIMITS.buttonsPerBlock) {
    const elements = actions.slice(start, start + SLACK_LIMITS.buttonsPerBlock).map((action) => nextButton(t, action));
    const block: ActionsBlock = { type: "actions", elements };
    t.blocks.push(block);
  }
}

/**
 * Link buttons (Action.OpenUrl: a PDF's signed link), in actions blocks of at most five. Slack
 * still reports their clicks; their action_id ("url:<n>") is not ours to answer, only to ack.
 */
export function pushLinks(t: TTranslation, links: readonly TOpenUrl[]): void {
  for (let start = 0; start < links.length; start += SLACK_LIMITS.buttonsPerBlock) {
    const elements = links.slice(start, start + SLACK_LIMITS.buttonsPerBlock).map((link): Button => ({
      type: "button",
      action_id: `url:${t.buttons++}`,
      text: plainText(link.title, SLACK_LIMITS.buttonText),
      url: link.url,
    }));
    t.blocks.push({ type: "actions", elements });
  }
}

// A list row (texts in one column, one button in another) reads best as a section with the button beside it.
function accessoryRow(t: TTranslation, items: readonly TNode[]): SectionBlock | null {
  const texts = items.filter((item) => typeOf(item) === "TextBlock");
  const sets = items.filter((item) => typeOf(item) === "ActionSet");
  if (texts.length === 0 || texts.length + sets.length !== items.length) return null;
  const actions = sets.flatMap(executesOf);
  const action = actions[0];
  if (actions.length !== 1 || action === undefined) return null;
  const text = texts
    .map(textBlockMrkdwn)
    .filter((line) => line !== "")
    .join("\n");
  if (text === "" || text.length > SLACK_LIMITS.sectionText) return null;
  return { ...textSection(text), accessory: nextButton(t, action) };
}

function pushDivider(t: TTranslation, node: TNode): void {
  const last = t.blocks.at(-1);
  if (node["separator"] === true && last !== undefined && last.type !== "divider") t.blocks.push({ type: "divider" });
}

const isErrorText = (node: TNode | undefined): boolean => node !== undefined && typeOf(node) === "TextBlock" && /^attention$/i.test(textAt(node, "color"));
const isHintText = (node: TNode | undefined): boolean => node !== undefined && typeOf(node) === "TextBlock" && node["isSubtle"] === true;

// An input, then the card's error under it (Slack shows errors itself: dropped), then its hint.
// Returns the index of the last element consumed.
function pushInput(t: TTranslation, items: readonly TNode[], index: number): number {
  let next = index + 1;
  while (isErrorText(items[next])) next++;
  const hintNode = items[next];
  const hint = hintNode !== undefined && isHintText(hintNode) ? textAt(hintNode, "text") : "";
  if (hint !== "") next++;
  const node = items[index];
  if (node === undefined || t.mode !== "modal") return next - 1;
  const cell = periodCell(textAt(node, "id"));
  const list = cell === null ? undefined : t.periods.get(cell.field);
  if (list !== undefined) {
    if (!t.shownPeriods.has(list.field)) t.blocks.push(periodInputBlock(t.locale, list));
    t.shownPeriods.add(list.field);
  } else {
    t.blocks.push(...inputBlocks(t.locale, node, hint));
  }
  return next - 1;
}

/** Translates a list of card elements, appending blocks to the translation. */
export function translateElements(t: TTranslation, items: readonly TNode[]): void {
  for (let index = 0; index < items.length; index++) {
    const node = items[index];
    if (node === undefined) continue;
    if (isInput(node)) {
      index = pushInput(t, items, index);
      continue;
    }
    switch (typeOf(node)) {
      case "TextBlock":
        pushText(t, node);
        break;
      case "FactSet":
        pushFacts(t, node);
        break;
      case "Container":
        pushDivider(t, node);
        translateElements(t, nodesAt(node, "items"));
        break;
      case "ColumnSet": {
        pushDivider(t, node);
        const items = nodesAt(node, "columns").flatMap((column) => nodesAt(column, "items"));
        const row = accessoryRow(t, items);
        if (row === null) translateElements(t, items);
        else t.blocks.push(row);
        break;
      }
      case "ActionSet":
        pushButtons(t, executesOf(node));
        break;
      default:
        break;
    }
  }
}
