import type { TDoc } from "./document.ts";
import { FONTS, type TFontName } from "./fonts.ts";
import type { TLocalized } from "./model.ts";

// Page geometry, colours and the text primitives every part of the layout uses. Text always
// flows with pdfkit's `doc.text(..., { width })`, which adds pages by itself; blocks that must
// not be cut (a table row, a signature box) first check the height left on the page.

/** Page margins in points (A4 is 595 × 842). The bottom one leaves room for the footer. */
export const MARGINS = { top: 56, bottom: 68, left: 56, right: 56 } as const;

/** Sober colours: near-black text, a dark blue for structure, grey for secondary text. */
export const COLORS = {
  text: "#1c1c1e",
  accent: "#1f3a5f",
  muted: "#5b6169",
  rule: "#c5cbd3",
  noticeFill: "#fdf3e3",
  noticeBorder: "#c77d12",
  tableHeader: "#eef1f5",
} as const;

/** Font sizes in points. */
export const SIZES = { title: 16, heading: 11, body: 9.2, small: 7.8, watermark: 96 } as const;

/** Space between lines of a paragraph, in points. */
export const LINE_GAP = 1.6;

/** Width available to text between the margins. */
export function textWidth(doc: TDoc): number {
  return doc.page.width - MARGINS.left - MARGINS.right;
}

/** The lowest y text may reach on the current page. */
export function bottomLimit(doc: TDoc): number {
  return doc.page.height - MARGINS.bottom;
}

/** Usable height of a whole page. */
export function pageBodyHeight(doc: TDoc): number {
  return doc.page.height - MARGINS.top - MARGINS.bottom;
}

/** Starts a new page unless `height` points still fit on this one. */
export function ensureSpace(doc: TDoc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) doc.addPage();
  doc.x = MARGINS.left;
}

/** A text style: font, size, colour. */
export type TStyle = { font: TFontName; size: number; color: string };

/** Body text. */
export const BODY: TStyle = { font: FONTS.regular, size: SIZES.body, color: COLORS.text };
/** The English half of a bilingual text: italic and grey under the French. */
export const SECONDARY: TStyle = { font: FONTS.italic, size: SIZES.body - 0.6, color: COLORS.muted };
/** Labels of facts and of free texts. */
export const LABEL: TStyle = { font: FONTS.bold, size: SIZES.body - 0.4, color: COLORS.accent };

/** Sets a style as current. */
export function useStyle(doc: TDoc, style: TStyle): TDoc {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

/** The height `text` takes in `width` with `style`. */
export function measure(doc: TDoc, text: string, width: number, style: TStyle): number {
  if (text === "") return 0;
  useStyle(doc, style);
  return doc.heightOfString(text, { width, lineGap: LINE_GAP });
}

/** The English style that goes with a French one: same size, italic grey. */
export function secondaryOf(style: TStyle): TStyle {
  return { font: FONTS.italic, size: Math.max(SIZES.small, style.size - 0.6), color: COLORS.muted };
}

/** Height of a bilingual text: the French, then the English under it. */
export function measureLocalized(doc: TDoc, text: TLocalized, width: number, style: TStyle): number {
  const english = text.en === undefined ? 0 : measure(doc, text.en, width, secondaryOf(style));
  return measure(doc, text.fr, width, style) + english;
}

/** Writes text at (x, y) flowing in `width` (new pages as needed); leaves doc.y under it. */
export function write(
  doc: TDoc,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TStyle,
  align: "left" | "center" | "right" | "justify" = "left",
): void {
  if (text === "") return;
  useStyle(doc, style);
  doc.text(text, x, y, { width, lineGap: LINE_GAP, align });
}

/** Writes a bilingual text: the French, then the English in italic grey. */
export function writeLocalized(
  doc: TDoc,
  text: TLocalized,
  x: number,
  y: number,
  width: number,
  style: TStyle,
  align: "left" | "center" | "justify" = "left",
): void {
  write(doc, text.fr, x, y, width, style, align);
  if (text.en !== undefined) write(doc, text.en, x, doc.y, width, secondaryOf(style), align);
}

/** A thin horizontal rule across the text width at doc.y, then some space. */
export function rule(doc: TDoc, color: string = COLORS.rule, gap = 6): void {
  const y = doc.y + gap / 2;
  doc
    .save()
    .moveTo(MARGINS.left, y)
    .lineTo(MARGINS.left + textWidth(doc), y)
    .lineWidth(0.6)
    .strokeColor(color)
    .stroke()
    .restore();
  doc.y = y + gap / 2;
  doc.x = MARGINS.left;
}

/** Moves down by `points`, never past the bottom (the next text then starts a new page). */
export function space(doc: TDoc, points: number): void {
  doc.y = Math.min(doc.y + points, bottomLimit(doc));
  doc.x = MARGINS.left;
}

/**
 * Runs `draw` with the bottom margin lifted, to write in the footer area without pdfkit
 * starting a new page; every page's footer and watermark are drawn this way.
 */
export function inMargins(doc: TDoc, draw: () => void): void {
  const margins = doc.page.margins;
  const saved = { ...margins };
  doc.page.margins = { ...margins, top: 0, bottom: 0 };
  try {
    draw();
  } finally {
    doc.page.margins = saved;
  }
}
