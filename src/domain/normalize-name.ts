// The normal forms used to compare names typed by people: "Hôpitaux" and "HOPITAUX" are the
// same word, "S.A.R.L." is noise when telling two companies apart.

// Letters NFD does not split into a base letter and a mark.
const LIGATURES: Readonly<Record<string, string>> = { œ: "oe", æ: "ae", ß: "ss", ĳ: "ij", ø: "o", đ: "d", ł: "l", ħ: "h", ı: "i" };
const LIGATURE_PATTERN = new RegExp(`[${Object.keys(LIGATURES).join("")}]`, "gu");

/**
 * Legal forms that say nothing about which organisation is meant. Only stripped at either
 * end of a name, where they are written ("SARL Dupont", "Rheinland Biotech GmbH").
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set([
  "sa",
  "sas",
  "sasu",
  "sarl",
  "eurl",
  "sci",
  "snc",
  "scop",
  "scp",
  "scm",
  "sca",
  "sem",
  "gie",
  "eirl",
  "earl",
  "gaec",
  "selarl",
  "selas",
  "selafa",
  "gmbh",
  "ag",
  "kg",
  "ltd",
  "llc",
  "inc",
  "plc",
  "bv",
  "nv",
  "srl",
  "spa",
  "sl",
  "sprl",
  "asbl",
]);

/**
 * Lower-case, accents and ligatures removed, every run of punctuation or spaces made one
 * space, trimmed: "Jean-Marc  CHÉRIF" → "jean marc cherif". What search text is compared in.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(LIGATURE_PATTERN, (letter) => LIGATURES[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

// "S.A.R.L." and "S.A." are one word once written without their dots.
function joinDottedAcronyms(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (acronym) => acronym.replace(/\./g, ""));
}

/**
 * The normal form of an organisation's name (Etablissement.normalizedName): normalizeSearchText
 * without the legal forms at either end, unless nothing else is left.
 * "Assistance Publique - Hôpitaux de Marseille" → "assistance publique hopitaux de marseille".
 */
export function normalizeName(name: string): string {
  const words = normalizeSearchText(joinDottedAcronyms(name))
    .split(" ")
    .filter((word) => word !== "");
  let start = 0;
  let end = words.length;
  while (start < end && LEGAL_FORMS.has(words[start] ?? "")) start++;
  while (end > start && LEGAL_FORMS.has(words[end - 1] ?? "")) end--;
  return (start < end ? words.slice(start, end) : words).join(" ");
}
