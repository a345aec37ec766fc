import { computedDureeEffectiveHours } from "../domain/convention-rules.ts";
import type { TConventionValues } from "../domain/convention.ts";
import { authorize, type TActor } from "../domain/permissions.ts";
import { ETUDIANT_DERIVED_FIELDS } from "../domain/sections/etudiant.ts";
import {
  conventionCompletion,
  parseSectionDraft,
  sectionCompletion,
  type TConventionCompletion,
  type TSectionId,
} from "../domain/sections/index.ts";
import { AppError } from "./app-error.ts";
import { conventionSubject } from "./convention-subject.ts";
import type { TAnswerChecks, TConventionStore, TConventionUpdate, TStoredConvention } from "./ports.ts";

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

function withoutComputed(update: TConventionUpdate): Partial<TConventionValues> {
  const { dureeEffectiveCalculee: _computed, ...values } = update;
  return values;
}

/**
 * Saves one section of a convention at once, even incomplete: the answers are validated
 * (alone, then together with what was saved before) and nothing is written when any is wrong.
 */
export async function saveSection(
  deps: { conventions: TConventionStore; checks: TAnswerChecks },
  actor: TActor,
  command: TSaveSectionCommand,
): Promise<TSaveSectionResult> {
  const stored = await deps.conventions.get(command.conventionId);
  const permission = authorize(actor, { kind: "edit" }, conventionSubject(stored));
  if (!permission.allowed) throw new AppError("FORBIDDEN", { reason: permission.code });

  const parsed = parseSectionDraft(command.sectionId, withoutDerivedFields(command.sectionId, command.answers));
  if (!parsed.ok) throw new AppError("INVALID_INPUT", { section: command.sectionId }, parsed.errors);
  const answers: Partial<TConventionValues> = parsed.value;
  const checked = await deps.checks.check(command.sectionId, answers, stored);
  const merged: TConventionValues = { ...stored.values, ...answers, ...withoutComputed(checked.derived) };
  // Cross-field checks against what was saved before (e.g. a new end date before the saved start).
  const errors = [...checked.errors, ...sectionCompletion(command.sectionId, merged).errors];
  if (errors.length > 0) throw new AppError("INVALID_INPUT", { section: command.sectionId }, errors);

  const update: TConventionUpdate = { ...answers, ...checked.derived };
  if (command.sectionId === "stage") update.dureeEffectiveCalculee = computedDureeEffectiveHours(merged);
  const before = Object.fromEntries(Object.keys(withoutComputed(update)).map((field) => [field, stored.values[field as keyof TConventionValues]]));
  const convention = await deps.conventions.update(command.conventionId, command.expectedVersion, update, {
    actorId: actor.personId,
    action: "section.saved",
    before: { section: command.sectionId, ...before },
    after: { section: command.sectionId, ...withoutComputed(update) },
  });
  return { convention, completion: conventionCompletion(convention.values) };
}
