import { z } from "zod/v4";

/** Records' ids are PostgreSQL int4: a larger number names nothing and must not reach a query. */
export const INT4_MAX = 2_147_483_647;

/** A record's id in an action's data ("12" or 12), refused beyond int4. */
export const ZId = z.coerce.number().int().positive().max(INT4_MAX);

/** The id a value names, or null when it cannot name a record. */
export function recordIdOf(value: unknown): number | null {
  const parsed = ZId.safeParse(value);
  return parsed.success ? parsed.data : null;
}

// NUL and the other C0 controls but tab and line breaks, and UTF-16 halves without their pair:
// PostgreSQL refuses them (22021, invalid JSON) and nobody means to type them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** What a person sent, with the invisible characters no text field may hold taken out, at every depth. */
export function cleanInbound<T>(value: T): T {
  if (typeof value === "string") return value.replace(UNWANTED, "") as T;
  if (Array.isArray(value)) return value.map((item: unknown) => cleanInbound(item)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [cleanInbound(key), cleanInbound(item)])) as T;
  }
  return value;
}
