import type { InputBlock } from "@slack/types";
import type { TCard } from "../../../app/conversation/effects.ts";
import { translate, type TLocale } from "../../../i18n/translate.ts";
import { inputsOf, textAt } from "./card-nodes.ts";
import { plainText } from "./mrkdwn.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

// A period list (interruptions, irregular periods) is a table of inputs on the card, one row
// per period: "interruptions.0.dateDebut", "interruptions.0.dateFin", ... Fifty rows would not
// fit a modal's 100 blocks, so the modal may show a list as one text box, one period per line
// ("20/04/2026 24/04/2026"), read back into the same row inputs on submission.

/** Prefix of a period list's action_id, followed by its columns ("pl:dateDebut,dateFin"). */
export const PERIOD_ACTION_PREFIX = "pl:";

const CELL_ID = /^([A-Za-z]+)\.(\d+)\.([A-Za-z]+)$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
// Words and dashes a person may put between the columns: "du 20/04/2026 au 24/04/2026".
const FILLER = /^(?:[-–—→]+|du|au|from|to)$/i;

/** A period list of a card: its columns in order, and each row's cells. */
export type TPeriodList = { field: string; columns: string[]; rows: Array<Record<string, string>> };

/** The field, row and column of a period cell's input id, or null for another input. */
export function periodCell(inputId: string): { field: string; index: number; column: string } | null {
  const match = CELL_ID.exec(inputId);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { field: match[1], index: Number(match[2]), column: match[3] };
}

/** The period lists of a card, by field. */
export function periodListsOf(card: TCard): Map<string, TPeriodList> {
  const lists = new Map<string, TPeriodList>();
  for (const input of inputsOf(card)) {
    const cell = periodCell(textAt(input, "id"));
    if (cell === null) continue;
    const list = lists.get(cell.field) ?? { field: cell.field, columns: [], rows: [] };
    if (!list.columns.includes(cell.column)) list.columns.push(cell.column);
    const row = list.rows[cell.index] ?? {};
    row[cell.column] = textAt(input, "value");
    list.rows[cell.index] = row;
    lists.set(cell.field, list);
  }
  return lists;
}

function shownCell(value: string): string {
  const match = ISO_DATE.exec(value.trim());
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value.trim();
}

function readCell(token: string): string {
  const match = DAY_FIRST_DATE.exec(token);
  if (!match?.[1] || !match[2] || !match[3]) return token;
  return `${match[3]}-${match[2].padStart(2, "0")}-${match[1].padStart(2, "0")}`;
}

/** The text box's content: one line per filled row, its cells separated by spaces. */
export function periodLines(list: TPeriodList): string {
  return list.rows
    .filter((row) => list.columns.some((column) => (row[column] ?? "").trim() !== ""))
    .map((row) => list.columns.map((column) => shownCell(row[column] ?? "")).join(" "))
    .join("\n");
}

/**
 * The row inputs of a period list typed as lines, as the card would send them
 * ("interruptions.0.dateDebut": "2026-04-20", ...); an empty box clears the list.
 * Text that does not read as a date is passed on, so the core names the wrong cell.
 */
export function periodInputs(field: string, columns: readonly string[], text: string): Record<string, string> {
  const lines = text.split(/\r?\n/).map((line) => line.split(/[\s;|]+/).filter((token) => token !== "" && !FILLER.test(token)));
  const rows = lines.filter((tokens) => tokens.length > 0);
  if (rows.length === 0) return { [field]: "" };
  const inputs: Record<string, string> = {};
  rows.forEach((tokens, index) => {
    columns.forEach((column, position) => {
      // Extra words go to the last column, where the core reports them.
      const last = position === columns.length - 1;
      const token = last ? tokens.slice(position).join(" ") : tokens[position];
      if (token !== undefined && token !== "") inputs[`${field}.${index}.${column}`] = readCell(token);
    });
  });
  return inputs;
}

/** The one text box that stands for a period list in a modal; block_id is the list's field. */
export function periodInputBlock(locale: TLocale, list: TPeriodList): InputBlock {
  const hoursKey = list.columns.includes("hoursPerDay") ? "slack:periods.hintHours" : "slack:periods.hint";
  const initial = periodLines(list);
  return {
    type: "input",
    block_id: list.field,
    optional: true,
    label: plainText(translate(locale, "slack:periods.label"), SLACK_LIMITS.inputLabel),
    hint: plainText(translate(locale, hoursKey), SLACK_LIMITS.inputHint),
    element: {
      type: "plain_text_input",
      action_id: `${PERIOD_ACTION_PREFIX}${list.columns.join(",")}`,
      multiline: true,
      max_length: SLACK_LIMITS.plainTextInput,
      ...(initial === "" ? {} : { initial_value: initial }),
    },
  };
}
