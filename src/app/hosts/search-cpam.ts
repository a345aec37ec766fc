import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TChoice } from "../conversation/events.ts";
import { cpamLabel, cpamShortName } from "./host-labels.ts";
import type { TCpamRecord, THostDeps } from "../ports/hosts.ts";
import { MATCH_TIERS, matchRank, rankItems } from "./rank-matches.ts";

function cpamRank(query: string, cpam: TCpamRecord): number | null {
  const departement = cpam.departement.toLowerCase();
  // "63" is the Puy-de-Dôme before it is the start of a postal code.
  if (query === departement) return MATCH_TIERS.exact - 1;
  if (/^\d+$/.test(query) && cpam.postalCode.startsWith(query)) return MATCH_TIERS.prefix;
  const keys = [cpam.departementLabel, cpamShortName(cpam.label), cpam.city, cpam.region].map(normalizeSearchText);
  return matchRank(query, keys);
}

// Within a tier, in the INSEE order: 19, 2A, 2B, 21, ..., 95, then overseas.
function departementOrder(departement: string): string {
  return /^2[AB]$/.test(departement) ? `020.${departement.slice(1)}` : departement.padStart(3, "0");
}

/**
 * Typeahead of the caisses d'assurance maladie by département number ("63", "2A"), département,
 * name, city or région, accents and case ignored; an empty text lists them by département.
 */
export async function searchCpam(deps: THostDeps, text: string): Promise<TChoice[]> {
  const query = normalizeSearchText(text);
  const ranked = rankItems(
    await deps.hosts.listCpam(),
    (cpam) => (query === "" ? 0 : cpamRank(query, cpam)),
    (cpam) => `${departementOrder(cpam.departement)} ${cpam.label}`,
  );
  return ranked.map((cpam) => ({ title: cpamLabel(cpam), value: String(cpam.id) }));
}
