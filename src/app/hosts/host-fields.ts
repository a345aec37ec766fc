// Building blocks of the host forms (établissement, service, contact). Chat forms send "" for an
// emptied input: a blank string counts as not answered.
import { z } from "zod/v4";
import { normalizeSiret, siretProblem } from "../../domain/rules/siret.ts";
import type { TFieldError, TFieldErrorCode } from "../../domain/sections/field-error.ts";
import { TEXT_MAX, zText } from "../../domain/sections/fields.ts";

function blankToNull(value: unknown): unknown {
  return typeof value === "string" && value.trim() === "" ? null : value;
}

// A custom issue carrying a field error code (read by fieldErrorsFromIssue).
function coded(code: TFieldErrorCode) {
  return { params: { code }, abort: true };
}

/** A mandatory answer: absent, null or blank is reported as "required". */
export function requiredField<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema);
}

/** An optional answer: absent, null or blank becomes null. */
export function optionalField<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToNull, schema.nullable().optional()).transform((value): z.output<T> | null => value ?? null);
}

/** A SIRET typed with or without spaces, kept as its 14 digits when its check digit is right. */
export const zSiret = z
  .string()
  .transform(normalizeSiret)
  .superRefine((siret, ctx) => {
    const problem = siretProblem(siret);
    if (problem === null) return;
    ctx.addIssue({ code: "custom", message: problem, params: { code: problem === "FORMAT" ? "invalid_siret" : "siret_checksum" } });
  });

/** A NAF/APE code, "6201Z" or "62.01z" written "62.01Z". */
export const zNafCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => /^\d{2}\.?\d{2}[A-Z]$/.test(value), coded("invalid_code"))
  .transform((value) => (value.includes(".") ? value : `${value.slice(0, 2)}.${value.slice(2)}`));

/** A web site, with or without its scheme ("www.example.fr"). */
export const zWebsite = zText(TEXT_MAX.address).refine(
  (value) => /^(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]\S*)?$/iu.test(value),
  coded("invalid"),
);

/** A postal code: checked against the country by frenchPostalCodeErrors. */
export const zPostalCode = zText(TEXT_MAX.postalCode);

/** In France a postal code is 5 digits ("13005"); abroad any form is accepted. */
export function frenchPostalCodeErrors(countryIso2: unknown, postalCode: unknown, field = "postalCode"): TFieldError[] {
  if (countryIso2 !== "FR" || typeof postalCode !== "string") return [];
  return /^\d{5}$/.test(postalCode) ? [] : [{ field, code: "invalid_postal_code" }];
}
