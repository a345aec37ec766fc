// Accent-insensitive matching in SQL without extensions (no unaccent, no pg_trgm: PGlite has
// neither): translate() folds every accented Latin letter the way normalizeSearchText does,
// so a typed "cherif" finds "Chérif". The ranking itself is done in TypeScript.
import { normalizeSearchText } from "../domain/normalize-name.ts";
import { Prisma } from "../generated/prisma/client.ts";

type TFoldTable = { from: string; to: string; expansions: [string, string][] };

// Built from normalizeSearchText itself, so SQL and TypeScript cannot disagree on a letter.
function buildFoldTable(): TFoldTable {
  let from = "";
  let to = "";
  const expansions: [string, string][] = [];
  for (let code = 0xc0; code <= 0x24f; code++) {
    const letter = String.fromCodePoint(code);
    const folded = normalizeSearchText(letter);
    if (folded === "" || folded === letter) continue;
    if (folded.length === 1) {
      from += letter;
      to += folded;
    } else {
      expansions.push([letter, folded]);
    }
  }
  // Combining marks (text stored decomposed) are dropped: translate() deletes what `to` lacks.
  for (let code = 0x300; code <= 0x36f; code++) from += String.fromCodePoint(code);
  return { from, to, expansions };
}

const FOLD = buildFoldTable();

/** `expression` lower-cased without accents, in SQL (C or any other locale). */
export function foldedSql(expression: Prisma.Sql): Prisma.Sql {
  let expanded = expression;
  for (const [letter, replacement] of FOLD.expansions) expanded = Prisma.sql`replace(${expanded}, ${letter}, ${replacement})`;
  return Prisma.sql`translate(lower(${expanded}), ${FOLD.from}, ${FOLD.to})`;
}

/** `folded LIKE '%word%'` for each of normalizeSearchText's words (letters and digits only, no wildcard). */
export function containsEveryWordSql(folded: Prisma.Sql, words: readonly string[]): Prisma.Sql {
  if (words.length === 0) return Prisma.sql`TRUE`;
  return Prisma.join(
    words.map((word) => Prisma.sql`${folded} LIKE ${`%${word}%`}`),
    " AND ",
  );
}

/** Ids of the contacts of `etablissementId` whose name or fonction contains every word. */
export function contactIdsSql(etablissementId: number, words: readonly string[], limit: number): Prisma.Sql {
  const folded = foldedSql(Prisma.sql`c."lastName" || ' ' || c."firstName" || ' ' || coalesce(c."fonction", '')`);
  return Prisma.sql`
    SELECT c."id" FROM "Contact" c
    WHERE c."etablissementId" = ${etablissementId} AND ${containsEveryWordSql(folded, words)}
    ORDER BY c."lastName", c."firstName", c."id"
    LIMIT ${limit}`;
}

/** Ids of the teachers whose "lastName firstName" contains every word, names starting with the first word first. */
export function teacherIdsSql(words: readonly string[], limit: number): Prisma.Sql {
  const folded = foldedSql(Prisma.sql`p."lastName" || ' ' || p."firstName"`);
  const first = `${words[0] ?? ""}%`;
  return Prisma.sql`
    SELECT p."id" FROM "Person" p JOIN "Teacher" t ON t."personId" = p."id"
    WHERE ${containsEveryWordSql(folded, words)}
    ORDER BY (${foldedSql(Prisma.sql`p."lastName"`)} LIKE ${first} OR ${foldedSql(Prisma.sql`p."firstName"`)} LIKE ${first}) DESC,
      p."lastName", p."firstName", p."id"
    LIMIT ${limit}`;
}
