// How hosts, contacts, teachers and caisses are named in choices and in duplicate warnings.
import type { TContactRecord, TCpamRecord, TEtablissementRecord, TServiceRecord, TTeacherRecord } from "../ports/hosts.ts";

const SEPARATOR = " — ";

function joined(parts: readonly (string | null | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === "string" && part.trim() !== "").join(SEPARATOR);
}

/** "26130008100013" → "261 300 081 00013" (SIREN in threes, then the establishment's 5 digits). */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/** "Raison sociale — Ville — SIRET 123 456 789 00012"; a host abroad shows its country. */
export function etablissementLabel(etablissement: TEtablissementRecord): string {
  const abroad = etablissement.countryIso2 !== "FR";
  return joined([
    etablissement.raisonSociale,
    etablissement.city,
    abroad ? (etablissement.countryLabel ?? etablissement.countryIso2) : null,
    etablissement.siret === null ? null : `SIRET ${formatSiret(etablissement.siret)}`,
  ]);
}

/** "Service de psychiatrie — Marseille". */
export function serviceLabel(service: TServiceRecord): string {
  return joined([service.name, service.city]);
}

/** "Vidal Claire — Psychologue clinicienne — Service de psychiatrie". */
export function contactLabel(contact: TContactRecord): string {
  return joined([`${contact.lastName} ${contact.firstName}`, contact.fonction, contact.serviceName]);
}

/** "CHÉRIF Nadia — Informatique — nadia.cherif@univ-demo.fr". */
export function teacherLabel(teacher: TTeacherRecord): string {
  return joined([`${teacher.lastName.toLocaleUpperCase("fr")} ${teacher.firstName}`, teacher.department, teacher.email]);
}

/** "Caisse primaire d'assurance maladie (CPAM) du Puy-de-Dôme" → "CPAM du Puy-de-Dôme". */
export function cpamShortName(label: string): string {
  const match = /^.+? \(([A-Z]{3,5})\) (.+)$/.exec(label);
  return match ? `${match[1]} ${match[2]}` : label;
}

/** "CPAM du Puy-de-Dôme — 63031 Clermont-Ferrand Cedex 9". */
export function cpamLabel(cpam: TCpamRecord): string {
  return joined([cpamShortName(cpam.label), `${cpam.postalCode} ${cpam.city}`]);
}
