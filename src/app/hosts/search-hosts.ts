import type { TChoice } from "../conversation/events.ts";
import type { TCompanyRegister, TRegisterEtablissement } from "../ports/company-register.ts";
import type { THostDeps } from "../ports/hosts.ts";
import { hostRef } from "./find-etablissement-duplicates.ts";
import { searchEtablissements } from "./search-etablissements.ts";

/** The host use-cases that also read the national company register. */
export type TRegisterHostDeps = THostDeps & { register: TCompanyRegister };

/** The value of a register site in a typeahead: "register:<SIRET>". */
export const REGISTER_CHOICE_PREFIX = "register:";

/** The SIRET a typeahead value names when it is a register site, else null. */
export function registerSiretOf(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith(REGISTER_CHOICE_PREFIX)) return null;
  const siret = value.slice(REGISTER_CHOICE_PREFIX.length);
  return /^\d{14}$/u.test(siret) ? siret : null;
}

/** A host search: the local base first, then the register's sites not already in it. */
export interface THostSearch {
  local: TChoice[];
  register: TRegisterEtablissement[];
  /** "unavailable": the register failed, the local base alone answered (say so). */
  registerStatus: "ok" | "off" | "unavailable";
}

/**
 * Typeahead of hosts: the shared base, then the national register (by name, address, SIREN or
 * SIRET). A register site whose SIRET is already in the base appears once, as the local one.
 */
export async function searchHosts(deps: TRegisterHostDeps, text: string): Promise<THostSearch> {
  const [local, answer] = await Promise.all([searchEtablissements(deps, text), text.trim() === "" ? null : deps.register.search(text)]);
  if (answer === null || answer.status !== "ok") return { local, register: [], registerStatus: answer?.status ?? "ok" };
  const shown = new Set(local.map((choice) => choice.value));
  const register: TRegisterEtablissement[] = [];
  for (const site of answer.etablissements) {
    const known = await deps.hosts.findEtablissementBySiret(site.siret);
    if (known === null) register.push(site);
    else if (!shown.has(String(known.id))) {
      const ref = hostRef(known);
      local.push({ title: ref.label, value: String(ref.id) });
      shown.add(String(known.id));
    }
  }
  return { local, register, registerStatus: "ok" };
}
