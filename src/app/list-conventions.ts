import { authorize, type TActor } from "../domain/permissions.ts";
import { conventionSubject } from "./convention-subject.ts";
import type { TConventionStore, TStoredConvention } from "./ports/conventions.ts";

/** The conventions a person sees in "mes conventions": a student's own, most recently changed first. */
export async function listConventions(deps: { conventions: TConventionStore }, actor: TActor): Promise<TStoredConvention[]> {
  if (actor.studentId === undefined) return [];
  const own = await deps.conventions.listForStudent(actor.studentId);
  // The core checks every convention it shows, even its owner's.
  return own.filter((convention) => authorize(actor, { kind: "view" }, conventionSubject(convention)).allowed);
}
