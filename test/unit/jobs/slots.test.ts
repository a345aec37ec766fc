import { describe, expect, it } from "vitest";
import { instantOfWallTime, localIsoDateTime } from "../../../src/jobs/local-time.ts";
import { nextSlot, scheduleProblem, slotsBetween, type TJobSchedule } from "../../../src/jobs/slots.ts";

const PARIS = "Europe/Paris";
const weekdays8: TJobSchedule = { cron: "0 8 * * 1-5" };
const digest: TJobSchedule = { cron: "0 8 * * 1-5", skipFrenchPublicHolidays: true };
const local = (slots: Date[]) => slots.map((slot) => localIsoDateTime(slot, PARIS));

describe("slots in Europe/Paris local time", () => {
  it.each([
    // Last Sunday of March 2027 is the 28th: Friday 08:00 is 07:00Z, Monday 08:00 is 06:00Z.
    ["spring change", "2027-03-26T07:00:00.000Z", "2027-03-29T06:00:00.000Z", "2027-03-29T08:00:00+02:00"],
    // Last Sunday of October 2027 is the 31st: Friday 08:00 is 06:00Z, Monday 08:00 is 07:00Z.
    ["autumn change", "2027-10-29T06:00:00.000Z", "2027-11-01T07:00:00.000Z", "2027-11-01T08:00:00+01:00"],
  ])("08:00 on weekdays stays 08:00 local across the %s", (_change, friday, monday, mondayLocal) => {
    expect(nextSlot(weekdays8, new Date(friday))?.toISOString()).toBe(monday);
    expect(localIsoDateTime(new Date(monday), PARIS)).toBe(mondayLocal);
  });

  it("lists a week of slots across the spring change, each at 08:00 local", () => {
    const slots = slotsBetween(weekdays8, new Date("2027-03-24T00:00:00Z"), new Date("2027-03-31T23:00:00Z"));
    expect(local(slots)).toEqual([
      "2027-03-24T08:00:00+01:00",
      "2027-03-25T08:00:00+01:00",
      "2027-03-26T08:00:00+01:00",
      "2027-03-29T08:00:00+02:00",
      "2027-03-30T08:00:00+02:00",
      "2027-03-31T08:00:00+02:00",
    ]);
  });

  it("has no slot at a time skipped when clocks go forward, and one at a time shown twice when they go back", () => {
    const nightly: TJobSchedule = { cron: "30 2 * * 0" };
    // 28 March 2027 02:30 does not exist in Paris: the next one is 4 April.
    expect(local(slotsBetween(nightly, new Date("2027-03-27T00:00:00Z"), new Date("2027-04-05T00:00:00Z")))).toEqual(["2027-04-04T02:30:00+02:00"]);
    // 31 October 2027 02:30 happens twice: the slot is the first, once.
    expect(local(slotsBetween(nightly, new Date("2027-10-30T00:00:00Z"), new Date("2027-11-01T00:00:00Z")))).toEqual(["2027-10-31T02:30:00+02:00"]);
    expect(instantOfWallTime({ year: 2027, month: 3, day: 28, hour: 2, minute: 30, second: 0 }, PARIS)).toBeNull();
  });

  it.each([
    // 1 May 2027 is a Saturday: every day that week, so that the holiday is what removes it.
    ["1 May", { cron: "0 8 * * *", skipFrenchPublicHolidays: true }, "2027-04-30T12:00:00Z", "2027-05-02T08:00:00+02:00"],
    // 25 December 2027 is a Saturday too.
    ["25 December", { cron: "0 8 * * *", skipFrenchPublicHolidays: true }, "2027-12-24T12:00:00Z", "2027-12-26T08:00:00+01:00"],
    // Easter Monday 2027 is 29 March: the weekday digest goes from Friday 26 to Tuesday 30.
    ["Easter Monday", digest, "2027-03-26T12:00:00Z", "2027-03-30T08:00:00+02:00"],
    // 11 November 2027 is a Thursday.
    ["11 November", digest, "2027-11-10T12:00:00Z", "2027-11-12T08:00:00+01:00"],
  ])("skips %s when the schedule skips public holidays", (_holiday, schedule, after, expected) => {
    const slot = nextSlot(schedule, new Date(after));
    expect(slot && localIsoDateTime(slot, PARIS)).toBe(expected);
  });

  it("keeps the holiday when the schedule does not skip holidays", () => {
    const slot = nextSlot({ cron: "0 8 * * *" }, new Date("2027-04-30T12:00:00Z"));
    expect(slot && localIsoDateTime(slot, PARIS)).toBe("2027-05-01T08:00:00+02:00");
  });

  it("excludes `from`, includes `to`, and is empty on an empty range", () => {
    const slot = new Date("2027-01-04T07:00:00Z");
    expect(slotsBetween(weekdays8, slot, new Date("2027-01-04T12:00:00Z"))).toEqual([]);
    expect(slotsBetween(weekdays8, new Date("2027-01-04T06:00:00Z"), slot)).toEqual([slot]);
    expect(slotsBetween(weekdays8, slot, slot)).toEqual([]);
    expect(nextSlot(weekdays8, new Date("2027-01-04T06:59:59.999Z"))).toEqual(slot);
  });

  it("reads minutes, steps and a six-field expression with seconds", () => {
    const slots = slotsBetween({ cron: "15 */20 9 * * 1" }, new Date("2027-01-04T00:00:00Z"), new Date("2027-01-04T23:00:00Z"));
    expect(local(slots)).toEqual(["2027-01-04T09:00:15+01:00", "2027-01-04T09:20:15+01:00", "2027-01-04T09:40:15+01:00"]);
  });

  it("returns null when no day can ever match", () => {
    expect(nextSlot({ cron: "0 8 25 12 *", skipFrenchPublicHolidays: true }, new Date("2027-01-01T00:00:00Z"))).toBeNull();
  });

  it.each([
    ["0 8 * * 1-5", null],
    ["0 25 * * *", expect.stringContaining("hour")],
    ["0 8 L * *", expect.stringContaining("day of month")],
    ["0 8 * * 5#2", expect.stringContaining("day of week")],
    ["not a cron", expect.any(String)],
  ])("tells why %s cannot be a schedule", (cron, problem) => {
    expect(scheduleProblem(cron)).toEqual(problem);
  });
});
