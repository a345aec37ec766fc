// SIREN (company, 9 digits) and SIRET (establishment, 14 digits) numbers and their check digits.
import type { TRuleResult } from "./codes.ts";
import { RULE_FIELDS, ruleResult } from "./codes.ts";

/** La Poste's SIREN: its establishments' SIRETs do not follow the Luhn key. */
export const LA_POSTE_SIREN = "356000000";
/** La Poste's head office, the one SIRET of La Poste that keeps a Luhn key. */
export const LA_POSTE_SIEGE_SIRET = "35600000000048";

/** Removes the spaces, dots and dashes people type inside a SIREN or SIRET ("732 829 320 00074"). */
export function normalizeSiret(value: string): string {
  return value.replace(/[\s.\-\u00a0\u202f]/g, "");
}

/** True when the digits pass the Luhn check (every second digit from the right doubled). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    const doubled = i % 2 === 1 ? digit * 2 : digit;
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

function digitSum(digits: string): number {
  return [...digits].reduce((sum, d) => sum + Number(d), 0);
}

/** Why a SIRET is refused: not 14 digits (FORMAT) or a wrong check digit (CHECKSUM). */
export type TSiretProblem = "FORMAT" | "CHECKSUM";

/**
 * The problem with a SIRET, or null when it is valid. INSEE's rule: a Luhn key on the 14
 * digits, except La Poste's establishments (SIREN 356000000), numbered in sequence, whose
 * digits must add up to a multiple of 5; its head office 356 000 000 00048 keeps the Luhn key.
 */
export function siretProblem(value: string): TSiretProblem | null {
  const siret = normalizeSiret(value);
  if (!/^\d{14}$/.test(siret)) return "FORMAT";
  if (siret.startsWith(LA_POSTE_SIREN) && siret !== LA_POSTE_SIEGE_SIRET) {
    return digitSum(siret) % 5 === 0 ? null : "CHECKSUM";
  }
  return passesLuhn(siret) ? null : "CHECKSUM";
}

/** True when `value` (spaces allowed) is a valid SIRET. */
export function isValidSiret(value: string): boolean {
  return siretProblem(value) === null;
}

/** True when `value` (spaces allowed) is a valid SIREN: 9 digits with a Luhn key. */
export function isValidSiren(value: string): boolean {
  const siren = normalizeSiret(value);
  return /^\d{9}$/.test(siren) && passesLuhn(siren);
}

/** Checks the host's SIRET, when it has one (a host abroad has none). */
export function checkSiret(value: string | null): TRuleResult[] {
  if (value === null || normalizeSiret(value) === "") return [];
  const problem = siretProblem(value);
  if (problem === null) return [];
  const code = problem === "FORMAT" ? "SIRET_FORMAT_INVALID" : "SIRET_CHECKSUM_INVALID";
  return [ruleResult(code, "error", { siret: value.trim() }, RULE_FIELDS.siret)];
}
