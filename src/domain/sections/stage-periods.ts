import type { TFieldError } from "./field-error.ts";
import { isIsoDate, type TLooseValues } from "./fields.ts";

// Cross-field checks of section 5's dates. They read loose values on purpose: a form with a
// too-long sujet must still be told that its end date precedes its start date, so these run
// on whatever fields are individually valid, not only on a fully valid section.

type TRange = { start: string; end: string };

function asDate(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return isIsoDate(trimmed) ? trimmed : null;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ISO dates compare correctly as strings.
function periodErrors(list: string, entries: unknown, internship: TRange | null): TFieldError[] {
  if (!Array.isArray(entries)) return [];
  const errors: TFieldError[] = [];
  const accepted: { index: number; range: TRange }[] = [];
  entries.forEach((entry: unknown, index) => {
    if (!isRecord(entry)) return;
    const start = asDate(entry["dateDebut"]);
    const end = asDate(entry["dateFin"]);
    if (start === null || end === null) return;
    const at = (field: string): string => `${list}.${index}.${field}`;
    if (end < start) {
      errors.push({ field: at("dateFin"), code: "end_before_start" });
      return;
    }
    if (internship && start < internship.start) errors.push({ field: at("dateDebut"), code: "outside_internship" });
    if (internship && end > internship.end) errors.push({ field: at("dateFin"), code: "outside_internship" });
    // Overlapping periods would count the same days twice in the durée effective.
    const clash = accepted.find((other) => start <= other.range.end && other.range.start <= end);
    if (clash) errors.push({ field: at("dateDebut"), code: "overlap", params: { index: clash.index + 1 } });
    accepted.push({ index, range: { start, end } });
  });
  return errors;
}

/** Cross-field errors of section 5: dateFin ≥ dateDebut; interruptions and irregular periods ordered, inside the internship, not overlapping. */
export function stageCrossErrors(values: TLooseValues): TFieldError[] {
  const start = asDate(values["dateDebut"]);
  const end = asDate(values["dateFin"]);
  const errors: TFieldError[] = [];
  let internship: TRange | null = null;
  if (start !== null && end !== null) {
    if (end < start) errors.push({ field: "dateFin", code: "end_before_start" });
    else internship = { start, end };
  }
  errors.push(...periodErrors("interruptions", values["interruptions"], internship));
  errors.push(...periodErrors("irregularPeriods", values["irregularPeriods"], internship));
  return errors;
}
