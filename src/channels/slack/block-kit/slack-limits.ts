import type { KnownBlock, PlainTextOption, TextObject, View } from "@slack/types";

// Slack's published limits on what a message or a view may carry. A payload over any of them
// is refused by the Web API (invalid_blocks), so the translation keeps within them and the
// adapter checks again before sending, to log what went wrong.

/** The numbers Slack enforces on messages, views and their blocks. */
export const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 2000,
  actionsElements: 25,
  /** Buttons per actions block we allow ourselves: more wrap badly on mobile. */
  buttonsPerBlock: 5,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  plainTextInput: 3000,
  modalTitle: 24,
  modalButton: 24,
  optionText: 75,
  optionValue: 150,
  selectOptions: 100,
  optionGroups: 100,
  /** Radio buttons and checkboxes. */
  choiceButtons: 10,
  privateMetadata: 3000,
  /** The `text` of a message beyond which Slack cuts it. */
  messageText: 40_000,
  /** A view as JSON. */
  viewBytes: 250_000,
} as const;

/** A message as chat.postMessage / chat.update take it. */
export type TSlackMessage = { text: string; blocks: KnownBlock[] };

type TCheck = (path: string, problem: string) => void;

function checkLength(report: TCheck, path: string, text: string | undefined, max: number): void {
  if (text !== undefined && text.length > max) report(path, `${text.length} characters (max ${max})`);
}

function checkText(report: TCheck, path: string, text: TextObject | undefined, max: number): void {
  checkLength(report, path, text?.text, max);
  if (text !== undefined && text.text.trim() === "") report(path, "empty text");
}

function checkOptions(report: TCheck, path: string, options: readonly PlainTextOption[] | undefined, max: number): void {
  if (options === undefined) return;
  if (options.length > max) report(path, `${options.length} options (max ${max})`);
  options.forEach((option, index) => {
    checkText(report, `${path}[${index}].text`, option.text, SLACK_LIMITS.optionText);
    checkLength(report, `${path}[${index}].value`, option.value, SLACK_LIMITS.optionValue);
  });
}

// Elements are read by key: the checks cover every kind the translation produces.
function prop(element: { type: string }, key: string): unknown {
  return (element as Readonly<Record<string, unknown>>)[key];
}

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function checkElement(report: TCheck, path: string, element: { type: string }): void {
  checkLength(report, `${path}.action_id`, optionalString(prop(element, "action_id")), SLACK_LIMITS.actionId);
  checkText(report, `${path}.placeholder`, prop(element, "placeholder") as TextObject | undefined, SLACK_LIMITS.placeholder);
  if (element.type === "button") {
    checkText(report, `${path}.text`, prop(element, "text") as TextObject, SLACK_LIMITS.buttonText);
    checkLength(report, `${path}.value`, optionalString(prop(element, "value")), SLACK_LIMITS.buttonValue);
    checkLength(report, `${path}.url`, optionalString(prop(element, "url")), SLACK_LIMITS.buttonUrl);
  }
  if (element.type === "plain_text_input") {
    const max = prop(element, "max_length");
    const limit = typeof max === "number" ? Math.min(max, SLACK_LIMITS.plainTextInput) : SLACK_LIMITS.plainTextInput;
    if (typeof max === "number" && max > SLACK_LIMITS.plainTextInput) report(`${path}.max_length`, `${max} (max ${SLACK_LIMITS.plainTextInput})`);
    checkLength(report, `${path}.initial_value`, optionalString(prop(element, "initial_value")), limit);
  }
  const buttons = element.type === "radio_buttons" || element.type === "checkboxes";
  const options = prop(element, "options") as PlainTextOption[] | undefined;
  checkOptions(report, `${path}.options`, options, buttons ? SLACK_LIMITS.choiceButtons : SLACK_LIMITS.selectOptions);
  const groups = prop(element, "option_groups") as Array<{ options: PlainTextOption[] }> | undefined;
  if (groups !== undefined && groups.length > SLACK_LIMITS.optionGroups)
    report(`${path}.option_groups`, `${groups.length} groups (max ${SLACK_LIMITS.optionGroups})`);
  groups?.forEach((group, index) => checkOptions(report, `${path}.option_groups[${index}]`, group.options, SLACK_LIMITS.selectOptions));
}

function checkBlock(report: TCheck, path: string, block: KnownBlock): void {
  checkLength(report, `${path}.block_id`, block.block_id, SLACK_LIMITS.blockId);
  switch (block.type) {
    case "section":
      checkText(report, `${path}.text`, block.text, SLACK_LIMITS.sectionText);
      if ((block.fields?.length ?? 0) > SLACK_LIMITS.sectionFields)
        report(`${path}.fields`, `${block.fields?.length} fields (max ${SLACK_LIMITS.sectionFields})`);
      block.fields?.forEach((field, index) => checkText(report, `${path}.fields[${index}]`, field, SLACK_LIMITS.fieldText));
      if (block.text === undefined && (block.fields?.length ?? 0) === 0) report(path, "section without text nor fields");
      if (block.accessory !== undefined) checkElement(report, `${path}.accessory`, block.accessory);
      return;
    case "context":
      if (block.elements.length > SLACK_LIMITS.contextElements)
        report(`${path}.elements`, `${block.elements.length} elements (max ${SLACK_LIMITS.contextElements})`);
      block.elements.forEach((element, index) => {
        if (element.type !== "image") checkText(report, `${path}.elements[${index}]`, element, SLACK_LIMITS.contextText);
      });
      return;
    case "actions":
      if (block.elements.length > SLACK_LIMITS.actionsElements)
        report(`${path}.elements`, `${block.elements.length} elements (max ${SLACK_LIMITS.actionsElements})`);
      block.elements.forEach((element, index) => checkElement(report, `${path}.elements[${index}]`, element));
      return;
    case "input":
      checkText(report, `${path}.label`, block.label, SLACK_LIMITS.inputLabel);
      checkText(report, `${path}.hint`, block.hint, SLACK_LIMITS.inputHint);
      checkElement(report, `${path}.element`, block.element);
      return;
    default:
      return;
  }
}

function checkBlocks(report: TCheck, blocks: readonly KnownBlock[], max: number): void {
  if (blocks.length > max) report("blocks", `${blocks.length} blocks (max ${max})`);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  blocks.forEach((block, index) => {
    checkBlock(report, `blocks[${index}]`, block);
    if (block.block_id !== undefined) {
      if (blockIds.has(block.block_id)) report(`blocks[${index}].block_id`, `"${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    const elements = block.type === "actions" ? block.elements : block.type === "section" && block.accessory ? [block.accessory] : [];
    for (const element of elements) {
      const id = "action_id" in element ? element.action_id : undefined;
      if (id === undefined) continue;
      if (actionIds.has(id)) report(`blocks[${index}]`, `action_id "${id}" is not unique`);
      actionIds.add(id);
    }
  });
}

function isView(payload: TSlackMessage | View): payload is View {
  return "type" in payload && (payload.type === "modal" || payload.type === "home" || payload.type === "workflow_step");
}

/** Every way a message or a view breaks Slack's limits, as "path: problem" lines (empty when it fits). */
export function assertWithinSlackLimits(payload: TSlackMessage | View): string[] {
  const violations: string[] = [];
  const report: TCheck = (path, problem) => violations.push(`${path}: ${problem}`);
  if (!isView(payload)) {
    checkLength(report, "text", payload.text, SLACK_LIMITS.messageText);
    checkBlocks(report, payload.blocks, SLACK_LIMITS.messageBlocks);
    return violations;
  }
  checkBlocks(report, payload.blocks as KnownBlock[], SLACK_LIMITS.viewBlocks);
  checkLength(report, "private_metadata", payload.private_metadata, SLACK_LIMITS.privateMetadata);
  checkLength(report, "callback_id", payload.callback_id, 255);
  if (payload.type === "modal") {
    checkText(report, "title", payload.title, SLACK_LIMITS.modalTitle);
    checkText(report, "submit", payload.submit, SLACK_LIMITS.modalButton);
    checkText(report, "close", payload.close, SLACK_LIMITS.modalButton);
  }
  const bytes = Buffer.byteLength(JSON.stringify(payload), "utf8");
  if (bytes > SLACK_LIMITS.viewBytes) report("view", `${bytes} bytes (max ${SLACK_LIMITS.viewBytes})`);
  return violations;
}
