import type { LANGUES } from "./sections/etudiant.ts";

/** A language model of the convention (section 1, « Langue de la convention »). */
export type TLangue = (typeof LANGUES)[number];

// France for the convention's language: metropolitan France, the overseas départements and the
// overseas collectivities (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, Wallis-et-Futuna,
// Polynésie française, Nouvelle-Calédonie, TAAF). Their legal particularities are the rules' business.
const FRANCE_ISO2: ReadonlySet<string> = new Set(["FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF", "WF", "PF", "NC", "TF"]);

/** True when a stage in this country has the French model, as one in France. */
export function isFranceForConvention(iso2: string): boolean {
  return FRANCE_ISO2.has(iso2.toUpperCase());
}

/** The model the country asks (DESIGN, section 1): France → French; a francophone country → French; elsewhere bilingual. */
export function languageModelOf(country: { iso2: string; francophone: boolean }): TLangue {
  if (isFranceForConvention(country.iso2)) return "FR";
  return country.francophone ? "FR_FRANCOPHONE" : "EN_FR";
}
