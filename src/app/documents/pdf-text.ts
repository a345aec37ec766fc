import { formatDate, formatNumber } from "../../cards/card-format.ts";
import { translate, type TLocale } from "../../i18n/translate.ts";
import type { TLocalized } from "../../pdf/model.ts";

// The words of the PDFs (locales/<lang>/pdf.json) and the formats of values: dates
// DD/MM/YYYY, numbers and amounts as the reader writes them. A bilingual document carries
// every fixed text in French and English; values it states once, or "French / English".

/** The languages a document speaks: French, or French and English. */
export type TPdfLanguages = { bilingual: boolean };

/** A fixed text of pdf.json in the document's languages. */
export function pdfText(languages: TPdfLanguages, key: string, params: Record<string, unknown> = {}): TLocalized {
  const fr = translate("fr", `pdf:${key}`, params);
  return languages.bilingual ? { fr, en: translate("en", `pdf:${key}`, params) } : { fr };
}

/** A fixed word used as a value ("Oui / Yes" in the bilingual model). */
export function pdfValue(languages: TPdfLanguages, key: string, params: Record<string, unknown> = {}): string {
  return joinLocalized(pdfText(languages, key, params));
}

/** "français / English", or the French alone when both read the same. */
export function joinLocalized(text: TLocalized): string {
  return text.en === undefined || text.en === text.fr ? text.fr : `${text.fr} / ${text.en}`;
}

/** A page footer: "Convention de stage n° 51928 — Léa MARTIN" (the name left out while unknown). */
export function footerOf(label: TLocalized, student: string): string {
  return [joinLocalized(label), student].filter(Boolean).join(" — ");
}

// Intl separates thousands and "€" with a narrow no-break space; the plain no-break space
// keeps the same line-breaking and reads the same in every PDF viewer and text extractor.
function plainSpaces(text: string): string {
  return text.replace(/\u202f/g, "\u00a0");
}

/** A number as the reader writes it ("1\u00a0470", "35,5"). */
export function pdfNumber(locale: TLocale, value: number, minDecimals = 0): string {
  return plainSpaces(formatNumber(locale, value, minDecimals));
}

/** An amount with its currency ("4,50\u00a0€" in French, "€4.50" in English); unknown currencies keep their code. */
export function pdfMoney(locale: TLocale, amount: number, currency: string | null): string {
  const code = currency ?? "EUR";
  try {
    const format = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency: code, minimumFractionDigits: 2 });
    return plainSpaces(format.format(amount));
  } catch {
    return `${pdfNumber(locale, amount, 2)}\u00a0${code}`;
  }
}

/** "2027-01-11" → "11/01/2027". */
export function pdfDate(iso: string): string {
  return formatDate(iso);
}

/** "du 11/01/2027 au 30/04/2027" (both languages in the bilingual model). */
export function pdfPeriod(languages: TPdfLanguages, start: string | null, end: string | null): string {
  return pdfValue(languages, "values.period", { start: start ? pdfDate(start) : "…", end: end ? pdfDate(end) : "…" });
}

/** Replaces {{name}} in an institution's clause. */
export function fillTemplate(text: string, params: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A person's name as printed: "Léa MARTIN". */
export function personName(firstName: string | null, lastName: string | null): string {
  return [firstName, lastName?.toUpperCase()].filter((part): part is string => Boolean(part)).join(" ");
}

/** Lines of an address, leaving out what is unknown: "80 rue Brochier, 13005 Marseille". */
export function addressOf(line: string | null, postalCode: string | null, city: string | null, country?: string | null): string {
  const town = [postalCode, city].filter(Boolean).join(" ");
  return [line, town, country].filter((part): part is string => Boolean(part && part.trim())).join(", ");
}
