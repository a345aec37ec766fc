import type { PlainTextOption } from "@slack/types";
import type { TChoice } from "../../../app/conversation/events.ts";
import { plainText } from "./mrkdwn.ts";
import { SLACK_LIMITS } from "./slack-limits.ts";

/**
 * The answer to a block_suggestion: at most 100 options, titles cut to 75 characters. A value
 * over Slack's 150 characters could not be sent back whole: that choice is left out.
 */
export function optionsResponse(choices: readonly TChoice[]): { options: PlainTextOption[] } {
  const options = choices
    .filter((choice) => choice.value !== "" && choice.value.length <= SLACK_LIMITS.optionValue)
    .slice(0, SLACK_LIMITS.selectOptions)
    .map((choice) => ({ text: plainText(choice.title.trim() || choice.value, SLACK_LIMITS.optionText), value: choice.value }));
  return { options };
}
