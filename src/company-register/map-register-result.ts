import type { TRegisterEtablissement } from "../app/ports/company-register.ts";
import type { TRegisterResult, TRegisterSite } from "./register-schema.ts";

function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

// `adresse` is "19 RUE DE LA POSTE 31700 CORNEBARRIEU": the street is what precedes the postal code.
function streetOf(adresse: string | null, postalCode: string | null): string | null {
  if (adresse === null) return null;
  if (postalCode === null) return adresse;
  const at = adresse.lastIndexOf(` ${postalCode} `);
  const cut = at >= 0 ? adresse.slice(0, at) : adresse.endsWith(` ${postalCode}`) ? adresse.slice(0, -postalCode.length - 1) : adresse;
  return present(cut);
}

// Register names are upper case ("LA POSTE"); kept as the register writes them.
function raisonSociale(result: TRegisterResult): string {
  return present(result.nom_raison_sociale) ?? present(result.nom_complet) ?? result.siren;
}

function site(result: TRegisterResult, found: TRegisterSite): TRegisterEtablissement {
  const postalCode = present(found.code_postal);
  return {
    siren: result.siren,
    siret: found.siret,
    raisonSociale: raisonSociale(result),
    nafCode: present(found.activite_principale) ?? present(result.activite_principale),
    natureJuridique: present(result.nature_juridique),
    trancheEffectif: present(found.tranche_effectif_salarie) ?? present(result.tranche_effectif_salarie),
    addressLine: streetOf(present(found.adresse), postalCode),
    postalCode,
    city: present(found.libelle_commune),
    siege: found.est_siege === true,
    closed: result.etat_administratif === "C" || found.etat_administratif === "F",
  };
}

/**
 * The sites of one legal unit a search found: those that matched it (a SIRET search returns
 * exactly that one), else its head office.
 */
export function registerSites(result: TRegisterResult): TRegisterEtablissement[] {
  const matching = result.matching_etablissements ?? [];
  if (matching.length > 0) return matching.map((found) => site(result, found));
  return result.siege ? [site(result, result.siege)] : [];
}
