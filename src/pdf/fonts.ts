import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// DejaVu Sans (Bitstream Vera licence, free to embed and redistribute), shipped by the npm
// package dejavu-fonts-ttf: every French accent, œ, the € sign and the arrows. Embedded
// (subset) in every PDF, so a document reads the same on any machine.

/** Font names registered in every document. */
export const FONTS = {
  regular: "DejaVuSans",
  bold: "DejaVuSans-Bold",
  italic: "DejaVuSans-Oblique",
} as const;

/** One of the registered fonts. */
export type TFontName = (typeof FONTS)[keyof typeof FONTS];

const require = createRequire(import.meta.url);

/** Path of a TTF of the dejavu-fonts-ttf package. */
export function fontPath(name: TFontName): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);
}

let cache: ReadonlyMap<TFontName, Buffer> | undefined;

/** The three TTF files, read once per process. */
export function fontFiles(): ReadonlyMap<TFontName, Buffer> {
  cache ??= new Map(Object.values(FONTS).map((name) => [name, readFileSync(fontPath(name))]));
  return cache;
}

/** Registers the fonts on a document (pdfkit's `registerFont`), the regular one current. */
export function registerFonts(doc: PDFKit.PDFDocument): void {
  for (const [name, file] of fontFiles()) doc.registerFont(name, file);
  doc.font(FONTS.regular);
}
