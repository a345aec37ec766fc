import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TChoice } from "../conversation/events.ts";
import { teacherLabel } from "./host-labels.ts";
import type { THostDeps } from "../ports/hosts.ts";
import { matchRank, rankItems, SEARCH_LIMIT } from "./rank-matches.ts";

// Candidates fetched before ranking: enough that the best names are among them.
const CANDIDATES = SEARCH_LIMIT * 4;

/**
 * Typeahead of the teachers' directory (enseignant référent) by "nom prénom" or "prénom nom",
 * accents and case ignored. An empty text gives no choice: the directory is too large to list.
 */
export async function searchEnseignants(deps: THostDeps, text: string): Promise<TChoice[]> {
  const query = normalizeSearchText(text);
  if (query === "") return [];
  const candidates = await deps.hosts.searchTeachers(query.split(" "), CANDIDATES);
  const ranked = rankItems(
    candidates,
    (teacher) => {
      const lastName = normalizeSearchText(teacher.lastName);
      const firstName = normalizeSearchText(teacher.firstName);
      return matchRank(query, [`${lastName} ${firstName}`, `${firstName} ${lastName}`]);
    },
    (teacher) => `${teacher.lastName} ${teacher.firstName}`,
  );
  return ranked.map((teacher) => ({ title: teacherLabel(teacher), value: String(teacher.personId) }));
}
