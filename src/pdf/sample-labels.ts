import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod/v4";
import type { TValueLabels } from "../cards/views.ts";
import type { TConventionValues } from "../domain/convention.ts";
import type { TLocale } from "../i18n/translate.ts";

// Labels of the sample conventions' codes, read from the reference lists the database is
// seeded with (prisma/reference/*.json): the samples need no database and still print
// the labels users see.

const referenceDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "prisma", "reference");

const ZItem = z.object({ code: z.string(), label: z.string(), labelEn: z.string() });
const ZLists = z.record(z.string(), z.array(ZItem));
const ZPays = z.array(z.object({ iso2: z.string(), label: z.string(), labelEn: z.string() }));
const ZCpam = z.array(z.object({ code: z.string(), label: z.string(), address: z.string(), postalCode: z.string(), city: z.string() }));

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  return schema.parse(JSON.parse(readFileSync(join(referenceDir, file), "utf8")));
}

let lists: z.infer<typeof ZLists> | undefined;
let pays: z.infer<typeof ZPays> | undefined;
let cpam: z.infer<typeof ZCpam> | undefined;

const referenceLists = () => (lists ??= readJson("lists.json", ZLists));
const paysList = () => (pays ??= readJson("pays.json", ZPays));
const cpamList = () => (cpam ??= readJson("cpam.json", ZCpam));

/** Code fields of a convention and the list of lists.json they come from. */
const LIST_OF_FIELD: ReadonlyArray<[keyof TConventionValues, string]> = [
  ["tempsTravailCode", "tempsTravail"],
  ["gratificationType", "typesGratification"],
  ["gratificationUnite", "unitesDuree"],
  ["deviseCode", "devises"],
  ["modeVersementCode", "modesVersement"],
  ["natureTravailCode", "naturesTravail"],
  ["modaliteValidationCode", "modalitesValidation"],
  ["typeConvention", "typesConvention"],
  ["thematiqueCode", "thematiques"],
];

/** A country's names in French and English. */
export function sampleCountry(iso2: string): { fr: string; en: string } {
  const row = paysList().find((candidate) => candidate.iso2 === iso2);
  return { fr: row?.label ?? iso2, en: row?.labelEn ?? iso2 };
}

/** A CPAM of the reference list: its label and address. */
export function sampleCpam(code: string): { label: string; address: string } {
  const row = cpamList().find((candidate) => candidate.code === code);
  if (!row) throw new Error(`unknown CPAM ${code}`);
  return { label: row.label, address: [row.address, `${row.postalCode} ${row.city}`].filter(Boolean).join(", ") };
}

/** The labels TFormData.labelsFor would give for the sample's codes. */
export function sampleLabels(values: TConventionValues, locale: TLocale): TValueLabels {
  const labels: TValueLabels = {};
  for (const [field, list] of LIST_OF_FIELD) {
    const item = referenceLists()[list]?.find((candidate) => candidate.code === values[field]);
    if (item) labels[field] = locale === "en" ? item.labelEn : item.label;
  }
  for (const field of ["paysIso2", "etudiantCountryIso2"] as const) {
    const iso2 = values[field];
    if (iso2) labels[field] = sampleCountry(iso2)[locale];
  }
  return labels;
}
