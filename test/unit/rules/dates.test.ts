import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  ageOn,
  compareIsoDates,
  daysBetween,
  eachDay,
  isIsoDate,
  isoWeekday,
  mondayOf,
  parseIsoDate,
  toDayNumber,
} from "../../../src/domain/rules/index.ts";

describe("parseIsoDate", () => {
  it.each([
    ["2024-02-29", { year: 2024, month: 2, day: 29 }],
    ["2025-12-31", { year: 2025, month: 12, day: 31 }],
    ["2025-02-29", null],
    ["2025-04-31", null],
    ["2025-13-01", null],
    ["2025-00-10", null],
    ["2025-4-1", null],
    ["2025-04-01T00:00:00Z", null],
    ["", null],
  ])("%s → %o", (value, expected) => {
    expect(parseIsoDate(value)).toEqual(expected);
    expect(isIsoDate(value)).toBe(expected !== null);
  });

  it("refuses what is not a string", () => {
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(20250401)).toBe(false);
  });

  it("throws on a malformed date handed to arithmetic", () => {
    expect(() => toDayNumber("2025-02-30")).toThrow(RangeError);
    expect(() => addDays("01/04/2025", 1)).toThrow(RangeError);
  });
});

describe("date arithmetic", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"],
    ["2025-02-28", 1, "2025-03-01"],
    ["2025-12-31", 1, "2026-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    // Daylight saving starts in France on 30 March 2025 and ends on 26 October.
    ["2025-03-30", 1, "2025-03-31"],
    ["2025-10-26", 1, "2025-10-27"],
    ["2025-01-01", 365, "2026-01-01"],
  ])("addDays(%s, %i) = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-11-15", 3, "2026-02-15"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-09-01", 12, "2026-09-01"],
  ])("addMonths(%s, %i) = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ["2025-04-21", 1],
    ["2025-05-01", 4],
    ["2025-04-19", 6],
    ["2025-04-20", 7],
  ])("isoWeekday(%s) = %i", (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it("finds the Monday of a week, Sunday belonging to the week before it", () => {
    expect(mondayOf("2025-04-20")).toBe("2025-04-14");
    expect(mondayOf("2025-04-21")).toBe("2025-04-21");
    expect(mondayOf("2026-01-01")).toBe("2025-12-29");
  });

  it("lists each day of a range, both ends included", () => {
    expect(eachDay("2025-12-30", "2026-01-02")).toEqual(["2025-12-30", "2025-12-31", "2026-01-01", "2026-01-02"]);
    expect(eachDay("2025-05-01", "2025-05-01")).toEqual(["2025-05-01"]);
    expect(eachDay("2025-05-02", "2025-05-01")).toEqual([]);
  });

  it("compares and measures", () => {
    expect(compareIsoDates("2025-01-01", "2025-01-02")).toBeLessThan(0);
    expect(compareIsoDates("2025-01-02", "2025-01-02")).toBe(0);
    expect(daysBetween("2024-03-01", "2025-03-01")).toBe(365);
    expect(daysBetween("2024-02-01", "2024-03-01")).toBe(29);
  });

  it.each([
    ["2007-05-10", "2025-05-09", 17],
    ["2007-05-10", "2025-05-10", 18],
    ["2008-02-29", "2026-02-28", 17],
    ["2008-02-29", "2026-03-01", 18],
    ["2008-02-29", "2028-02-29", 20],
  ])("someone born on %s, on %s, is %i", (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe("timezone independence", () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(["Pacific/Kiritimati", "Pacific/Pago_Pago", "Europe/Paris", "Australia/Sydney"])("gives the same dates with TZ=%s", (tz) => {
    process.env.TZ = tz;
    expect(addDays("2025-03-29", 2)).toBe("2025-03-31");
    expect(eachDay("2025-10-25", "2025-10-27")).toEqual(["2025-10-25", "2025-10-26", "2025-10-27"]);
    expect(isoWeekday("2025-04-21")).toBe(1);
    expect(addMonths("2026-04-05", 1)).toBe("2026-05-05");
  });

  it("really switches the timezone (so that the test above proves something)", () => {
    process.env.TZ = "Pacific/Kiritimati";
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(-14 * 60);
    process.env.TZ = "Pacific/Pago_Pago";
    expect(new Date(2025, 0, 1).getTimezoneOffset()).toBe(11 * 60);
  });
});
