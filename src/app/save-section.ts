import { computedDureeEffectiveHours } from "../domain/convention-rules.ts";
import type { TConventionValues } from "../domain/convention.ts";
import type { TActor } from "../domain/permissions.ts";
import { ETUDIANT_DERIVED_FIELDS } from "../domain/sections/etudiant.ts";
import {
  conventionCompletion,
  parseSectionDraft,
  sectionCompletion,
  sectionOfField,
  type TConventionCompletion,
  type TFieldError,
  type TSectionId,
} from "../domain/sections/index.ts";
import { AppError } from "./app-error.ts";
import { assertAllowed } from "./convention-subject.ts";
import { evaluateConvention } from "./evaluate-convention.ts";
import type { TClock } from "./ports/clock.ts";
import type { TAnswerChecks, TConventionStore, TConventionUpdate, TRulesFactsSource, TStoredConvention } from "./ports/conventions.ts";

export interface TSaveSectionCommand {
  conventionId: number;
  /** The version the form was opened on: a save over a newer version is refused. */
  expectedVersion: number;
  sectionId: TSectionId;
  /** The form's answers, not trusted: validated here. */
  answers: unknown;
}

export interface TSaveSectionResult {
  convention: TStoredConvention;
  completion: TConventionCompletion;
}

// Students never type what the inscription gives (année universitaire, type de convention).
function withoutDerivedFields(sectionId: TSectionId, answers: unknown): unknown {
  if (sectionId !== "etudiant" || typeof answers !== "object" || answers === null || Array.isArray(answers)) return answers;
  const copy: Record<string, unknown> = { ...answers };
  for (const field of ETUDIANT_DERIVED_FIELDS) delete copy[field];
  return copy;
}

// "Not answered yet" is completion's business: a partial save stays possible.
const UNANSWERED_RULES: ReadonlySet<string> = new Set(["START_DATE_MISSING", "END_DATE_MISSING"]);

/**
 * The blocking legal rules that point at a field of the section being saved (a gratification
 * below the minimum, 40 h a week for a minor, 924 hours exceeded...), as field errors: the
 * answers are refused with the law's message next to the field. Rules on other sections'
 * fields (the SIRET of the host, ...) are shown in the récapitulatif and block submission.
 */
async function legalErrorsOn(deps: { facts: TRulesFactsSource; clock: TClock }, convention: TStoredConvention, sectionId: TSectionId): Promise<TFieldError[]> {
  const results = await evaluateConvention(deps, convention);
  return results
    .filter((result) => !UNANSWERED_RULES.has(result.code))
    .filter((result) => result.severity === "error" && result.field !== undefined && sectionOfField(result.field.split(".")[0] ?? "") === sectionId)
    .map((result) => ({ field: result.field ?? "", code: "legal_rule" as const, params: { ...result.params, rule: result.code } }));
}

function withoutComputed(update: TConventionUpdate): Partial<TConventionValues> {
  const { dureeEffectiveCalculee: _computed, ...values } = update;
  return values;
}

/**
 * Saves one section of a convention at once, even incomplete: the answers are validated
 * (alone, then together with what was saved before) and nothing is written when any is wrong.
 */
export async function saveSection(
  deps: { conventions: TConventionStore; checks: TAnswerChecks; facts: TRulesFactsSource; clock: TClock },
  actor: TActor,
  command: TSaveSectionCommand,
): Promise<TSaveSectionResult> {
  const stored = await deps.conventions.get(command.conventionId);
  assertAllowed(actor, { kind: "edit" }, stored);
  // Checked again atomically by the update; failing early spares a form built on old values.
  if (stored.version !== command.expectedVersion) throw new AppError("STALE_VERSION", { id: stored.id });

  const parsed = parseSectionDraft(command.sectionId, withoutDerivedFields(command.sectionId, command.answers));
  if (!parsed.ok) throw new AppError("INVALID_INPUT", { section: command.sectionId }, { kind: "fields", errors: parsed.errors });
  const answers: Partial<TConventionValues> = parsed.value;
  const checked = await deps.checks.check(command.sectionId, answers, stored);
  const merged: TConventionValues = { ...stored.values, ...answers, ...withoutComputed(checked.derived) };
  // Cross-field checks against what was saved before (e.g. a new end date before the saved start).
  const errors = [...checked.errors, ...sectionCompletion(command.sectionId, merged).errors];
  if (errors.length > 0) throw new AppError("INVALID_INPUT", { section: command.sectionId }, { kind: "fields", errors });
  const legalErrors = await legalErrorsOn(deps, { ...stored, values: merged }, command.sectionId);
  if (legalErrors.length > 0) throw new AppError("INVALID_INPUT", { section: command.sectionId }, { kind: "fields", errors: legalErrors });

  const update: TConventionUpdate = { ...answers, ...checked.derived };
  // The place of work decides the holidays: saving the service or the établissement changes it too.
  if (["stage", "etablissement", "service"].includes(command.sectionId)) {
    update.dureeEffectiveCalculee = computedDureeEffectiveHours(merged, await deps.facts.holidayZone(merged));
  }
  const before = Object.fromEntries(Object.keys(withoutComputed(update)).map((field) => [field, stored.values[field as keyof TConventionValues]]));
  const convention = await deps.conventions.update(command.conventionId, command.expectedVersion, update, {
    actorId: actor.personId,
    action: "section.saved",
    before: { section: command.sectionId, ...before },
    after: { section: command.sectionId, ...withoutComputed(update) },
  });
  return { convention, completion: conventionCompletion(convention.values) };
}
