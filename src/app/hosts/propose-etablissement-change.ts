import { normalizeName } from "../../domain/normalize-name.ts";
import type { TActor } from "../../domain/permissions.ts";
import { FORM_FIELD } from "../../domain/sections/field-error.ts";
import { AppError } from "../app-error.ts";
import { duplicateSiretError, findEtablissementDuplicates } from "./find-etablissement-duplicates.ts";
import { parseEtablissementInput } from "./parse-etablissement-input.ts";
import { ETABLISSEMENT_FIELDS, type TEtablissementChanges, type TEtablissementFields, type TEtablissementRecord, type THostDeps } from "../ports/hosts.ts";

/** The stored proposal and what it would change. */
export interface TProposeEtablissementChangeResult {
  proposalId: number;
  changes: TEtablissementChanges;
}

/** The établissement's typed fields only (a strict form would refuse any other), as a form prefilled with them. */
export function etablissementForm(e: TEtablissementRecord): TEtablissementFields {
  return {
    raisonSociale: e.raisonSociale,
    siret: e.siret,
    typeStructureCode: e.typeStructureCode,
    statutJuridiqueCode: e.statutJuridiqueCode,
    effectifCode: e.effectifCode,
    nafCode: e.nafCode,
    activite: e.activite,
    addressLine: e.addressLine,
    postalCode: e.postalCode,
    city: e.city,
    countryIso2: e.countryIso2,
    phone: e.phone,
    email: e.email,
    website: e.website,
  };
}

function changedFields(before: TEtablissementFields, after: TEtablissementFields): TEtablissementChanges {
  const changes: TEtablissementChanges = {};
  for (const field of ETABLISSEMENT_FIELDS) {
    if (before[field] !== after[field]) changes[field] = { before: before[field], after: after[field] };
  }
  return changes;
}

/**
 * Records a change of a shared établissement for a gestionnaire to apply: nobody edits it
 * silently (DESIGN "The convention" 2). The input may carry only the fields that change ("" or
 * null clears one); the result is validated like a creation. Nothing to change → INVALID_INPUT no_change.
 */
export async function proposeEtablissementChange(
  deps: THostDeps,
  actor: TActor,
  etablissementId: number,
  input: unknown,
): Promise<TProposeEtablissementChangeResult> {
  const etablissement = await deps.hosts.getEtablissement(etablissementId);
  if (etablissement === null) throw new AppError("NOT_FOUND", { entity: "etablissement", id: etablissementId });
  const current = etablissementForm(etablissement);
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  const proposed = await parseEtablissementInput(deps, isObject ? { ...current, ...input } : input);
  const changes = changedFields(current, proposed);
  if (Object.keys(changes).length === 0) {
    throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: [{ field: FORM_FIELD, code: "no_change" }] });
  }
  if (changes.siret !== undefined) {
    const { bySiret } = await findEtablissementDuplicates(deps, proposed, normalizeName(proposed.raisonSociale), etablissementId);
    if (bySiret !== null) throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: [duplicateSiretError(bySiret)] });
  }
  const { id } = await deps.hosts.createEtablissementProposal(etablissementId, changes, actor.personId);
  return { proposalId: id, changes };
}
