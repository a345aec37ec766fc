import type { TVerb } from "./card-contract.ts";
import { translate, type TLocale } from "../i18n/translate.ts";
import type { TConventionHeader } from "./views.ts";

// Words and formats shared by the card builders. Every word comes from locales/<lang>/cards.json
// (or domain.json for field labels, section titles and states).

/** One line of a FactSet. */
export type TFact = { title: string; value: string };

/** A line of text with its Adaptive Cards colour. */
export type TNotice = { text: string; color: "Default" | "Good" | "Warning" | "Attention" | "Accent" };

/** An Action.Execute as the templates expect it: every property present. */
export type TCardAction = {
  title: string;
  verb: TVerb;
  data: Record<string, unknown>;
  style: "default" | "positive" | "destructive";
  associatedInputs: "auto" | "none";
};

/** Translates a key of locales/<lang>/cards.json. */
export function cardText(locale: TLocale, key: string, params: Record<string, unknown> = {}): string {
  return translate(locale, `cards:${key}`, params);
}

/** Builds an Action.Execute; buttons that are not submissions send no inputs. */
export function cardAction(
  title: string,
  verb: TVerb,
  data: Record<string, unknown>,
  options: { style?: TCardAction["style"]; submitsInputs?: boolean } = {},
): TCardAction {
  return { title, verb, data, style: options.style ?? "default", associatedInputs: options.submitsInputs ? "auto" : "none" };
}

/** "2026-03-02" → "02/03/2026"; anything else is shown as it is. */
export function formatDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

function intlLocale(locale: TLocale): string {
  return locale === "fr" ? "fr-FR" : "en-GB";
}

/** A number as the reader writes it (35,5 in French), with `minDecimals` to 2 decimals (4,50 for money). */
export function formatNumber(locale: TLocale, value: number, minDecimals = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: minDecimals, maximumFractionDigits: 2 }).format(value);
}

/** "du 02/03/2026 au 26/06/2026"; a missing end is shown as "…". */
export function formatPeriod(locale: TLocale, start: string | null, end: string | null): string {
  if (start === null && end === null) return cardText(locale, "common.notSet");
  return cardText(locale, "header.period", { start: start ? formatDate(start) : "…", end: end ? formatDate(end) : "…" });
}

/** Date and time of an instant in Europe/Paris, where the university is. */
export function formatInstant(locale: TLocale, instant: Date): { date: string; time: string } {
  const options = { timeZone: "Europe/Paris" } as const;
  const date = new Intl.DateTimeFormat(intlLocale(locale), { ...options, day: "2-digit", month: "2-digit", year: "numeric" });
  const time = new Intl.DateTimeFormat(intlLocale(locale), { ...options, hour: "2-digit", minute: "2-digit", hour12: false });
  return { date: date.format(instant), time: time.format(instant) };
}

/** "Convention n° 51928", or "Brouillon de convention" until it has a number. */
export function conventionTitle(locale: TLocale, header: TConventionHeader): string {
  return header.numero === null ? cardText(locale, "header.draft") : cardText(locale, "header.numbered", { numero: header.numero });
}

/** "Brouillon de convention — Léa Martin", under a form's title. */
export function conventionSubtitle(locale: TLocale, header: TConventionHeader): string {
  return cardText(locale, "header.subtitle", { title: conventionTitle(locale, header), student: header.studentName });
}

/** Student, host, dates and state of a convention. */
export function headerFacts(locale: TLocale, header: TConventionHeader): TFact[] {
  return [
    { title: translate(locale, "domain:sections.etudiant"), value: header.studentName },
    {
      title: translate(locale, "domain:sections.etablissement"),
      value: header.etablissementName ?? cardText(locale, "common.notChosen"),
    },
    { title: cardText(locale, "header.dates"), value: formatPeriod(locale, header.dateDebut, header.dateFin) },
    { title: cardText(locale, "header.state"), value: translate(locale, `domain:states.${header.state}`) },
  ];
}

/** A list of labels joined the way the reader's language does ("A, B et C"). */
export function joinLabels(locale: TLocale, labels: readonly string[]): string {
  return new Intl.ListFormat(intlLocale(locale), { style: "long", type: "conjunction" }).format(labels);
}
