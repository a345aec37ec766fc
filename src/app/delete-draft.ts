import type { TActor } from "../domain/permissions.ts";
import { assertAllowed } from "./convention-subject.ts";
import type { TConventionStore, TStoredConvention } from "./ports/conventions.ts";

/** Checks that the actor may delete this convention now (before asking for confirmation). */
export async function checkDeletable(deps: { conventions: TConventionStore }, actor: TActor, conventionId: number): Promise<TStoredConvention> {
  const stored = await deps.conventions.get(conventionId);
  assertAllowed(actor, { kind: "delete" }, stored);
  return stored;
}

/** Deletes a draft for good, once confirmed on the version the confirmation showed. */
export async function deleteDraft(
  deps: { conventions: TConventionStore },
  actor: TActor,
  command: { conventionId: number; expectedVersion: number },
): Promise<TStoredConvention> {
  const stored = await checkDeletable(deps, actor, command.conventionId);
  await deps.conventions.delete(stored.id, command.expectedVersion, {
    actorId: actor.personId,
    action: "convention.deleted",
    before: { state: stored.state, numero: stored.numero, values: stored.values },
  });
  return stored;
}
