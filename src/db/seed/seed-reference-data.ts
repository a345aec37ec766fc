// Loads the reference lists shipped in prisma/reference/ into the database. It runs at every
// start, so it only inserts what is missing: ON CONFLICT DO NOTHING (skipDuplicates) makes a
// second run a handful of no-op statements, and two instances starting together cannot collide.
// Labels already in the database are left alone: an administrator may have edited them.
import { type Prisma, ReferenceList, type PrismaClient } from "../../generated/prisma/client.ts";
import { loadReferenceData, type TListItem, type TReferenceData, type TReferenceListName } from "../reference-data.ts";

/** Where each list of lists.json goes (the NAF sous-classes, in naf-rev2.json, have their own table). */
export const REFERENCE_LIST_OF: Record<TReferenceListName, ReferenceList> = {
  thematiques: ReferenceList.THEMATIQUE,
  typesStructure: ReferenceList.TYPE_STRUCTURE,
  statutsJuridiques: ReferenceList.STATUT_JURIDIQUE,
  effectifs: ReferenceList.EFFECTIF,
  nafSections: ReferenceList.NAF_SECTION,
  originesStage: ReferenceList.ORIGINE_STAGE,
  naturesTravail: ReferenceList.NATURE_TRAVAIL,
  modalitesValidation: ReferenceList.MODALITE_VALIDATION,
  modesVersement: ReferenceList.MODE_VERSEMENT,
  devises: ReferenceList.DEVISE,
  unitesDuree: ReferenceList.UNITE_DUREE,
  tempsTravail: ReferenceList.TEMPS_TRAVAIL,
  typesConvention: ReferenceList.TYPE_CONVENTION,
  typesGratification: ReferenceList.TYPE_GRATIFICATION,
  motifsAvenant: ReferenceList.MOTIF_AVENANT,
};

/** Legal minimum hourly gratification by calendar year (L124-6, D124-8: 15 % of the plafond horaire). */
export const GRATIFICATION_RATES: readonly { year: number; hourlyMinimum: string }[] = [
  { year: 2024, hourlyMinimum: "4.35" },
  { year: 2025, hourlyMinimum: "4.35" },
  { year: 2026, hourlyMinimum: "4.50" },
];

/** Rows inserted by one run, per table; all zero when everything was already there. */
export interface TReferenceSeedCounts {
  cpam: number;
  pays: number;
  nafCodes: number;
  referenceItems: number;
  gratificationRates: number;
}

/** Inserts the missing CPAM, countries, NAF codes, closed lists and gratification rates. */
export async function seedReferenceData(prisma: PrismaClient, data: TReferenceData = loadReferenceData()): Promise<TReferenceSeedCounts> {
  const cpam = await prisma.cpam.createMany({ data: data.cpam, skipDuplicates: true });
  const pays = await prisma.pays.createMany({ data: data.pays, skipDuplicates: true });
  const nafCodes = await prisma.nafCode.createMany({
    data: data.nafCodes.map(({ code, label, section }) => ({ code, label, section })),
    skipDuplicates: true,
  });
  const referenceItems = await prisma.referenceItem.createMany({ data: referenceItemRows(data), skipDuplicates: true });
  const gratificationRates = await prisma.gratificationRate.createMany({ data: [...GRATIFICATION_RATES], skipDuplicates: true });
  return {
    cpam: cpam.count,
    pays: pays.count,
    nafCodes: nafCodes.count,
    referenceItems: referenceItems.count,
    gratificationRates: gratificationRates.count,
  };
}

/** Every closed list as ReferenceItem rows, keeping the file's order as `position`. */
export function referenceItemRows(data: TReferenceData): Prisma.ReferenceItemCreateManyInput[] {
  return (Object.keys(REFERENCE_LIST_OF) as (keyof typeof REFERENCE_LIST_OF)[]).flatMap((name) => {
    const items: readonly TListItem[] = data.lists[name];
    return items.map((item, position) => toReferenceItem(REFERENCE_LIST_OF[name], item, position));
  });
}

function toReferenceItem(list: ReferenceList, item: TListItem, position: number): Prisma.ReferenceItemCreateManyInput {
  // List-specific fields (a devise's symbol, an effectif's bounds, ...) travel in `extra`.
  const { code, label, labelEn, ...rest } = item as TListItem & Record<string, unknown>;
  const extra = Object.keys(rest).length > 0 ? (rest as Prisma.InputJsonObject) : undefined;
  return { list, code, label, labelEn, position, extra };
}
