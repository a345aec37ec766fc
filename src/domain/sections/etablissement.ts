import { z } from "zod/v4";
import { INT4_MAX, draftField, unanswered, zId, type TLooseValues } from "./fields.ts";

/**
 * Draft of section 2 (Établissement d'accueil): the établissement chosen in (or added to) the
 * shared base, and its exact headcount for the period of this internship (R124-10), asked when
 * the band of the shared record leaves the quota of interns open.
 */
export const ZEtablissementDraft = z.strictObject({
  etablissementId: draftField(zId),
  effectifAccueil: draftField(z.number().int().min(0).max(INT4_MAX)),
});

/** A saved answer to section 2. */
export type TEtablissementDraft = z.infer<typeof ZEtablissementDraft>;

/** Mandatory fields of section 2 still missing. */
export function etablissementMissing(values: TLooseValues): string[] {
  return unanswered(values, ["etablissementId"]);
}
