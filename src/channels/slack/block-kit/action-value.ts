import type { Button } from "@slack/types";
import { z } from "zod/v4";
import { AppError } from "../../../app/app-error.ts";
import { VERBS } from "../../../app/conversation/events.ts";
import type { TActionValue, TExecute } from "./card-nodes.ts";
import { plainText } from "./mrkdwn.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";
import { viewStateToInputs, type TViewStateValues } from "./view-state.ts";

// A button carries its Action.Execute whole: action_id "ac:<verb>:<n>" (unique in the message
// or view; ":inputs" marks a modal button that also sends the form's inputs) and value
// JSON {verb, data}. Slack echoes both back in block_actions, so no state is kept anywhere.

const PREFIX = "ac";
const WITH_INPUTS = "inputs";

const ZActionValue = z.object({ verb: z.enum(VERBS), data: z.record(z.string(), z.unknown()) });

/** The action_id of the `n`-th button of a message or view. */
export function buttonActionId(verb: string, n: number, withInputs = false): string {
  return `${PREFIX}:${verb}:${n}${withInputs ? `:${WITH_INPUTS}` : ""}`;
}

/** JSON of {verb, data}; data too large for Slack is a programming error, reported with the verb. */
export function encodeActionValue(value: TActionValue, max: number = SLACK_LIMITS.buttonValue): string {
  const json = JSON.stringify({ verb: value.verb, data: value.data });
  if (json.length > max) {
    throw new Error(`Block Kit: the data of action "${value.verb}" is ${json.length} characters once encoded (Slack allows ${max}): keep action data small`);
  }
  return json;
}

/** Reads {verb, data} back; anything else (a forged or stale payload) is invalid input. */
export function decodeActionValue(json: string): TActionValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new AppError("INVALID_INPUT", { reason: "slack_action_value" });
  }
  const result = ZActionValue.safeParse(parsed);
  if (!result.success) throw new AppError("INVALID_INPUT", { reason: "slack_action_value" });
  return result.data;
}

/** A Slack button for an Action.Execute. */
export function buttonOf(action: TExecute, n: number, withInputs = false): Button {
  const button: Button = {
    type: "button",
    action_id: buttonActionId(action.verb, n, withInputs),
    text: plainText(action.title, SLACK_LIMITS.buttonText),
    value: encodeActionValue(action),
  };
  if (action.style === "positive") button.style = "primary";
  if (action.style === "destructive") button.style = "danger";
  return button;
}

/** The part of a block_actions action the translation reads. */
export type TBlockAction = { action_id: string; value?: string | undefined };

/** True when the action is one of our buttons (action_id "ac:…"). */
export function isButtonAction(action: TBlockAction): boolean {
  return action.action_id.startsWith(`${PREFIX}:`);
}

/**
 * The {verb, data} of a clicked button. For a modal button that sends the form's inputs, pass
 * the view's state.values: the inputs are merged into the data as a form submission would.
 */
export function blockActionToEvent(action: TBlockAction, viewStateValues?: TViewStateValues): TActionValue {
  if (!isButtonAction(action) || action.value === undefined) throw new AppError("INVALID_INPUT", { reason: "slack_action_value" });
  const value = decodeActionValue(action.value);
  const withInputs = action.action_id.endsWith(`:${WITH_INPUTS}`);
  if (!withInputs || viewStateValues === undefined) return value;
  return { verb: value.verb, data: { ...value.data, ...viewStateToInputs(viewStateValues) } };
}
