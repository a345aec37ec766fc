import type { TFieldError } from "./field-error.ts";

/**
 * The établissement each chosen host record belongs to (looked up by the caller), next to the
 * convention's etablissementId. Null or absent when that record is not chosen yet.
 */
export type THostOwnership = {
  etablissementId: number | null;
  serviceEtablissementId?: number | null;
  tuteurEtablissementId?: number | null;
  signataireEtablissementId?: number | null;
};

const OWNED = [
  ["serviceId", "serviceEtablissementId"],
  ["tuteurId", "tuteurEtablissementId"],
  ["signataireId", "signataireEtablissementId"],
] as const;

/**
 * Service, tuteur and signataire must belong to the chosen établissement: changing the host
 * after choosing them leaves records of another organisation on the convention.
 */
export function etablissementConsistencyErrors(ownership: THostOwnership): TFieldError[] {
  const host = ownership.etablissementId;
  if (host === null) return [];
  const errors: TFieldError[] = [];
  for (const [field, key] of OWNED) {
    const owner = ownership[key];
    if (owner !== null && owner !== undefined && owner !== host) errors.push({ field, code: "other_etablissement" });
  }
  return errors;
}
