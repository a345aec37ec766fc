import { z } from "zod/v4";
import { draftField, unanswered, zId, type TLooseValues } from "./fields.ts";

/** Draft of section 7 (Signataire): a contact of the établissement able to commit it, possibly of another service than the tuteur. */
export const ZSignataireDraft = z.strictObject({ signataireId: draftField(zId) });

/** A saved answer to section 7. */
export type TSignataireDraft = z.infer<typeof ZSignataireDraft>;

/** Mandatory fields of section 7 still missing. */
export function signataireMissing(values: TLooseValues): string[] {
  return unanswered(values, ["signataireId"]);
}
