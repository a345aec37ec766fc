import type { TLocale } from "../../i18n/translate.ts";

/** "28/11/2026 à 14:05" / "28/11/2026 at 14:05", in Europe/Paris: when a decision was taken. */
export function formatDateTime(locale: TLocale, date: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(date);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")} ${locale === "en" ? "at" : "à"} ${part("hour")}:${part("minute")}`;
}
