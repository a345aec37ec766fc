import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TChoice } from "../conversation/events.ts";
import type { TNafRecord, THostDeps } from "../ports/hosts.ts";
import { MATCH_TIERS, matchRank, rankItems } from "./rank-matches.ts";

/** How a sous-classe reads in a list: "86.90F — Activités de santé humaine non classées ailleurs". */
export function nafLabel(naf: TNafRecord): string {
  return `${naf.code} — ${naf.label}`;
}

// "8690f", "86.90", "86 90 F" are codes: compared without dots and spaces.
function compactCode(text: string): string {
  return text.replace(/[\s.]/g, "").toUpperCase();
}

function nafRank(query: string, code: string, naf: TNafRecord): number | null {
  if (code.length >= 2 && /^\d/.test(code)) {
    const own = compactCode(naf.code);
    if (own === code) return MATCH_TIERS.exact;
    if (own.startsWith(code)) return MATCH_TIERS.prefix;
  }
  return matchRank(query, [normalizeSearchText(naf.label)]);
}

/**
 * Typeahead of the NAF rév. 2 sous-classes by code ("86.90F", "8690f", "86.9") or by the words of
 * their label ("sante humaine", accents and case ignored); an empty text lists them by code.
 */
export async function searchNaf(deps: THostDeps, text: string): Promise<TChoice[]> {
  const query = normalizeSearchText(text);
  const code = compactCode(text);
  const ranked = rankItems(
    await deps.hosts.listNafCodes(),
    (naf) => (query === "" ? 0 : nafRank(query, code, naf)),
    (naf) => naf.code,
  );
  return ranked.map((naf) => ({ title: nafLabel(naf), value: naf.code }));
}
