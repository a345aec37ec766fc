import { toRulesInput } from "../domain/convention-rules.ts";
import { evaluateRules, type TRuleResult } from "../domain/rules/index.ts";
import type { TClock } from "./ports/clock.ts";
import type { TRulesFactsSource, TStoredConvention } from "./ports/conventions.ts";

/** Today's date in Europe/Paris ("YYYY-MM-DD"), the legal calendar of the rules. */
export function parisDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Runs every legal rule on a convention with the facts of the directory and of the student's other conventions. */
export async function evaluateConvention(deps: { facts: TRulesFactsSource; clock: TClock }, convention: TStoredConvention): Promise<TRuleResult[]> {
  const today = parisDate(deps.clock());
  const [facts, gratificationRates] = await Promise.all([deps.facts.factsFor(convention, today), deps.facts.gratificationRates()]);
  return evaluateRules(toRulesInput(convention.values, facts), { gratificationRates });
}
