import { AppError } from "../../../app/app-error.ts";
import { ZSearchQuery, type TSearchQuery } from "../../../app/conversation/events.ts";
import type { TActionValue } from "./card-nodes.ts";
import { decodeModalMetadata } from "./private-metadata.ts";
import { DATASET_ACTION_PREFIX, viewStateToInputs, type TViewStateValues } from "./view-state.ts";

/** A submitted modal as the core takes it: the submit action's verb, its data with the inputs merged, and the caller's metadata. */
export type TViewSubmission = TActionValue & { callerMetadata: string };

/**
 * A view_submission read back as an Adaptive Card renderer would send the form: the submit
 * action's data, overlaid with every input as a string ("" unset, "true"/"false" for a toggle,
 * comma-joined values for a multi-select).
 */
export function viewSubmissionToData(viewStateValues: TViewStateValues, privateMetadata: string): TViewSubmission {
  const metadata = decodeModalMetadata(privateMetadata);
  if (metadata.action === null) throw new AppError("INVALID_INPUT", { reason: "slack_view_without_submit" });
  const inputs = viewStateToInputs(viewStateValues);
  return { verb: metadata.action.verb, data: { ...metadata.action.data, ...inputs }, callerMetadata: metadata.caller };
}

/** The part of a block_suggestion payload the translation reads. */
export type TBlockSuggestion = { action_id: string; value: string; view?: { private_metadata?: string | undefined } | undefined };

/**
 * A typeahead query from an external_select (action_id "ds:<dataset>"): the dataset, what the
 * person typed, and the form's submit data (e.g. the établissement whose services to search).
 */
export function blockSuggestionToQuery(suggestion: TBlockSuggestion): TSearchQuery {
  if (!suggestion.action_id.startsWith(DATASET_ACTION_PREFIX)) throw new AppError("INVALID_INPUT", { reason: "slack_suggestion" });
  const metadata = suggestion.view?.private_metadata;
  const data = metadata === undefined || metadata === "" ? {} : (decodeModalMetadata(metadata).action?.data ?? {});
  const parsed = ZSearchQuery.safeParse({ dataset: suggestion.action_id.slice(DATASET_ACTION_PREFIX.length), text: suggestion.value, data });
  if (!parsed.success) throw new AppError("INVALID_INPUT", { reason: "slack_suggestion" });
  return parsed.data;
}
