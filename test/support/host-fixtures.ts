// Fixtures of the host directory tests: valid SIRETs, a complete établissement form, and the
// field errors of a refused operation.
import { expect } from "vitest";
import { fieldErrorsOf as fieldErrorsIn } from "../../src/app/app-error.ts";
import { passesLuhn } from "../../src/domain/rules/siret.ts";

/** A valid SIRET made of `base` (13 digits) and its Luhn key. */
export function siretFrom(base: string): string {
  for (let key = 0; key <= 9; key++) if (passesLuhn(`${base}${key}`)) return `${base}${key}`;
  throw new Error(`no key for ${base}`);
}

/** A complete, valid établissement form; `overrides` replace or add fields. */
export function etablissementForm(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    raisonSociale: "Laboratoire Test",
    typeStructureCode: "ENTREPRISE_PRIVEE",
    statutJuridiqueCode: "SAS",
    effectifCode: "EFF_1_9",
    nafCode: "72.19Z",
    addressLine: "1 rue de la République",
    postalCode: "13001",
    city: "Marseille",
    ...overrides,
  };
}

/** The field errors an INVALID_INPUT carries, as "field:code". */
export async function fieldErrorsOf(promise: Promise<unknown>): Promise<string[]> {
  const error: unknown = await promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  expect(error).toMatchObject({ code: "INVALID_INPUT", details: { kind: "fields" } });
  return fieldErrorsIn(error).map(({ field, code }) => `${field}:${code}`);
}
