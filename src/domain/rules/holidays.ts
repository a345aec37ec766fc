// French public holidays, as ISO dates, by the place where the intern works: the national
// calendar (Code du travail L3133-1), Alsace-Moselle's two extra days, and the overseas
// commemorations of the abolition of slavery.
import joursFeries from "@socialgouv/jours-feries";
import type { TIsoDate } from "./dates.ts";
import { eachDay, isoDate, yearOf } from "./dates.ts";

/**
 * Where the public holidays are those of: metropolitan France, Alsace-Moselle, or an overseas
 * département or collectivity where the Code du travail (and so its holidays) applies.
 */
export const HOLIDAY_ZONES = [
  "METROPOLE",
  "ALSACE_MOSELLE",
  "GUADELOUPE",
  "MARTINIQUE",
  "GUYANE",
  "LA_REUNION",
  "MAYOTTE",
  "SAINT_BARTHELEMY",
  "SAINT_MARTIN",
  "SAINT_PIERRE_ET_MIQUELON",
] as const;

/** A calendar of public holidays. */
export type THolidayZone = (typeof HOLIDAY_ZONES)[number];

// Loi n° 83-550 du 30 juin 1983 and décret n° 83-1003 du 23 novembre 1983 (as amended; Code du
// travail L3422-2): the day commemorating the abolition of slavery, a public holiday in each
// territory, [month, day]. Saint-Pierre-et-Miquelon has none.
const ABOLITION_DAY: Partial<Record<THolidayZone, readonly [number, number]>> = {
  GUADELOUPE: [5, 27],
  MARTINIQUE: [5, 22],
  GUYANE: [6, 10],
  LA_REUNION: [12, 20],
  MAYOTTE: [4, 27],
  SAINT_BARTHELEMY: [10, 9],
  SAINT_MARTIN: [5, 28],
};

const HALF_DAY_MS = 12 * 3_600_000;

// The package builds its dates at local midnight and moves Easter by multiples of 24 h,
// so around a daylight-saving change a holiday may land at 23:00 the day before or 01:00
// the same day. Reading the local date of the nearest midnight undoes both.
function toLocalIsoDate(date: Date): TIsoDate {
  const noonish = new Date(date.getTime() + HALF_DAY_MS);
  return isoDate(noonish.getFullYear(), noonish.getMonth() + 1, noonish.getDate());
}

const cache = new Map<string, readonly TIsoDate[]>();

/**
 * The public holidays of `zone` in `year`, sorted. Metropolitan France: the 11 days of
 * L3133-1 (1 Jan, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 Jul, 15 Aug,
 * 1 Nov, 11 Nov, 25 Dec). Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and
 * 26 December (L3134-13). Overseas adds the abolition day of the territory.
 */
export function publicHolidays(year: number, zone: THolidayZone = "METROPOLE"): readonly TIsoDate[] {
  const key = `${zone}:${year}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // @socialgouv/jours-feries 2.0.0 knows the national calendar and Alsace-Moselle only.
  const dates = Object.values(joursFeries(year, { alsace: zone === "ALSACE_MOSELLE" })).map(toLocalIsoDate);
  const abolition = ABOLITION_DAY[zone];
  if (abolition) dates.push(isoDate(year, abolition[0], abolition[1]));
  const sorted = dates.sort();
  cache.set(key, sorted);
  return sorted;
}

/** The 11 public holidays of metropolitan France in `year`, sorted (1 Jan, Easter Monday, 1 May, …). */
export function frenchPublicHolidays(year: number): readonly TIsoDate[] {
  return publicHolidays(year, "METROPOLE");
}

/** True when `date` is a public holiday in `zone` (metropolitan France by default). */
export function isPublicHoliday(date: TIsoDate, zone: THolidayZone = "METROPOLE"): boolean {
  return publicHolidays(yearOf(date), zone).includes(date);
}

/** True when `date` is a public holiday in metropolitan France. */
export function isFrenchPublicHoliday(date: TIsoDate): boolean {
  return isPublicHoliday(date, "METROPOLE");
}

/** The public holidays of `zone` from `start` to `end`, both included. */
export function frenchPublicHolidaysBetween(start: TIsoDate, end: TIsoDate, zone: THolidayZone = "METROPOLE"): Set<TIsoDate> {
  return new Set(eachDay(start, end).filter((date) => isPublicHoliday(date, zone)));
}

/** Where an intern works, as the directory gives it. */
export type TWorkplace = { countryIso2: string | null; postalCode: string | null };

// ISO 3166-1 codes of the overseas territories with their own holiday calendar.
const ZONE_BY_COUNTRY: Readonly<Record<string, THolidayZone>> = {
  GP: "GUADELOUPE",
  MQ: "MARTINIQUE",
  GF: "GUYANE",
  RE: "LA_REUNION",
  YT: "MAYOTTE",
  BL: "SAINT_BARTHELEMY",
  MF: "SAINT_MARTIN",
  PM: "SAINT_PIERRE_ET_MIQUELON",
};

// Postcodes: 971 Guadeloupe (97133 Saint-Barthélemy, 97150 Saint-Martin), 972 Martinique,
// 973 Guyane, 974 La Réunion, 975 Saint-Pierre-et-Miquelon, 976 Mayotte; 57 Moselle,
// 67 Bas-Rhin, 68 Haut-Rhin.
function zoneOfPostalCode(postalCode: string): THolidayZone | null {
  const code = postalCode.replace(/\s/g, "");
  if (!/^\d{5}$/.test(code)) return null;
  if (code === "97133") return "SAINT_BARTHELEMY";
  if (code === "97150") return "SAINT_MARTIN";
  const overseas: Readonly<Record<string, THolidayZone>> = {
    "971": "GUADELOUPE",
    "972": "MARTINIQUE",
    "973": "GUYANE",
    "974": "LA_REUNION",
    "975": "SAINT_PIERRE_ET_MIQUELON",
    "976": "MAYOTTE",
  };
  const zone = overseas[code.slice(0, 3)];
  if (zone) return zone;
  return ["57", "67", "68"].includes(code.slice(0, 2)) ? "ALSACE_MOSELLE" : "METROPOLE";
}

/**
 * The holiday calendar of the first workplace that says where it is (the service, then the
 * établissement, then the convention's country): an overseas country code decides alone; in
 * France ("FR" or unknown) the postcode does. Metropolitan France when nothing tells.
 */
export function holidayZoneOf(...places: readonly (TWorkplace | null)[]): THolidayZone {
  for (const place of places) {
    if (place === null) continue;
    const country = (place.countryIso2 ?? "").trim().toUpperCase();
    const byCountry = ZONE_BY_COUNTRY[country];
    if (byCountry) return byCountry;
    if (country !== "" && country !== "FR") continue;
    const byPostcode = place.postalCode ? zoneOfPostalCode(place.postalCode) : null;
    if (byPostcode) return byPostcode;
  }
  return "METROPOLE";
}
