import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TChoice } from "../conversation/events.ts";
import { contactLabel } from "./host-labels.ts";
import type { TContactRecord, THostDeps } from "../ports/hosts.ts";
import { MATCH_TIERS, matchRank, rankItems, SEARCH_LIMIT } from "./rank-matches.ts";

// Candidates fetched before ranking: enough that the best names are among them.
const CANDIDATES = SEARCH_LIMIT * 4;
// A match on the fonction ("directeur") comes after every match on a name.
const FONCTION_OFFSET = MATCH_TIERS.allWords + 1;

function contactRank(query: string, contact: TContactRecord): number | null {
  const lastName = normalizeSearchText(contact.lastName);
  const firstName = normalizeSearchText(contact.firstName);
  const byName = matchRank(query, [`${lastName} ${firstName}`, `${firstName} ${lastName}`]);
  if (byName !== null || contact.fonction === null) return byName;
  const byFonction = matchRank(query, [normalizeSearchText(contact.fonction)]);
  return byFonction === null ? null : FONCTION_OFFSET + byFonction;
}

/**
 * Typeahead of one établissement's contacts (tuteur, signataire) by name in any order, or by
 * fonction; accents and case ignored. Never a contact of another établissement.
 */
export async function searchContacts(deps: THostDeps, etablissementId: number, text: string): Promise<TChoice[]> {
  const query = normalizeSearchText(text);
  const words = query === "" ? [] : query.split(" ");
  const candidates = await deps.hosts.searchContacts(etablissementId, words, CANDIDATES);
  const ranked = rankItems(
    candidates.filter((contact) => contact.etablissementId === etablissementId),
    (contact) => (query === "" ? 0 : contactRank(query, contact)),
    (contact) => `${contact.lastName} ${contact.firstName}`,
  );
  return ranked.map((contact) => ({ title: contactLabel(contact), value: String(contact.id) }));
}
