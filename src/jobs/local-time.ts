// Wall-clock time in an IANA time zone, read with Intl: the schedule is written in local time
// (08:00 in Paris), the database and the clock speak instants.

/** A local date and time in some time zone, as a person there reads it on a wall clock. */
export interface TWallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** What a wall clock in `timeZone` shows at `instant`. */
export function wallTimeAt(instant: Date, timeZone: string): TWallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function asUtcMs(wall: TWallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Paris: +1 h in winter, +2 h in summer). */
export function offsetMsAt(instant: Date, timeZone: string): number {
  const wholeSeconds = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return asUtcMs(wallTimeAt(wholeSeconds, timeZone)) - wholeSeconds.getTime();
}

function sameWallTime(a: TWallTime, b: TWallTime): boolean {
  return asUtcMs(a) === asUtcMs(b);
}

/**
 * The instant a wall clock in `timeZone` shows `wall`. A time skipped when clocks go forward
 * (02:30 on the last Sunday of March in Paris) has none: null. A time shown twice when clocks go
 * back (02:30 on the last Sunday of October) is its first occurrence, so it happens once.
 */
export function instantOfWallTime(wall: TWallTime, timeZone: string): Date | null {
  const guess = asUtcMs(wall);
  // The offsets in force half a day either side cover both sides of any change on that day.
  const offsets = new Set([offsetMsAt(new Date(guess - 14 * 3_600_000), timeZone), offsetMsAt(new Date(guess + 14 * 3_600_000), timeZone)]);
  const candidates = [...offsets]
    .map((offset) => new Date(guess - offset))
    .filter((instant) => sameWallTime(wallTimeAt(instant, timeZone), wall))
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates[0] ?? null;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** The local date of `instant` in `timeZone`, as YYYY-MM-DD. */
export function localIsoDate(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `instant` written in `timeZone`'s local time with its offset: 2027-03-29T08:00:00+02:00. */
export function localIsoDateTime(instant: Date, timeZone: string): string {
  const wall = wallTimeAt(instant, timeZone);
  const offsetMinutes = Math.round(offsetMsAt(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
  return `${localIsoDate(instant, timeZone)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offset}`;
}
