// Public holidays by the place of work: Alsace-Moselle adds Good Friday and 26 December
// (Code du travail L3134-13); each overseas territory its abolition-of-slavery day (loi
// n° 83-550, décret n° 83-1003 as amended).
import { describe, expect, it } from "vitest";
import type { THolidayZone, TSchedule } from "../../../src/domain/rules/index.ts";
import { computeDureeEffective, evaluateRules, holidayZoneOf, isPublicHoliday, publicHolidays } from "../../../src/domain/rules/index.ts";
import { only, rulesInput } from "./rules-input.ts";

const place = (postalCode: string | null, countryIso2: string | null = "FR") => ({ postalCode, countryIso2 });

describe("the holiday calendar of a place", () => {
  it.each([
    [place("67000"), "ALSACE_MOSELLE"], // Strasbourg, Bas-Rhin
    [place("68100"), "ALSACE_MOSELLE"], // Mulhouse, Haut-Rhin
    [place("57000"), "ALSACE_MOSELLE"], // Metz, Moselle
    [place("75005"), "METROPOLE"],
    [place("58000"), "METROPOLE"], // Nièvre: 58 is not 57
    [place("97110"), "GUADELOUPE"],
    [place("97133"), "SAINT_BARTHELEMY"],
    [place("97150"), "SAINT_MARTIN"],
    [place("97200"), "MARTINIQUE"],
    [place("97300"), "GUYANE"],
    [place("97400"), "LA_REUNION"],
    [place("97500"), "SAINT_PIERRE_ET_MIQUELON"],
    [place("97600"), "MAYOTTE"],
    [place(null, "GP"), "GUADELOUPE"], // the country code of an overseas département decides alone
    [place("75005", "MQ"), "MARTINIQUE"],
    [place(" 67 000 "), "ALSACE_MOSELLE"], // spaces typed in the postcode
    [place("6700"), "METROPOLE"], // not a French postcode: nothing tells
    [place("67000", "DE"), "METROPOLE"], // Kehl's neighbour across the Rhine is not Alsace
  ] as const)("%o → %s", (workplace, zone) => {
    expect(holidayZoneOf(workplace)).toBe(zone);
  });

  it("takes the service's place first, then the établissement's", () => {
    expect(holidayZoneOf(place("67000"), place("75008"))).toBe("ALSACE_MOSELLE");
    expect(holidayZoneOf(place(null), place("57000"))).toBe("ALSACE_MOSELLE");
    expect(holidayZoneOf(null, place("97400"))).toBe("LA_REUNION");
    expect(holidayZoneOf(null, null)).toBe("METROPOLE");
  });
});

describe("the holidays of each calendar", () => {
  it.each([
    // [zone, year, the extra days beyond the 11 national ones]
    ["METROPOLE", 2025, []],
    ["ALSACE_MOSELLE", 2025, ["2025-04-18", "2025-12-26"]], // Easter 20 April 2025 − 2 days = Good Friday 18 April
    ["ALSACE_MOSELLE", 2027, ["2027-03-26", "2027-12-26"]], // Easter 28 March 2027 → Good Friday 26 March
    ["GUADELOUPE", 2025, ["2025-05-27"]],
    ["MARTINIQUE", 2025, ["2025-05-22"]],
    ["GUYANE", 2025, ["2025-06-10"]],
    ["LA_REUNION", 2025, ["2025-12-20"]],
    ["MAYOTTE", 2025, ["2025-04-27"]],
    ["SAINT_BARTHELEMY", 2025, ["2025-10-09"]],
    ["SAINT_MARTIN", 2025, ["2025-05-28"]],
    ["SAINT_PIERRE_ET_MIQUELON", 2025, []],
  ] as const)("%s %i: the national 11 and %o", (zone, year, extra) => {
    const national = publicHolidays(year, "METROPOLE");
    expect(national).toHaveLength(11);
    const days = publicHolidays(year, zone);
    expect(days.filter((day) => !national.includes(day))).toEqual(extra);
    expect(days).toHaveLength(11 + extra.length);
  });

  it("Good Friday is a holiday in Strasbourg, not in Paris", () => {
    expect(isPublicHoliday("2025-04-18", "ALSACE_MOSELLE")).toBe(true);
    expect(isPublicHoliday("2025-04-18", "METROPOLE")).toBe(false);
  });
});

describe("durée effective by place", () => {
  const regular = (zone: THolidayZone, saturdays = false): TSchedule => ({
    kind: "REGULAR",
    weeklyHours: 35,
    holidayZone: zone,
    ...(saturdays ? { includesSaturdays: true } : {}),
  });
  it.each([
    // 14–18 Apr 2025, 35 h: Paris 5 days × 7 = 35 h; Strasbourg loses Good Friday 18 April: 4 × 7 = 28 h
    ["Paris, the week of Good Friday 2025", "2025-04-14", "2025-04-18", regular("METROPOLE"), 35],
    ["Strasbourg, the week of Good Friday 2025", "2025-04-14", "2025-04-18", regular("ALSACE_MOSELLE"), 28],
    // 22–26 Dec 2025 ends on 26 December: Paris loses Christmas (Thu 25): 4 × 7 = 28 h;
    // Metz loses it and Saint-Étienne (Fri 26, the last day): 3 × 7 = 21 h
    ["Paris, ending on 26 December", "2025-12-22", "2025-12-26", regular("METROPOLE"), 28],
    ["Metz, ending on 26 December (a holiday there)", "2025-12-22", "2025-12-26", regular("ALSACE_MOSELLE"), 21],
    // 26–30 May 2025: Ascension (Thu 29) everywhere: 4 × 7 = 28 h; Guadeloupe also 27 May: 3 × 7 = 21 h
    ["Pointe-à-Pitre, 26–30 May 2025", "2025-05-26", "2025-05-30", regular("GUADELOUPE"), 21],
    // Martinique's 22 May (Thu) 2025, the week of 19 May: 4 × 7 = 28 h
    ["Fort-de-France, 19–23 May 2025", "2025-05-19", "2025-05-23", regular("MARTINIQUE"), 28],
    // Saint-Martin's 28 May (Wed) and Ascension 29 May: 3 × 7 = 21 h
    ["Marigot, 26–30 May 2025", "2025-05-26", "2025-05-30", regular("SAINT_MARTIN"), 21],
    // La Réunion's 20 December 2025 is a Saturday: nothing lost Monday–Friday (15–19 Dec + Mon 22: 6 × 7 = 42 h)…
    ["Saint-Denis, 15–22 Dec 2025, Monday–Friday", "2025-12-15", "2025-12-22", regular("LA_REUNION"), 42],
    // …but with the Saturdays worked: 15–20 Dec = 6 days minus Sat 20 = 5, plus Mon 22 = 6 days × 35/6 = 35 h
    ["Saint-Denis, 15–22 Dec 2025, with Saturdays", "2025-12-15", "2025-12-22", regular("LA_REUNION", true), 35],
  ])("%s → %s h", (_label, start, end, schedule, hours) => {
    expect(computeDureeEffective({ start, end }, schedule, []).hours).toBe(hours);
  });

  it("the working-time rules see the place's holidays: a minor working Good Friday in Strasbourg", () => {
    // An irregular period that includes holidays, 14–18 Apr 2025: Good Friday is a holiday only in Alsace-Moselle.
    const input = {
      horairesReguliers: false,
      irregularPeriods: [{ start: "2025-04-14", end: "2025-04-18", hoursPerDay: 6, includesHolidays: true }],
      startDate: "2025-04-14",
      endDate: "2025-04-18",
      birthDate: "2008-06-01",
    };
    expect(evaluateRules(rulesInput(input)).map((r) => r.code)).not.toContain("MINOR_PUBLIC_HOLIDAY_WORK");
    const strasbourg = evaluateRules(rulesInput({ ...input, holidayZone: "ALSACE_MOSELLE" }));
    expect(only(strasbourg, "MINOR_PUBLIC_HOLIDAY_WORK").severity).toBe("error");
  });
});
