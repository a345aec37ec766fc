import joursFeries from "@socialgouv/jours-feries";
import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays, frenchPublicHolidays, frenchPublicHolidaysBetween, isFrenchPublicHoliday, isoDate } from "../../../src/domain/rules/index.ts";

// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), written
// independently of the package to cross-check it.
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function expectedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = ["01-01", "05-01", "05-08", "07-14", "08-15", "11-01", "11-11", "12-25"].map((md) => `${year}-${md}`);
  return [...fixed, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50)].sort();
}

describe("frenchPublicHolidays", () => {
  it("lists the 11 holidays of 2025", () => {
    expect(frenchPublicHolidays(2025)).toEqual([
      "2025-01-01",
      "2025-04-21",
      "2025-05-01",
      "2025-05-08",
      "2025-05-29",
      "2025-06-09",
      "2025-07-14",
      "2025-08-15",
      "2025-11-01",
      "2025-11-11",
      "2025-12-25",
    ]);
  });

  it.each([
    [2024, "2024-04-01", "2024-05-09", "2024-05-20"],
    [2026, "2026-04-06", "2026-05-14", "2026-05-25"],
    [2038, "2038-04-26", "2038-06-03", "2038-06-14"],
  ])("places Easter Monday, Ascension and Whit Monday of %i", (year, easterMonday, ascension, whitMonday) => {
    const holidays = frenchPublicHolidays(year);
    expect(holidays).toHaveLength(11);
    expect(holidays).toEqual(expect.arrayContaining([easterMonday, ascension, whitMonday]));
  });

  it("agrees with an independent computation from 1990 to 2100", () => {
    for (let year = 1990; year <= 2100; year++) expect(frenchPublicHolidays(year)).toEqual(expectedHolidays(year));
  });

  it.each([
    ["2025-04-21", true],
    ["2025-04-20", false], // Easter Sunday is a Sunday, not a public holiday of its own
    ["2025-04-18", false], // Good Friday: Alsace-Moselle only
    ["2025-12-26", false], // Saint Stephen: Alsace-Moselle only
    ["2025-07-14", true],
    ["2026-01-01", true],
  ])("isFrenchPublicHoliday(%s) = %s", (date, expected) => {
    expect(isFrenchPublicHoliday(date)).toBe(expected);
  });

  it("lists the holidays of a range, ends included", () => {
    expect([...frenchPublicHolidaysBetween("2025-04-21", "2025-05-08")]).toEqual(["2025-04-21", "2025-05-01", "2025-05-08"]);
    expect(frenchPublicHolidaysBetween("2025-04-22", "2025-04-30").size).toBe(0);
  });
});

describe("holidays in any server timezone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it("the package alone shifts Easter Monday 2026 to Sunday in Sydney (the case handled)", () => {
    process.env.TZ = "Australia/Sydney";
    const easterMonday = joursFeries(2026)["Lundi de Pâques"];
    expect(easterMonday?.getDate()).toBe(5);
  });

  it.each(["Australia/Sydney", "Pacific/Auckland", "America/Santiago", "Pacific/Kiritimati", "America/Los_Angeles", "UTC"])(
    "gives the same dates with TZ=%s",
    async (tz) => {
      process.env.TZ = tz;
      vi.resetModules(); // a fresh module, so that no date computed in another timezone is cached
      const holidays = await import("../../../src/domain/rules/holidays.ts");
      for (const year of [2024, 2025, 2026, 2027, 2030]) {
        expect(holidays.frenchPublicHolidays(year)).toEqual(expectedHolidays(year));
      }
    },
  );
});
