import type { TActor } from "../../domain/permissions.ts";
import { AppError } from "../app-error.ts";
import { assertAllowed } from "../convention-subject.ts";
import type { TClock } from "../ports/clock.ts";
import type { TAnswerChecks, TConventionStore, TRulesFactsSource } from "../ports/conventions.ts";
import type { TWorkflowDirectory } from "../ports/directory.ts";
import { avenantCards, avenantDeciders } from "./avenant-notifications.ts";
import { checkAvenantRequest, type TAvenantRequestInput } from "./check-avenant-request.ts";
import type { TAvenantStore, TStoredAvenant } from "../ports/avenants.ts";

/** An avenant request on a validated convention. */
export interface TRequestAvenantCommand extends TAvenantRequestInput {
  conventionId: number;
  /**
   * The version the form was opened on: a prefilled form sends every current value, so one
   * opened before another change would silently undo it. Refused with STALE_VERSION.
   */
  expectedVersion?: number;
}

type TDeps = {
  conventions: TConventionStore;
  avenants: TAvenantStore;
  checks: TAnswerChecks;
  facts: TRulesFactsSource;
  workflow: TWorkflowDirectory;
  clock: TClock;
};

/**
 * Requests an avenant: who may (the gestionnaire, the student when the centre allows it),
 * then the request checked like a section's answers and against every legal rule on the
 * amended convention. The avenant, its audit record and the approval cards of the centre's
 * gestionnaires commit together; a refused request stores nothing.
 */
export async function requestAvenant(deps: TDeps, actor: TActor, command: TRequestAvenantCommand): Promise<TStoredAvenant> {
  const convention = await deps.conventions.get(command.conventionId);
  assertAllowed(actor, { kind: "request_avenant" }, convention);
  if (command.expectedVersion !== undefined && command.expectedVersion !== convention.version) throw new AppError("STALE_VERSION", { id: convention.id });
  const checked = await checkAvenantRequest(deps, convention, command);
  const deciders = await avenantDeciders(deps.workflow, convention);
  const record = { conventionId: convention.id, ...checked, requestedById: actor.personId, submittedAt: deps.clock() };
  return deps.avenants.request(record, (avenant) => ({
    audit: {
      actorId: actor.personId,
      action: "avenant.requested",
      after: { avenantNumero: avenant.numero, motifs: checked.motifs, motifAutre: checked.motifAutre, comment: checked.comment },
    },
    notifications: avenantCards("request", deciders, convention.id, avenant.id),
  }));
}
