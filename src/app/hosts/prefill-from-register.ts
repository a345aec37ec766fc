import { AppError } from "../app-error.ts";
import type { TRegisterEtablissement } from "../ports/company-register.ts";
import type { TEtablissementFields } from "../ports/hosts.ts";
import { hostRef, type THostRef } from "./find-etablissement-duplicates.ts";
import { effectifOf, statutJuridiqueOf, typeStructureOf } from "./register-codes.ts";
import type { TRegisterHostDeps } from "./search-hosts.ts";

/** The établissement form's fields the register knows for a site; the student completes the rest. */
export function registerFields(site: TRegisterEtablissement): Partial<TEtablissementFields> {
  return {
    raisonSociale: site.raisonSociale,
    siret: site.siret,
    nafCode: site.nafCode,
    statutJuridiqueCode: statutJuridiqueOf(site.natureJuridique),
    typeStructureCode: typeStructureOf(site.natureJuridique),
    effectifCode: effectifOf(site.trancheEffectif),
    addressLine: site.addressLine,
    postalCode: site.postalCode,
    city: site.city,
    countryIso2: "FR",
  };
}

/** The register's site of a SIRET, read again (from the cache, usually) rather than trusted from a card; null when the register cannot say. */
export async function registerSite(deps: TRegisterHostDeps, siret: string): Promise<TRegisterEtablissement | null> {
  const answer = await deps.register.search(siret);
  if (answer.status !== "ok") return null;
  return answer.etablissements.find((candidate) => candidate.siret === siret) ?? null;
}

/** What choosing a register site leads to: the établissement already in the base, or a creation form prefilled. */
export type TRegisterChoice = { kind: "existing"; etablissement: THostRef } | { kind: "prefill"; fields: Partial<TEtablissementFields> };

/**
 * A student chose a site of the national register in the typeahead. A closed company or site
 * cannot be chosen (INVALID_INPUT register_closed); a SIRET already in the base is that
 * établissement (never a duplicate); otherwise the creation form is prefilled from the register.
 */
export async function chooseRegisterEtablissement(deps: TRegisterHostDeps, siret: string): Promise<TRegisterChoice> {
  const existing = await deps.hosts.findEtablissementBySiret(siret);
  if (existing !== null) return { kind: "existing", etablissement: hostRef(existing) };
  const site = await registerSite(deps, siret);
  // The register failed since the typeahead: the form starts from the SIRET alone.
  if (site === null) return { kind: "prefill", fields: { siret, countryIso2: "FR" } };
  if (site.closed) {
    throw new AppError("INVALID_INPUT", { section: "etablissement" }, { kind: "fields", errors: [{ field: "etablissementId", code: "register_closed" }] });
  }
  return { kind: "prefill", fields: registerFields(site) };
}
