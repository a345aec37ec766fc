import { z } from "zod/v4";
import { AppError } from "../../../app/app-error.ts";
import { periodInputs, PERIOD_ACTION_PREFIX } from "./period-lists.ts";

// The inverse of the modal's inputs: Slack's view.state.values (block_id → action_id → state)
// read as an Adaptive Card renderer sends a form: every input as a string, "" when unset,
// "true"/"false" for a toggle, comma-joined values for a multi-select.

/** action_ids of the modal's input elements; a typeahead's is "ds:<dataset>", a period list's "pl:<columns>". */
export const INPUT_ACTION_IDS = {
  text: "in:text",
  date: "in:date",
  number: "in:number",
  toggle: "in:toggle",
  select: "in:select",
  radio: "in:radio",
  multi: "in:multi",
} as const;

/** Prefix of a typeahead's action_id, followed by its dataset. */
export const DATASET_ACTION_PREFIX = "ds:";

const ZOption = z.object({ value: z.string().max(150) });

const ZStateValue = z.object({
  type: z.string().max(100),
  value: z.string().max(10_000).nullish(),
  selected_date: z.string().max(40).nullish(),
  selected_option: ZOption.nullish(),
  selected_options: z.array(ZOption).max(100).nullish(),
});

const ZViewStateValues = z.record(z.string().max(255), z.record(z.string().max(255), ZStateValue));

/** One input's state as Slack reports it. */
export type TViewStateValue = z.input<typeof ZStateValue>;

/** Slack's view.state.values. */
export type TViewStateValues = Readonly<Record<string, Readonly<Record<string, TViewStateValue>>>>;

function optionValues(state: z.infer<typeof ZStateValue>): string[] {
  return (state.selected_options ?? []).map((option) => option.value);
}

function inputValue(actionId: string, state: z.infer<typeof ZStateValue>): string {
  switch (state.type) {
    case "datepicker":
      return state.selected_date ?? "";
    case "checkboxes":
      if (actionId === INPUT_ACTION_IDS.toggle) return optionValues(state).length > 0 ? "true" : "false";
      return optionValues(state).join(",");
    case "multi_static_select":
    case "multi_external_select":
      return optionValues(state).join(",");
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return state.selected_option?.value ?? "";
    default:
      return state.value ?? "";
  }
}

/** The form's inputs, input id → string, from a view's state.values (validated: it comes from outside). */
export function viewStateToInputs(values: TViewStateValues): Record<string, string> {
  const parsed = ZViewStateValues.safeParse(values);
  if (!parsed.success) throw new AppError("INVALID_INPUT", { reason: "slack_view_state" });
  const inputs: Record<string, string> = {};
  for (const [blockId, actions] of Object.entries(parsed.data)) {
    for (const [actionId, state] of Object.entries(actions)) {
      if (actionId.startsWith(PERIOD_ACTION_PREFIX)) {
        const columns = actionId.slice(PERIOD_ACTION_PREFIX.length).split(",");
        Object.assign(inputs, periodInputs(blockId, columns, state.value ?? ""));
      } else {
        inputs[blockId] = inputValue(actionId, state);
      }
    }
  }
  return inputs;
}
