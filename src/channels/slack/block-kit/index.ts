// Adaptive Cards → Slack Block Kit, and Slack's payloads back into the core's {verb, data}.
// Pure: no I/O, no Bolt runtime; the Slack adapter sends and receives.
export { blockActionToEvent, isButtonAction, type TBlockAction } from "./action-value.ts";
export type { TActionValue } from "./card-nodes.ts";
export { cardToMessage, type TMessageContext } from "./card-to-message.ts";
export { cardToModal, type TModalContext, type TSlackModal } from "./card-to-modal.ts";
export { optionsResponse } from "./options-response.ts";
export { toSlackErrors } from "./slack-errors.ts";
export { assertWithinSlackLimits, SLACK_LIMITS, type TSlackMessage } from "./slack-limits.ts";
export { DATASET_ACTION_PREFIX, type TViewStateValues } from "./view-state.ts";
export { blockSuggestionToQuery, viewSubmissionToData, type TBlockSuggestion, type TViewSubmission } from "./view-submission.ts";
