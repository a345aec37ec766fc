import { z } from "zod/v4";
import { addFieldErrors, type TFieldError } from "./field-error.ts";
import {
  draftField,
  INT4_MAX,
  isAnswered,
  TEXT_MAX,
  unanswered,
  zAcademicYear,
  zCountryIso2,
  zEmail,
  zId,
  zPhone,
  zReferenceCode,
  zText,
  type TLooseValues,
} from "./fields.ts";

/** Language models of the convention (Prisma enum ConventionLanguage). */
export const LANGUES = ["FR", "FR_FRANCOPHONE", "EN_FR"] as const;

/** Fields copied from the inscription by the application, never typed by the student. */
export const ETUDIANT_DERIVED_FIELDS = ["academicYear", "typeConvention"] as const;

const shape = {
  // Prefilled from the directory, editable for this convention only.
  etudiantLastName: draftField(zText(TEXT_MAX.name)),
  etudiantFirstName: draftField(zText(TEXT_MAX.name)),
  etudiantNumber: draftField(zText(TEXT_MAX.shortCode)),
  etudiantEmail: draftField(zEmail),
  etudiantPhone: draftField(zPhone),
  etudiantAddressLine: draftField(zText(TEXT_MAX.address)),
  etudiantPostalCode: draftField(zText(TEXT_MAX.postalCode)),
  etudiantCity: draftField(zText(TEXT_MAX.name)),
  etudiantCountryIso2: draftField(zCountryIso2),
  cpamId: draftField(zId),
  cpamAutre: draftField(zText(TEXT_MAX.name)),
  inscriptionId: draftField(zId),
  academicYear: draftField(zAcademicYear),
  elementPedagogiqueId: draftField(zId),
  heuresFormationPlus200: draftField(z.boolean()),
  heuresFormation: draftField(z.number().int().min(0).max(INT4_MAX)),
  typeConvention: draftField(zReferenceCode),
  langue: draftField(z.enum(LANGUES)),
};

/** Cross-field errors of section 1: a CPAM from the list and an "Autre" caisse exclude each other. */
export function etudiantCrossErrors(values: TLooseValues): TFieldError[] {
  if (isAnswered(values["cpamId"]) && isAnswered(values["cpamAutre"])) {
    return [{ field: "cpamAutre", code: "conflicts_with", params: { other: "cpamId" } }];
  }
  return [];
}

/** Draft of section 1 (Étudiant): every field optional, malformed values rejected. */
export const ZEtudiantDraft = z.strictObject(shape).superRefine((value, ctx) => {
  addFieldErrors(ctx, etudiantCrossErrors(value));
});

/** A saved (possibly partial) answer to section 1. */
export type TEtudiantDraft = z.infer<typeof ZEtudiantDraft>;

/** Mandatory fields of section 1 still missing (asterisks of AMUSTAGE, plus the name the PDF prints). */
export function etudiantMissing(values: TLooseValues): string[] {
  const missing = unanswered(values, ["etudiantLastName", "etudiantFirstName"]);
  // Either a CPAM of the list or another caisse (MSA, MGEN...): reported once, on the list.
  if (!isAnswered(values["cpamId"]) && !isAnswered(values["cpamAutre"])) missing.push("cpamId");
  missing.push(...unanswered(values, ["inscriptionId", "elementPedagogiqueId"]));
  const plus200 = values["heuresFormationPlus200"];
  if (plus200 === false) missing.push(...unanswered(values, ["heuresFormation"]));
  else if (plus200 !== true) missing.push("heuresFormationPlus200");
  missing.push(...unanswered(values, ["langue"]));
  return missing;
}
