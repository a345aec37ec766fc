import { z } from "zod/v4";
import type { TFieldError } from "../../domain/sections/field-error.ts";
import { TEXT_MAX, zCountryIso2, zEmail, zPhone, zReferenceCode, zText } from "../../domain/sections/fields.ts";
import { frenchPostalCodeErrors, optionalField, requiredField, zNafCode, zPostalCode, zSiret, zWebsite } from "./host-fields.ts";
import { parseHostInput, type TReferenceCheck } from "./parse-host-input.ts";
import type { TEtablissementFields, THostDeps } from "../ports/hosts.ts";

/** Longest raison sociale accepted. */
export const RAISON_SOCIALE_MAX = 200;

/**
 * The établissement form (DESIGN "The convention" 2, AMUSTAGE's mandatory fields): raison
 * sociale, type de structure, statut juridique, effectif, address; a NAF code or an activité;
 * SIRET optional (hosts abroad have none). Country defaults to France.
 */
export const ZEtablissementInput = z.strictObject({
  raisonSociale: requiredField(zText(RAISON_SOCIALE_MAX)),
  siret: optionalField(zSiret),
  typeStructureCode: requiredField(zReferenceCode),
  statutJuridiqueCode: requiredField(zReferenceCode),
  effectifCode: requiredField(zReferenceCode),
  nafCode: optionalField(zNafCode),
  activite: optionalField(zText(TEXT_MAX.address)),
  addressLine: requiredField(zText(TEXT_MAX.address)),
  postalCode: requiredField(zPostalCode),
  city: requiredField(zText(TEXT_MAX.name)),
  countryIso2: optionalField(zCountryIso2).transform((country) => country ?? "FR"),
  phone: optionalField(zPhone),
  email: optionalField(zEmail),
  website: optionalField(zWebsite),
});

const REFERENCES: readonly TReferenceCheck[] = [
  { field: "typeStructureCode", list: "TYPE_STRUCTURE", code: "invalid_code" },
  { field: "statutJuridiqueCode", list: "STATUT_JURIDIQUE", code: "invalid_code" },
  { field: "effectifCode", list: "EFFECTIF", code: "invalid_code" },
  { field: "nafCode", list: "NAF", code: "invalid_code" },
  { field: "countryIso2", list: "PAYS", code: "invalid_country" },
];

/** Checks across the établissement's fields: a French postal code, a NAF code or else an activité. */
export function etablissementCrossErrors(values: Readonly<Record<string, unknown>>): TFieldError[] {
  const errors = frenchPostalCodeErrors(values["countryIso2"], values["postalCode"]);
  // Either may fail alone; "required" only when both are really unanswered.
  if (values["nafCode"] === null && values["activite"] === null) errors.push({ field: "activite", code: "required" });
  return errors;
}

/** Validates an établissement form; throws AppError INVALID_INPUT { section: "etablissement" } with every field error. */
export async function parseEtablissementInput(deps: THostDeps, input: unknown): Promise<TEtablissementFields> {
  const form = { section: "etablissement", schema: ZEtablissementInput, references: REFERENCES, crossErrors: etablissementCrossErrors };
  return parseHostInput(deps, form, input);
}
