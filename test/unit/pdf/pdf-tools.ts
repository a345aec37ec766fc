import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Reads PDFs the way a person's viewer would, with poppler's tools (pdftotext, pdffonts,
// pdfinfo): what the tests check is the text a reader gets out of the file.

function withFile<T>(pdf: Uint8Array, work: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "stagebot-pdf-"));
  const path = join(dir, "document.pdf");
  try {
    writeFileSync(path, pdf);
    return work(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `pdftotext -layout`: the text page by page (pages are separated by form feeds). */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (path) => execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
}

/** The text of each page. */
export function pdfPages(pdf: Uint8Array): string[] {
  return pdfText(pdf)
    .split("\f")
    .filter((page, i, pages) => i < pages.length - 1 || page.trim() !== "");
}

/** Every run of white space (line breaks, layout columns, no-break spaces) made one space. */
export function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

/** The text without its page footers, flattened: what the reader reads from top to bottom. */
export function bodyText(pdf: Uint8Array): string {
  return flat(
    pdfPages(pdf)
      .map((page) =>
        page
          .split("\n")
          .filter((line) => !/page \d+ \/ \d+\s*$/.test(line))
          .join("\n"),
      )
      .join("\n"),
  );
}

/** The fonts of a PDF as `pdffonts` lists them: name and whether it is embedded. */
export function pdfFonts(pdf: Uint8Array): Array<{ name: string; embedded: boolean }> {
  const output = withFile(pdf, (path) => execFileSync("pdffonts", [path], { encoding: "utf8" }));
  return output
    .split("\n")
    .slice(2)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: "emb" is the fifth column from the end.
      return { name: columns[0] ?? "", embedded: columns[columns.length - 5] === "yes" };
    });
}

/** Number of pages (`pdfinfo`). */
export function pdfPageCount(pdf: Uint8Array): number {
  const output = withFile(pdf, (path) => execFileSync("pdfinfo", [path], { encoding: "utf8" }));
  return Number(/^Pages:\s+(\d+)/m.exec(output)?.[1] ?? Number.NaN);
}

/** A word of a page with its box, in points from the page's top-left corner. */
export type TWordBox = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word's box (`pdftotext -bbox`), with each page's size. */
export function pdfWordBoxes(pdf: Uint8Array): { pages: Array<{ width: number; height: number }>; words: TWordBox[] } {
  const html = withFile(pdf, (path) => execFileSync("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"], { encoding: "utf8" }));
  const pages: Array<{ width: number; height: number }> = [];
  const words: TWordBox[] = [];
  for (const line of html.split("\n")) {
    const page = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (page) pages.push({ width: Number(page[1]), height: Number(page[2]) });
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (word) {
      words.push({ page: pages.length, text: word[5] ?? "", xMin: Number(word[1]), yMin: Number(word[2]), xMax: Number(word[3]), yMax: Number(word[4]) });
    }
  }
  return { pages, words };
}

/** Pairs of words of the same page whose boxes overlap by more than `tolerance` points each way. */
export function overlappingWords(words: readonly TWordBox[], tolerance = 0.5): Array<[TWordBox, TWordBox]> {
  const overlaps: Array<[TWordBox, TWordBox]> = [];
  const byPage = new Map<number, TWordBox[]>();
  for (const word of words) byPage.set(word.page, [...(byPage.get(word.page) ?? []), word]);
  for (const pageWords of byPage.values()) {
    for (let i = 0; i < pageWords.length; i++) {
      for (let j = i + 1; j < pageWords.length; j++) {
        const a = pageWords[i];
        const b = pageWords[j];
        if (!a || !b) continue;
        const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (dx > tolerance && dy > tolerance) overlaps.push([a, b]);
      }
    }
  }
  return overlaps;
}
