import { normalizeName } from "../../domain/normalize-name.ts";
import type { TActor } from "../../domain/permissions.ts";
import type { TFieldError } from "../../domain/sections/field-error.ts";
import { AppError } from "../app-error.ts";
import {
  duplicateNameErrors,
  duplicateSiretError,
  findEtablissementDuplicates,
  hostRef,
  isSiretConflict,
  type THostRef,
} from "./find-etablissement-duplicates.ts";
import { parseEtablissementInput } from "./parse-etablissement-input.ts";
import type { TEtablissementFields, THostDeps } from "../ports/hosts.ts";

/** A created établissement, the ones of the same name it was confirmed against, and warnings. */
export interface TCreateEtablissementResult {
  etablissement: THostRef;
  duplicates: THostRef[];
  /** Not blocking: e.g. a French host without SIRET (code siret_recommended). */
  warnings: TFieldError[];
}

// Every employer in France has a SIRET; without one, duplicates go unnoticed.
function etablissementWarnings(fields: TEtablissementFields): TFieldError[] {
  return fields.countryIso2 === "FR" && fields.siret === null ? [{ field: "siret", code: "siret_recommended" }] : [];
}

/**
 * Adds an établissement to the shared base. Refused (INVALID_INPUT, section "etablissement")
 * when the form is wrong, when its SIRET is already known (duplicate_siret, naming that one),
 * or when one of the same name exists in the same city (duplicate_name) unless `confirmDuplicate`.
 */
export async function createEtablissement(
  deps: THostDeps,
  actor: TActor,
  input: unknown,
  options: { confirmDuplicate?: boolean } = {},
): Promise<TCreateEtablissementResult> {
  const fields = await parseEtablissementInput(deps, input);
  const normalizedName = normalizeName(fields.raisonSociale);
  const { bySiret, byName } = await findEtablissementDuplicates(deps, fields, normalizedName);
  if (bySiret !== null) throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: [duplicateSiretError(bySiret)] });
  if (byName.length > 0 && options.confirmDuplicate !== true) {
    throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: duplicateNameErrors(byName) });
  }
  try {
    const created = await deps.hosts.createEtablissement(fields, normalizedName, actor.personId);
    return { etablissement: hostRef(created), duplicates: byName.map(hostRef), warnings: etablissementWarnings(fields) };
  } catch (error) {
    // Someone registered the same SIRET between the check and the insert.
    const existing = isSiretConflict(error) && fields.siret !== null ? await deps.hosts.findEtablissementBySiret(fields.siret) : null;
    if (existing !== null) throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: [duplicateSiretError(existing)] });
    throw error;
  }
}
