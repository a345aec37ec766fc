import { z } from "zod/v4";
import { draftField, unanswered, zId, type TLooseValues } from "./fields.ts";

/** Draft of section 3 (Service d'accueil): one of the établissement's services, mandatory even for a small host. */
export const ZServiceDraft = z.strictObject({ serviceId: draftField(zId) });

/** A saved answer to section 3. */
export type TServiceDraft = z.infer<typeof ZServiceDraft>;

/** Mandatory fields of section 3 still missing. */
export function serviceMissing(values: TLooseValues): string[] {
  return unanswered(values, ["serviceId"]);
}
