import { z } from "zod/v4";
import { draftField, unanswered, zId, type TLooseValues } from "./fields.ts";

/** Draft of section 2 (Établissement d'accueil): the établissement chosen in (or added to) the shared base. */
export const ZEtablissementDraft = z.strictObject({ etablissementId: draftField(zId) });

/** A saved answer to section 2. */
export type TEtablissementDraft = z.infer<typeof ZEtablissementDraft>;

/** Mandatory fields of section 2 still missing. */
export function etablissementMissing(values: TLooseValues): string[] {
  return unanswered(values, ["etablissementId"]);
}
