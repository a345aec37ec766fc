import { translate, type TLocale } from "../i18n/translate.ts";

// Display texts of directory records in the recap, the history and the PDF labels; the choices
// of the typeaheads and their current value read as the search titles them (src/app/hosts/host-labels.ts).

/** "261 300 081 00013": SIREN then NIC, as printed on French documents. */
export function formatSiret(siret: string): string {
  return `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`;
}

/** "AP-HM — Marseille — SIRET 261 300 081 00013", leaving out what is unknown. */
export function etablissementLabel(locale: TLocale, row: { raisonSociale: string; city: string | null; siret: string | null }): string {
  const params = { name: row.raisonSociale, city: row.city ?? "", siret: row.siret ? formatSiret(row.siret) : "" };
  if (row.city && row.siret) return translate(locale, "forms:etablissementCitySiret", params);
  if (row.city) return translate(locale, "forms:etablissementCity", params);
  return translate(locale, "forms:etablissement", params);
}

/** "LAMBERT Sophie — Psychologie clinique". */
export function teacherLabel(locale: TLocale, row: { lastName: string; firstName: string; department: string | null }): string {
  const params = { lastName: row.lastName.toUpperCase(), firstName: row.firstName, department: row.department ?? "" };
  return translate(locale, row.department ? "forms:teacherDepartment" : "forms:teacher", params);
}

/** "MOREAU Claire — Psychologue clinicienne". */
export function contactLabel(locale: TLocale, row: { lastName: string; firstName: string; fonction: string | null }): string {
  const params = { lastName: row.lastName.toUpperCase(), firstName: row.firstName, fonction: row.fonction ?? "" };
  return translate(locale, row.fonction ? "forms:contactFonction" : "forms:contact", params);
}

/** "CPAM du Puy-de-Dôme — 63031 Clermont-Ferrand Cedex 9". */
export function cpamLabel(locale: TLocale, row: { label: string; postalCode: string; city: string }): string {
  return translate(locale, "forms:cpam", row);
}

/** "3427BS07 - Stage Psychologue : 6 crédits ECTS". */
export function elementLabel(locale: TLocale, row: { code: string; label: string; ects: number | null }): string {
  return translate(locale, row.ects === null ? "forms:element" : "forms:elementEcts", row);
}
