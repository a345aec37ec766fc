// The reference lists that ship with Stagebot (prisma/reference/*.json): the CPAM caisses,
// the ISO 3166-1 countries and the closed lists of a convention. Read and validated here so a
// malformed file fails loudly, naming the file and the bad entry.
import { readFileSync } from "node:fs";
import { z } from "zod/v4";

/** The 18 current French régions, as they are spelt officially. */
export const REGIONS = [
  "Auvergne-Rhône-Alpes",
  "Bourgogne-Franche-Comté",
  "Bretagne",
  "Centre-Val de Loire",
  "Corse",
  "Grand Est",
  "Hauts-de-France",
  "Île-de-France",
  "Normandie",
  "Nouvelle-Aquitaine",
  "Occitanie",
  "Pays de la Loire",
  "Provence-Alpes-Côte d'Azur",
  "Guadeloupe",
  "Martinique",
  "Guyane",
  "La Réunion",
  "Mayotte",
] as const;

const ZCode = z.string().regex(/^[A-Z0-9]+(?:_[A-Z0-9]+)*$/, "code must be UPPER_SNAKE_CASE ASCII");
const ZLabel = z.string().trim().min(1);

export const ZCpam = z.strictObject({
  code: z.string().regex(/^[A-Z]+-(?:\d{2}|2A|2B|97\d)(?:-[A-Z-]+)?$/),
  departement: z.string().regex(/^(?:0[1-9]|[1-8]\d|9[0-5]|2A|2B|97[1-6])$/),
  departementLabel: ZLabel,
  region: z.enum(REGIONS),
  label: ZLabel,
  /** Street part of the postal address; empty when it is not known reliably. */
  address: z.string(),
  postalCode: z.string().regex(/^\d{5}$/),
  city: ZLabel,
});
export type TCpam = z.infer<typeof ZCpam>;

export const ZPays = z.strictObject({
  iso2: z.string().regex(/^[A-Z]{2}$/),
  iso3: z.string().regex(/^[A-Z]{3}$/),
  label: ZLabel,
  labelEn: ZLabel,
  francophone: z.boolean(),
});
export type TPays = z.infer<typeof ZPays>;

export const ZListItem = z.strictObject({ code: ZCode, label: ZLabel, labelEn: ZLabel });
export type TListItem = z.infer<typeof ZListItem>;

export const ZTypeStructure = ZListItem.extend({ public: z.boolean() });
export type TTypeStructure = z.infer<typeof ZTypeStructure>;

export const ZEffectif = ZListItem.extend({ min: z.int().nonnegative().nullable(), max: z.int().nonnegative().nullable() });
export type TEffectif = z.infer<typeof ZEffectif>;

export const ZDevise = ZListItem.extend({ code: z.string().regex(/^[A-Z]{3}$/), symbol: ZLabel, default: z.boolean() });
export type TDevise = z.infer<typeof ZDevise>;

export const ZNafSection = ZListItem.extend({ code: z.string().regex(/^[A-U]$/) });
export type TNafSection = z.infer<typeof ZNafSection>;

/** A sous-classe of the NAF rév. 2 (INSEE): "86.90F", its official label, its section. */
export const ZNafCode = z.strictObject({ code: z.string().regex(/^\d{2}\.\d{2}[A-Z]$/), label: ZLabel, section: z.string().regex(/^[A-U]$/) });
export type TNafCode = z.infer<typeof ZNafCode>;

/** The number of sous-classes of the NAF rév. 2: the file must carry them all. */
export const NAF_REV2_SOUS_CLASSES = 732;

/** naf-rev2.json: the whole nomenclature, with where it comes from and under which licence. */
export const ZNafFile = z.strictObject({
  nomenclature: z.string().min(1),
  source: z.string().min(1),
  licence: z.string().min(1),
  sousClasses: z.array(ZNafCode).length(NAF_REV2_SOUS_CLASSES),
});

export const ZLists = z.strictObject({
  thematiques: z.array(ZListItem).min(1),
  typesStructure: z.array(ZTypeStructure).min(1),
  statutsJuridiques: z.array(ZListItem).min(1),
  effectifs: z.array(ZEffectif).min(1),
  nafSections: z.array(ZNafSection).min(1),
  originesStage: z.array(ZListItem).min(1),
  naturesTravail: z.array(ZListItem).min(1),
  modalitesValidation: z.array(ZListItem).min(1),
  modesVersement: z.array(ZListItem).min(1),
  devises: z.array(ZDevise).min(1),
  unitesDuree: z.array(ZListItem).min(1),
  tempsTravail: z.array(ZListItem).min(1),
  typesConvention: z.array(ZListItem).min(1),
  typesGratification: z.array(ZListItem).min(1),
  motifsAvenant: z.array(ZListItem).min(1),
});
export type TReferenceLists = z.infer<typeof ZLists>;
export type TReferenceListName = keyof TReferenceLists;

export type TReferenceData = { cpam: TCpam[]; pays: TPays[]; lists: TReferenceLists; nafCodes: TNafCode[] };

/** Folder of the JSON files, relative to this module. */
export const REFERENCE_DIR = new URL("../../prisma/reference/", import.meta.url);

/** Thrown when a reference file is missing, is not JSON or does not match its schema. */
export class ReferenceDataError extends Error {
  override readonly name = "ReferenceDataError";
}

function describePath(data: unknown, path: readonly PropertyKey[]): string {
  const where = path.length > 0 ? path.map(String).join(".") : "(root)";
  // Name the entry by its code when the path goes through one, e.g. "[12] (code CPAM-13)".
  let node: unknown = data;
  let named = "";
  for (const key of path) {
    if (node === null || typeof node !== "object") break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (node !== null && typeof node === "object") {
      const id = (node as Record<string, unknown>).code ?? (node as Record<string, unknown>).iso2;
      if (typeof id === "string") named = ` (entry ${JSON.stringify(id)})`;
    }
  }
  return `${where}${named}`;
}

function readJson<T>(dir: URL, file: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  } catch (error) {
    throw new ReferenceDataError(`prisma/reference/${file}: cannot read: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${describePath(data, i.path)}: ${i.message}`);
    throw new ReferenceDataError(`prisma/reference/${file} is invalid: ${issues.join("; ")}`);
  }
  return parsed.data;
}

function assertUnique<T>(file: string, items: readonly T[], key: (item: T) => string, what: string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (seen.has(value)) throw new ReferenceDataError(`prisma/reference/${file} is invalid: duplicate ${what} ${JSON.stringify(value)}`);
    seen.add(value);
  }
}

/**
 * Reads and validates cpam.json, pays.json, lists.json and naf-rev2.json; throws ReferenceDataError if any is wrong.
 * `dir` (a folder URL ending in "/") is only for tests.
 */
export function loadReferenceData(dir: URL = REFERENCE_DIR): TReferenceData {
  const cpam = readJson(dir, "cpam.json", z.array(ZCpam).min(1));
  assertUnique("cpam.json", cpam, (c) => c.code, "code");
  const pays = readJson(dir, "pays.json", z.array(ZPays).min(1));
  assertUnique("pays.json", pays, (p) => p.iso2, "iso2");
  assertUnique("pays.json", pays, (p) => p.iso3, "iso3");
  const lists = readJson(dir, "lists.json", ZLists);
  for (const [name, items] of Object.entries(lists) as [string, TListItem[]][]) {
    assertUnique("lists.json", items, (i) => i.code, `${name} code`);
  }
  const naf = readJson(dir, "naf-rev2.json", ZNafFile);
  assertUnique("naf-rev2.json", naf.sousClasses, (n) => n.code, "code");
  return { cpam, pays, lists, nafCodes: naf.sousClasses };
}
