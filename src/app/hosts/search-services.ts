import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TChoice } from "../conversation/events.ts";
import { serviceLabel } from "./host-labels.ts";
import type { THostDeps } from "../ports/hosts.ts";
import { matchRank, rankItems } from "./rank-matches.ts";

/** Typeahead of one établissement's services by name (accents and case ignored); an empty text lists them all, by name. */
export async function searchServices(deps: THostDeps, etablissementId: number, text: string): Promise<TChoice[]> {
  const query = normalizeSearchText(text);
  const services = await deps.hosts.listServices(etablissementId);
  const ranked = rankItems(
    services,
    (service) => (query === "" ? 0 : matchRank(query, [normalizeSearchText(service.name)])),
    (service) => service.name,
  );
  return ranked.map((service) => ({ title: serviceLabel(service), value: String(service.id) }));
}
