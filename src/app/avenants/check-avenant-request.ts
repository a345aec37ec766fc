import {
  AVENANT_FIELDS,
  avenantErrors,
  avenantText,
  changedFields,
  parseAvenantChanges,
  parseMotifs,
  pickValues,
  type TMotifAvenant,
} from "../../domain/avenant.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import { FORM_FIELD } from "../../domain/sections/index.ts";
import { AppError } from "../app-error.ts";
import type { TClock } from "../ports/clock.ts";
import type { TAnswerChecks, TRulesFactsSource, TStoredConvention } from "../ports/conventions.ts";
import { amendedConventionErrors } from "./amended-convention-errors.ts";

/** An avenant request as a form sends it, not trusted. */
export interface TAvenantRequestInput {
  motifs: readonly string[];
  motifAutre?: unknown;
  comment?: unknown;
  /** Field → proposed value; unchanged fields may be sent too (a prefilled form sends them all). */
  changes: unknown;
}

/** A request found acceptable: its motives, texts and the fields it really changes. */
export interface TCheckedAvenantRequest {
  motifs: TMotifAvenant[];
  motifAutre: string | null;
  comment: string | null;
  changes: Partial<TConventionValues>;
}

function rootOf(field: string): string {
  return field.split(".")[0] ?? field;
}

/**
 * Checks an avenant request on a convention: the motives and the fields they allow (the
 * signataire, the host and the academic year never), each new value with its section's schema,
 * then the amended convention against the directory and every legal rule. Throws INVALID_INPUT
 * with every error as details; nothing is stored here.
 */
export async function checkAvenantRequest(
  deps: { checks: TAnswerChecks; facts: TRulesFactsSource; clock: TClock },
  convention: TStoredConvention,
  input: TAvenantRequestInput,
): Promise<TCheckedAvenantRequest> {
  const parsedMotifs = parseMotifs(input.motifs);
  const motifAutre = avenantText(input.motifAutre);
  const comment = avenantText(input.comment);
  const parsed = parseAvenantChanges(input.changes);
  const valid = changedFields(convention.values, parsed.values);
  const notFields = parsed.errors.filter((error) => error.code === "unknown_field" || error.field === FORM_FIELD);
  // A malformed value is a change too: whether it may change at all is said before how to write it.
  const malformed = [...new Set(parsed.errors.filter((error) => !notFields.includes(error)).map((error) => rootOf(error.field)))];
  const changed = [...new Set([...valid, ...malformed])];
  const motifs = parsedMotifs.motifs;
  const changes = pickValues(parsed.values, valid);
  const allowed = new Set<string>(motifs.flatMap((motif) => AVENANT_FIELDS[motif]));
  const errors = [
    ...parsedMotifs.errors,
    ...notFields,
    ...avenantErrors({ motifs, motifAutre, comment, current: convention.values, changes, changed }),
    ...parsed.errors.filter((error) => allowed.has(rootOf(error.field))),
  ];
  if (errors.length > 0) throw new AppError("INVALID_INPUT", { reason: "avenant" }, { kind: "avenant_fields", errors });
  const amended = await amendedConventionErrors(deps, convention, changes);
  if (amended.length > 0) throw new AppError("INVALID_INPUT", { reason: "avenant" }, { kind: "avenant_fields", errors: amended });
  return { motifs, motifAutre, comment, changes };
}
