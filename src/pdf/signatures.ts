import type { TDoc } from "./document.ts";
import { FONTS } from "./fonts.ts";
import {
  BODY,
  COLORS,
  ensureSpace,
  LABEL,
  MARGINS,
  measure,
  measureLocalized,
  pageBodyHeight,
  rule,
  SIZES,
  space,
  textWidth,
  write,
  writeLocalized,
  type TStyle,
} from "./layout.ts";
import type { TLocalized, TPdfChrome, TSignatureBlock } from "./model.ts";

// The signature boxes, two per row. A row is never cut by a page break, and the heading
// stays with the closing clauses and the first row.

const GAP = 14;
const PADDING = 7;
/** Room left blank for the handwritten (or electronic) signature. */
const SIGNING_ROOM = 46;
const HEADING: TStyle = { font: FONTS.bold, size: SIZES.heading, color: COLORS.accent };
const DETAIL: TStyle = { font: FONTS.regular, size: SIZES.small, color: COLORS.muted };

function boxWidth(doc: TDoc): number {
  return (textWidth(doc) - GAP) / 2;
}

function boxHeight(doc: TDoc, block: TSignatureBlock, chrome: TPdfChrome): number {
  const width = boxWidth(doc) - 2 * PADDING;
  return (
    measureLocalized(doc, block.role, width, LABEL) +
    measure(doc, block.name, width, BODY) +
    measure(doc, block.detail ?? "", width, DETAIL) +
    measureLocalized(doc, chrome.signatureDate, width, DETAIL) +
    measureLocalized(doc, chrome.signatureLabel, width, DETAIL) +
    SIGNING_ROOM +
    2 * PADDING +
    6
  );
}

function drawBox(doc: TDoc, block: TSignatureBlock, chrome: TPdfChrome, x: number, top: number, height: number): void {
  const width = boxWidth(doc);
  const inner = width - 2 * PADDING;
  doc.save().roundedRect(x, top, width, height, 3).lineWidth(0.6).strokeColor(COLORS.rule).stroke().restore();
  writeLocalized(doc, block.role, x + PADDING, top + PADDING, inner, LABEL);
  write(doc, block.name, x + PADDING, doc.y + 2, inner, BODY);
  if (block.detail) write(doc, block.detail, x + PADDING, doc.y, inner, DETAIL);
  writeLocalized(doc, chrome.signatureDate, x + PADDING, doc.y + 4, inner, DETAIL);
  writeLocalized(doc, chrome.signatureLabel, x + PADDING, doc.y, inner, DETAIL);
}

function drawRow(doc: TDoc, row: readonly TSignatureBlock[], chrome: TPdfChrome): void {
  const height = Math.max(...row.map((block) => boxHeight(doc, block, chrome)));
  ensureSpace(doc, height);
  const top = doc.y;
  row.forEach((block, i) => drawBox(doc, block, chrome, MARGINS.left + i * (boxWidth(doc) + GAP), top, height));
  doc.y = top + height + GAP / 2;
  doc.x = MARGINS.left;
}

function pairs<T>(items: readonly T[]): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  return rows;
}

/** Draws the heading, the closing clauses and the signature boxes. */
export function drawSignatures(doc: TDoc, chrome: TPdfChrome, closing: readonly TLocalized[], blocks: readonly TSignatureBlock[]): void {
  const rows = pairs(blocks);
  const firstRow = rows[0] ? Math.max(...rows[0].map((block) => boxHeight(doc, block, chrome))) : 0;
  const heading = measureLocalized(doc, chrome.signaturesTitle, textWidth(doc), HEADING) + 14;
  const clauses = closing.reduce((sum, clause) => sum + measureLocalized(doc, clause, textWidth(doc), BODY) + 4, 0);
  const together = heading + clauses + firstRow;
  if (together <= pageBodyHeight(doc)) ensureSpace(doc, together);
  space(doc, 4);
  writeLocalized(doc, chrome.signaturesTitle, MARGINS.left, doc.y, textWidth(doc), HEADING);
  rule(doc, COLORS.accent, 7);
  for (const clause of closing) {
    writeLocalized(doc, clause, MARGINS.left, doc.y, textWidth(doc), BODY, "justify");
    space(doc, 4);
  }
  space(doc, 4);
  for (const row of rows) drawRow(doc, row, chrome);
}
