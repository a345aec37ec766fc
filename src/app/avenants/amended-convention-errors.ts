import type { TAvenantFieldError } from "../../domain/avenant.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import { FORM_FIELD, sectionCompletion, sectionOfField, type TSectionId } from "../../domain/sections/index.ts";
import { evaluateConvention } from "../evaluate-convention.ts";
import type { TClock } from "../ports/clock.ts";
import type { TAnswerChecks, TRulesFactsSource, TStoredConvention } from "../ports/conventions.ts";

type TDeps = { checks: TAnswerChecks; facts: TRulesFactsSource; clock: TClock };

function sectionsOf(fields: readonly string[]): TSectionId[] {
  return [...new Set(fields.map(sectionOfField).filter((sectionId): sectionId is TSectionId => sectionId !== null))];
}

function sectionAnswers(sectionId: TSectionId, changes: Partial<TConventionValues>): Partial<TConventionValues> {
  const entries = Object.entries(changes).filter(([field]) => sectionOfField(field) === sectionId);
  return Object.fromEntries(entries);
}

// The directory's checks (a service of the host, a known teacher, a code of its list) and the
// sections' cross-field checks on the amended values; a changed field left empty is refused.
async function answerErrors(
  deps: TDeps,
  convention: TStoredConvention,
  changes: Partial<TConventionValues>,
  merged: TConventionValues,
): Promise<TAvenantFieldError[]> {
  const changed = Object.keys(changes);
  const errors: TAvenantFieldError[] = [];
  for (const sectionId of sectionsOf(changed)) {
    const checked = await deps.checks.check(sectionId, sectionAnswers(sectionId, changes), convention);
    const completion = sectionCompletion(sectionId, merged);
    errors.push(...checked.errors, ...completion.errors);
    errors.push(...completion.missing.filter((field) => changed.includes(field)).map((field) => ({ field, code: "required" as const })));
  }
  return errors;
}

/**
 * Why the convention amended by `changes` could not stand: answers the directory refuses, then
 * every blocking legal rule on the amended convention (924 hours with the same host, minimum
 * gratification...), as field errors "legal_rule" naming the rule. Empty when it can.
 */
export async function amendedConventionErrors(deps: TDeps, convention: TStoredConvention, changes: Partial<TConventionValues>): Promise<TAvenantFieldError[]> {
  const merged: TConventionValues = { ...convention.values, ...changes };
  const errors = await answerErrors(deps, convention, changes, merged);
  if (errors.length > 0) return errors;
  const results = await evaluateConvention(deps, { ...convention, values: merged });
  return results
    .filter((result) => result.severity === "error")
    .map((result) => ({ field: result.field ?? FORM_FIELD, code: "legal_rule" as const, params: { ...result.params, rule: result.code } }));
}
