// INSEE's codes (catégorie juridique, tranche d'effectif) as Stagebot's reference lists
// (prisma/reference/lists.json: statutsJuridiques, typesStructure, effectifs).

// Catégories juridiques: https://www.insee.fr/fr/information/2028129 (4 digits, by prefix).
const STATUTS: ReadonlyArray<[RegExp, string]> = [
  [/^1000$/u, "ENTREPRISE_INDIVIDUELLE"],
  [/^3/u, "SOCIETE_ETRANGERE"],
  [/^41/u, "EPIC"],
  [/^52/u, "SNC"],
  [/^5458$|^5558$|^5658$/u, "SCOP"],
  [/^5498$/u, "EURL"],
  [/^54/u, "SARL"],
  [/^5[56]/u, "SA"],
  [/^5710$/u, "SAS"],
  [/^5720$/u, "SASU"],
  [/^6220$/u, "GIE"],
  [/^6540$/u, "SCI"],
  [/^71/u, "ETAT"],
  [/^72/u, "COLLECTIVITE_TERRITORIALE"],
  [/^73/u, "EPA"],
  [/^82/u, "MUTUELLE"],
  [/^9260$/u, "ASSOCIATION_DROIT_LOCAL"],
  [/^92/u, "ASSOCIATION_LOI_1901"],
  [/^93/u, "FONDATION"],
];

const TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^(1|5|6)/u, "ENTREPRISE_PRIVEE"],
  [/^71/u, "ADMINISTRATION_PUBLIQUE"],
  [/^72/u, "COLLECTIVITE_TERRITORIALE"],
  [/^(41|73)/u, "ETABLISSEMENT_PUBLIC"],
  [/^92/u, "ASSOCIATION"],
];

// Tranches d'effectif salarié (search-api app/labels/tranches-effectifs.json).
const EFFECTIFS: Readonly<Record<string, string>> = {
  NN: "EFF_0",
  "00": "EFF_0",
  "01": "EFF_1_9",
  "02": "EFF_1_9",
  "03": "EFF_1_9",
  "11": "EFF_10_19",
  "12": "EFF_20_49",
  "21": "EFF_50_199",
  "22": "EFF_50_199",
  "31": "EFF_200_249",
  "32": "EFF_250_499",
  "41": "EFF_500_999",
  "42": "EFF_1000_4999",
  "51": "EFF_1000_4999",
  "52": "EFF_5000_PLUS",
  "53": "EFF_5000_PLUS",
};

function firstMatch(table: ReadonlyArray<[RegExp, string]>, code: string | null): string | null {
  if (code === null) return null;
  return table.find(([pattern]) => pattern.test(code))?.[1] ?? null;
}

/** The statut juridique of an INSEE catégorie juridique; null when none fits (the student chooses). */
export function statutJuridiqueOf(natureJuridique: string | null): string | null {
  return firstMatch(STATUTS, natureJuridique);
}

/** The likely type de structure of an INSEE catégorie juridique (the student may change it). */
export function typeStructureOf(natureJuridique: string | null): string | null {
  return firstMatch(TYPES, natureJuridique);
}

/** The effectif band of an INSEE tranche d'effectif salarié. */
export function effectifOf(tranche: string | null): string | null {
  return tranche === null ? null : (EFFECTIFS[tranche] ?? null);
}
