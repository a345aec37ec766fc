import type { KnownBlock, PlainTextOption } from "@slack/types";
import type { TViewStateValue } from "../../src/channels/slack/block-kit/view-state.ts";
import { unchangedState } from "../unit/slack/block-kit-fixtures.ts";
import { stageAnswers as journeyStageAnswers } from "./journey.ts";
import type { TModal } from "./slack-driver.ts";

// Filling a Stagebot modal as a person would in Slack: state.values built from the modal's own
// blocks (what it opened with), then the answers typed or chosen, in the widget each input uses.

/** Slack's view.state.values. */
export type TStateValues = Record<string, Record<string, TViewStateValue>>;

type TInputBlock = Extract<KnownBlock, { type: "input" }>;

/** The input block of `blockId`, failing loudly when the modal has none. */
export function inputBlock(view: TModal, blockId: string): TInputBlock {
  const block = view.blocks.find((candidate): candidate is TInputBlock => candidate.type === "input" && candidate.block_id === blockId);
  if (!block)
    throw new Error(
      `the modal "${view.title.text}" has no input "${blockId}" (inputs: ${view.blocks.flatMap((b) => (b.type === "input" ? [b.block_id] : [])).join(", ")})`,
    );
  return block;
}

function optionsOf(block: TInputBlock): PlainTextOption[] {
  const element = block.element as { options?: PlainTextOption[]; option_groups?: Array<{ options: PlainTextOption[] }> };
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((group) => group.options)];
}

/** The value of the static option of `blockId` whose text contains `title` (case-insensitive). */
export function optionValue(view: TModal, blockId: string, title: string): string {
  const options = optionsOf(inputBlock(view, blockId));
  const option = options.find((candidate) => candidate.text.text.toLowerCase().includes(title.toLowerCase()));
  if (!option?.value) throw new Error(`no option "${title}" in ${blockId} among ${options.map((o) => o.text.text).join(" | ")}`);
  return option.value;
}

/** True when `blockId` is a typeahead (external_select): its choices come from block_suggestion. */
export function isTypeahead(view: TModal, blockId: string): boolean {
  return inputBlock(view, blockId).element.type.endsWith("external_select");
}

/** The state Slack reports for `blockId` once the person answered `value` (as a card form sends it: "true", ISO dates, ids). */
export function answerState(view: TModal, blockId: string, value: string): Record<string, TViewStateValue> {
  const element = inputBlock(view, blockId).element;
  const actionId = element.action_id ?? "";
  const many = (text: string) =>
    text
      .split(",")
      .filter((part) => part !== "")
      .map((part) => ({ value: part }));
  switch (element.type) {
    case "plain_text_input":
      return { [actionId]: { type: element.type, value } };
    case "datepicker":
      return { [actionId]: { type: element.type, selected_date: value } };
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { [actionId]: { type: element.type, selected_option: value === "" ? null : { value } } };
    case "checkboxes":
      return { [actionId]: { type: element.type, selected_options: actionId === "in:toggle" ? (value === "true" ? [{ value: "true" }] : []) : many(value) } };
    case "multi_static_select":
    case "multi_external_select":
      return { [actionId]: { type: element.type, selected_options: many(value) } };
    default:
      throw new Error(`cannot answer a ${element.type}`);
  }
}

/** The modal's state as it opened, with these answers. */
export function filledState(view: TModal, answers: Record<string, string>): TStateValues {
  const values: TStateValues = unchangedState(view);
  for (const [blockId, value] of Object.entries(answers)) values[blockId] = answerState(view, blockId, value);
  return values;
}

/** The stage section's answers, as Léa gives them in the modal (those of test/support/journey.ts). */
export function stageAnswers(view: TModal): Record<string, string> {
  return journeyStageAnswers((field, title) => optionValue(view, field, title), { dateDebut: "2027-01-11", dateFin: "2027-02-26" });
}
