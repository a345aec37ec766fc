// The national company register (INSEE's SIRENE, through the public "API Recherche
// d'entreprises"): what the host use-cases need from it. src/company-register/ implements it.

/** One site (établissement) of a company as the register describes it, mapped to Stagebot's words. */
export interface TRegisterEtablissement {
  siren: string;
  /** 14 digits: the chosen site's SIRET. */
  siret: string;
  raisonSociale: string;
  /** "62.01Z"; null when the register gives none. */
  nafCode: string | null;
  /** INSEE catégorie juridique, 4 digits ("5710"). */
  natureJuridique: string | null;
  /** INSEE tranche d'effectif salarié ("NN", "00", "12", ...). */
  trancheEffectif: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  /** The site is the company's head office. */
  siege: boolean;
  /** The company has ceased (état administratif C) or the site has closed (F): it cannot be chosen. */
  closed: boolean;
}

/** Why the register did not answer: the search goes on with the local base alone. */
export type TRegisterUnavailable = "timeout" | "rate_limited" | "http_error" | "malformed" | "network";

/** A register search's outcome: its sites, or why there are none from it. */
export type TRegisterAnswer =
  | { status: "ok"; etablissements: TRegisterEtablissement[] }
  /** Turned off by configuration (COMPANY_REGISTER=off): nothing to tell the person. */
  | { status: "off" }
  | { status: "unavailable"; reason: TRegisterUnavailable };

/** The company register, behind its cache, its rate limiter and its timeout. Never throws for the register's own failures. */
export interface TCompanyRegister {
  /** Sites matching a name, an address, a SIREN or a SIRET. */
  search(text: string): Promise<TRegisterAnswer>;
}

/** Where the register's answers are kept (PostgreSQL), by query. */
export interface TRegisterCache {
  /** The answer stored for `key` at or after `notBefore`, else null. */
  get(key: string, notBefore: Date): Promise<TRegisterEtablissement[] | null>;
  put(key: string, etablissements: readonly TRegisterEtablissement[], fetchedAt: Date): Promise<void>;
}
