import type { THistoryChange, THistoryEntry } from "../../cards/views.ts";
import type { TConventionValues } from "../../domain/convention.ts";
import type { TLocale } from "../../i18n/translate.ts";
import type { TFormData } from "../ports/conventions.ts";

// The audit trail keeps values as saved: ids of contacts, teachers, inscriptions, codes of
// countries and lists. The reader reads names and labels, in their language: each id and code
// is resolved once through the form data's labels, as the récapitulatif shows them.

type TSide = { entry: number; change: number; side: "before" | "after"; field: string; value: unknown };

// labelsFor takes one value per field: values of the same field go to different layers, so a
// few calls resolve a whole history whatever its length.
function layersOf(sides: readonly TSide[]): Array<Map<string, unknown>> {
  const layers: Array<Map<string, unknown>> = [];
  for (const side of sides) {
    const same = JSON.stringify(side.value);
    const layer = layers.find((candidate) => !candidate.has(side.field) || JSON.stringify(candidate.get(side.field)) === same);
    if (layer) layer.set(side.field, side.value);
    else layers.push(new Map([[side.field, side.value]]));
  }
  return layers;
}

function sidesOf(entries: readonly THistoryEntry[]): TSide[] {
  return entries.flatMap((entry, entryIndex) =>
    entry.changes.flatMap((change, changeIndex) =>
      (["before", "after"] as const)
        .filter((side) => change[side] !== null && change[side] !== undefined && change[side] !== "")
        .map((side) => ({ entry: entryIndex, change: changeIndex, side, field: change.field, value: change[side] })),
    ),
  );
}

/** The history's entries with every id and code of their changes labelled in the reader's locale. */
export async function labelHistory(formData: Pick<TFormData, "labelsFor">, entries: readonly THistoryEntry[], locale: TLocale): Promise<THistoryEntry[]> {
  const sides = sidesOf(entries);
  const layers = layersOf(sides);
  const labelled = await Promise.all(layers.map((layer) => formData.labelsFor(Object.fromEntries(layer) as Partial<TConventionValues>, locale)));
  const labelOf = (side: TSide): string | undefined => {
    const index = layers.findIndex((layer) => layer.has(side.field) && JSON.stringify(layer.get(side.field)) === JSON.stringify(side.value));
    return (labelled[index] as Record<string, string | undefined> | undefined)?.[side.field];
  };
  const found = new Map<string, string>();
  for (const side of sides) {
    const label = labelOf(side);
    if (label !== undefined) found.set(`${side.entry}:${side.change}:${side.side}`, label);
  }
  return entries.map((entry, entryIndex) => ({
    ...entry,
    changes: entry.changes.map((change, changeIndex): THistoryChange => {
      const beforeLabel = found.get(`${entryIndex}:${changeIndex}:before`);
      const afterLabel = found.get(`${entryIndex}:${changeIndex}:after`);
      return { ...change, ...(beforeLabel === undefined ? {} : { beforeLabel }), ...(afterLabel === undefined ? {} : { afterLabel }) };
    }),
  }));
}
