import type { InputBlock, InputBlockElement, KnownBlock, PlainTextElement, PlainTextOption } from "@slack/types";
import type { TChoice } from "../../../app/conversation/events.ts";
import { translate, type TLocale } from "../../../i18n/translate.ts";
import { choicesOf, datasetOf, textAt, typeOf, type TNode } from "./card-nodes.ts";
import { bold, clip, escapeMrkdwn, plainText, splitText } from "./mrkdwn.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import { DATASET_ACTION_PREFIX, INPUT_ACTION_IDS } from "./view-state.ts";

// Input.* → an input block whose block_id is the input's id, so that the core's field errors
// (response_action "errors") and the submitted state.values name the same inputs as the card.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A Slack option for a choice; a value too long for Slack is a programming error naming the input. */
export function optionOf(choice: TChoice, inputId = ""): PlainTextOption {
  if (choice.value.length > SLACK_LIMITS.optionValue) {
    throw new Error(`Block Kit: a choice of "${inputId}" has a value of ${choice.value.length} characters (Slack allows ${SLACK_LIMITS.optionValue})`);
  }
  return { text: plainText(choice.title || choice.value, SLACK_LIMITS.optionText), value: choice.value };
}

function selectedValues(node: TNode): string[] {
  const value = textAt(node, "value");
  if (value === "") return [];
  return node["isMultiSelect"] === true ? value.split(",").filter((part) => part !== "") : [value];
}

function initialOptions(node: TNode, choices: readonly TChoice[]): PlainTextOption[] {
  const selected = new Set(selectedValues(node));
  return choices.filter((choice) => selected.has(choice.value)).map((choice) => optionOf(choice, textAt(node, "id")));
}

function placeholderOf(node: TNode): { placeholder?: PlainTextElement } {
  const placeholder = textAt(node, "placeholder");
  return placeholder === "" ? {} : { placeholder: plainText(placeholder, SLACK_LIMITS.placeholder) };
}

type TStaticOptions = { options: PlainTextOption[] } | { option_groups: Array<{ label: PlainTextElement; options: PlainTextOption[] }> };

// Beyond 100 choices a static select takes option groups of 100, named by their first and last.
// (An external_select would need a search the core does not have for static lists: countries...)
function staticOptions(choices: readonly TChoice[], inputId: string): TStaticOptions {
  const options = choices.map((choice) => optionOf(choice, inputId));
  if (options.length <= SLACK_LIMITS.selectOptions) return { options };
  const groups = [];
  for (let start = 0; start < options.length; start += SLACK_LIMITS.selectOptions) {
    const slice = options.slice(start, start + SLACK_LIMITS.selectOptions);
    const first = slice[0]?.text.text ?? "";
    const last = slice.at(-1)?.text.text ?? "";
    groups.push({ label: plainText(`${clip(first, 35)} – ${clip(last, 35)}`, SLACK_LIMITS.optionText), options: slice });
  }
  return { option_groups: groups };
}

function choiceElement(node: TNode): InputBlockElement {
  const id = textAt(node, "id");
  const choices = choicesOf(node);
  const multi = node["isMultiSelect"] === true;
  const initial = initialOptions(node, choices);
  const dataset = datasetOf(node);
  if (dataset !== null) {
    const action_id = `${DATASET_ACTION_PREFIX}${dataset}`;
    const base = { action_id, min_query_length: 0, ...placeholderOf(node) };
    if (multi) return { type: "multi_external_select", ...base, ...(initial.length > 0 ? { initial_options: initial } : {}) };
    return { type: "external_select", ...base, ...(initial[0] ? { initial_option: initial[0] } : {}) };
  }
  const expanded = textAt(node, "style") === "expanded" && choices.length <= SLACK_LIMITS.choiceButtons;
  if (expanded) {
    const options = choices.map((choice) => optionOf(choice, id));
    if (multi) return { type: "checkboxes", action_id: INPUT_ACTION_IDS.multi, options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
    return { type: "radio_buttons", action_id: INPUT_ACTION_IDS.radio, options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
  }
  const options = { ...staticOptions(choices, id), ...placeholderOf(node) };
  if (multi) return { type: "multi_static_select", action_id: INPUT_ACTION_IDS.multi, ...options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
  return { type: "static_select", action_id: INPUT_ACTION_IDS.select, ...options, ...(initial[0] ? { initial_option: initial[0] } : {}) };
}

function textElement(node: TNode, actionId: string, maxLength: number): InputBlockElement {
  const value = textAt(node, "value");
  return {
    type: "plain_text_input",
    action_id: actionId,
    multiline: node["isMultiline"] === true,
    max_length: maxLength,
    ...(value === "" ? {} : { initial_value: value }),
  };
}

/** The most characters a text input takes: the card's maxLength within Slack's 3000. */
function textLimit(node: TNode): number {
  const max = node["maxLength"];
  return typeof max === "number" && max > 0 ? Math.min(max, SLACK_LIMITS.plainTextInput) : SLACK_LIMITS.plainTextInput;
}

function elementOf(locale: TLocale, node: TNode): InputBlockElement | null {
  switch (typeOf(node)) {
    case "Input.Text":
      return textElement(node, INPUT_ACTION_IDS.text, textLimit(node));
    case "Input.Number":
      // Numbers are text in Slack; the core reads "35,5" and "35.5" alike.
      return textElement(node, INPUT_ACTION_IDS.number, 40);
    case "Input.Date": {
      const value = textAt(node, "value");
      return { type: "datepicker", action_id: INPUT_ACTION_IDS.date, ...(ISO_DATE.test(value) ? { initial_date: value } : {}) };
    }
    case "Input.Toggle": {
      const on = { text: plainText(translate(locale, "slack:toggleOn"), SLACK_LIMITS.optionText), value: "true" };
      const checked = textAt(node, "value") === (textAt(node, "valueOn") || "true");
      return { type: "checkboxes", action_id: INPUT_ACTION_IDS.toggle, options: [on], ...(checked ? { initial_options: [on] } : {}) };
    }
    case "Input.ChoiceSet":
      return choicesOf(node).length > 0 || datasetOf(node) !== null
        ? choiceElement(node)
        : textElement(node, INPUT_ACTION_IDS.text, SLACK_LIMITS.plainTextInput);
    default:
      return null;
  }
}

// A text longer than Slack lets anyone type (a 4000-character text saved from Teams) is shown,
// not offered: without an input the submission leaves it out and the core keeps it unchanged.
function tooLongToEdit(locale: TLocale, node: TNode, label: string): KnownBlock[] {
  const text = `${bold(escapeMrkdwn(label))}\n${escapeMrkdwn(textAt(node, "value"))}`;
  const note = translate(locale, "slack:tooLongToEdit", { max: SLACK_LIMITS.plainTextInput });
  return [
    ...splitText(text, SLACK_LIMITS.sectionText).map((piece): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: piece } })),
    { type: "context", elements: [{ type: "mrkdwn", text: escapeMrkdwn(note) }] },
  ];
}

/** The blocks of one input: an input block (block_id = the input's id), with the card's hint under it. */
export function inputBlocks(locale: TLocale, node: TNode, hint: string): KnownBlock[] {
  const id = textAt(node, "id");
  const label = textAt(node, "label") || textAt(node, "title") || id;
  if (typeOf(node) === "Input.Text" && textAt(node, "value").length > textLimit(node)) return tooLongToEdit(locale, node, label);
  const element = elementOf(locale, node);
  if (element === null) return [];
  const block: InputBlock = {
    type: "input",
    block_id: id,
    label: plainText(label, SLACK_LIMITS.inputLabel),
    optional: node["isRequired"] !== true,
    element,
  };
  if (hint.trim() !== "") block.hint = plainText(hint, SLACK_LIMITS.inputHint);
  return [block];
}
