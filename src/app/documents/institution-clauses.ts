import { translate } from "../../i18n/translate.ts";

// The institution's standard clauses, printed where the convention has no value of its own
// and around the values of D124-4. Defaults are in locales/<lang>/pdf.json (clauses.*); an
// institution may replace any of them (French and English) without touching the layout.

/** Every clause a convention PDF may print. */
export const CLAUSE_KEYS = [
  "intro",
  "institutionSignatory",
  "formation",
  "encadrement",
  "activites",
  "dates",
  "presence",
  "presenceMinor",
  "suiviDefault",
  "suivi",
  "gratificationYes",
  "gratificationNo",
  "gratificationAbroad",
  "protection",
  "accidents",
  "responsabilite",
  "protectionAbroad",
  "congesDefault",
  "conges",
  "suspension",
  "resiliation",
  "interruption",
  "evaluation",
  "avantagesDefault",
  "avantages",
  "reglement",
  "discretion",
  "attestation",
  "abroad",
  "copies",
  "language",
] as const;

/** One clause's name. */
export type TClauseKey = (typeof CLAUSE_KEYS)[number];

/** The clauses in French and English ({{country}} is replaced in "abroad"). */
export type TInstitutionClauses = Readonly<Record<TClauseKey, { fr: string; en: string }>>;

/** The standard clauses of locales/<lang>/pdf.json, with the institution's replacements. */
export function institutionClauses(overrides: Partial<TInstitutionClauses> = {}): TInstitutionClauses {
  const entries = CLAUSE_KEYS.map(
    (key) => [key, overrides[key] ?? { fr: translate("fr", `pdf:clauses.${key}`), en: translate("en", `pdf:clauses.${key}`) }] as const,
  );
  return Object.fromEntries(entries) as Record<TClauseKey, { fr: string; en: string }>;
}
