import { normalizeSearchText } from "../../domain/normalize-name.ts";
import type { TFieldError } from "../../domain/sections/field-error.ts";
import { conflictOf, fieldErrorsOf } from "../app-error.ts";
import { etablissementLabel } from "./host-labels.ts";
import type { TEtablissementFields, TEtablissementRecord, THostDeps } from "../ports/hosts.ts";

/** An établissement as a choice: its id and its label ("Raison sociale — Ville — SIRET …"). */
export type THostRef = { id: number; label: string };

/** The id and label of an établissement. */
export function hostRef(etablissement: TEtablissementRecord): THostRef {
  return { id: etablissement.id, label: etablissementLabel(etablissement) };
}

/** The établissements a new one (or a changed one, `exceptId`) would duplicate. */
export interface TEtablissementDuplicates {
  /** The établissement that already has this SIRET: never create a second one. */
  bySiret: TEtablissementRecord | null;
  /** Same normalized name, in the same city when both have one. */
  byName: TEtablissementRecord[];
}

function sameCity(a: string | null, b: string | null): boolean {
  return a === null || b === null || normalizeSearchText(a) === normalizeSearchText(b);
}

/** Looks for établissements with the same SIRET or the same normalized name (and city). */
export async function findEtablissementDuplicates(
  deps: THostDeps,
  fields: Pick<TEtablissementFields, "siret" | "city">,
  normalizedName: string,
  exceptId: number | null = null,
): Promise<TEtablissementDuplicates> {
  const [bySiret, sameName] = await Promise.all([
    fields.siret === null ? null : deps.hosts.findEtablissementBySiret(fields.siret),
    deps.hosts.findEtablissementsByNormalizedName(normalizedName),
  ]);
  return {
    bySiret: bySiret !== null && bySiret.id !== exceptId ? bySiret : null,
    byName: sameName.filter((other) => other.id !== exceptId && sameCity(other.city, fields.city)),
  };
}

/** The field error naming the établissement that already has the SIRET. */
export function duplicateSiretError(existing: TEtablissementRecord): TFieldError {
  return { field: "siret", code: "duplicate_siret", params: { etablissementId: existing.id, label: etablissementLabel(existing) } };
}

/** The field errors naming établissements of the same name, one per établissement. */
export function duplicateNameErrors(others: readonly TEtablissementRecord[]): TFieldError[] {
  return others.map((other) => ({
    field: "raisonSociale",
    code: "duplicate_name",
    params: { etablissementId: other.id, label: etablissementLabel(other) },
  }));
}

/** True for the store's refusal of a SIRET another établissement took meanwhile (unique constraint). */
export function isSiretConflict(error: unknown): boolean {
  return conflictOf(error)?.kind === "siret_taken";
}

/** The établissements a refused creation named as duplicates (by SIRET or by name), for a "use this one" choice. */
export function duplicatesOf(error: unknown): THostRef[] {
  return fieldErrorsOf(error).flatMap(({ code, params }) => {
    if ((code !== "duplicate_siret" && code !== "duplicate_name") || params === undefined) return [];
    const { etablissementId, label } = params;
    return typeof etablissementId === "number" && typeof label === "string" ? [{ id: etablissementId, label }] : [];
  });
}
