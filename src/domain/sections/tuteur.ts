import { z } from "zod/v4";
import { draftField, unanswered, zId, type TLooseValues } from "./fields.ts";

/** Draft of section 4 (Tuteur professionnel): a contact of the établissement. */
export const ZTuteurDraft = z.strictObject({ tuteurId: draftField(zId) });

/** A saved answer to section 4. */
export type TTuteurDraft = z.infer<typeof ZTuteurDraft>;

/** Mandatory fields of section 4 still missing. */
export function tuteurMissing(values: TLooseValues): string[] {
  return unanswered(values, ["tuteurId"]);
}
