import { z } from "zod/v4";
import { draftField, unanswered, zId, type TLooseValues } from "./fields.ts";

/** Draft of section 6 (Enseignant référent): a teacher of the directory. */
export const ZEnseignantDraft = z.strictObject({ enseignantId: draftField(zId) });

/** A saved answer to section 6. */
export type TEnseignantDraft = z.infer<typeof ZEnseignantDraft>;

/** Mandatory fields of section 6 still missing. */
export function enseignantMissing(values: TLooseValues): string[] {
  return unanswered(values, ["enseignantId"]);
}
