import { normalizeName } from "../../domain/normalize-name.ts";
import { normalizeSiret } from "../../domain/rules/siret.ts";
import type { TChoice } from "../conversation/events.ts";
import { etablissementLabel } from "./host-labels.ts";
import type { TEtablissementRecord, THostDeps } from "../ports/hosts.ts";
import { MATCH_TIERS, matchRank, rankItems, SEARCH_LIMIT } from "./rank-matches.ts";

/** Fewest digits read as the start of a SIRET (fewer match too many hosts to help). */
export const SIRET_PREFIX_MIN = 3;

function toChoice(etablissement: TEtablissementRecord): TChoice {
  return { title: etablissementLabel(etablissement), value: String(etablissement.id) };
}

function siretRank(siretPrefix: string | null, siret: string | null): number | null {
  if (siretPrefix === null || siret === null || !siret.startsWith(siretPrefix)) return null;
  // A whole SIRET is the best match there is; a partial one ranks like the start of a name.
  return siret === siretPrefix ? MATCH_TIERS.exact - 1 : MATCH_TIERS.prefix;
}

/**
 * Typeahead of the shared base of établissements: by name, accents and case ignored, or by SIRET
 * (spaces allowed, its first 3 digits or more). Best matches first, at most 25; an empty text
 * gives the établissements created or changed most recently.
 */
export async function searchEtablissements(deps: THostDeps, text: string): Promise<TChoice[]> {
  const digits = normalizeSiret(text.trim());
  const siretPrefix = /^\d+$/.test(digits) && digits.length >= SIRET_PREFIX_MIN && digits.length <= 14 ? digits : null;
  const name = normalizeName(text);
  if (name === "" && siretPrefix === null) {
    return (await deps.hosts.recentEtablissements(SEARCH_LIMIT)).map(toChoice);
  }
  const words = name === "" ? [] : name.split(" ");
  const candidates = await deps.hosts.searchEtablissements({ name, words, siretPrefix, limit: SEARCH_LIMIT });
  const ranked = rankItems(
    candidates,
    (etablissement) => {
      const bySiret = siretRank(siretPrefix, etablissement.siret);
      const byName = matchRank(name, [etablissement.normalizedName]);
      if (bySiret === null) return byName;
      return byName === null ? bySiret : Math.min(bySiret, byName);
    },
    (etablissement) => etablissement.normalizedName,
  );
  return ranked.map(toChoice);
}
