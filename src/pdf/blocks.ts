import type { TDoc } from "./document.ts";
import { FONTS } from "./fonts.ts";
import { BODY, COLORS, ensureSpace, LABEL, MARGINS, measure, measureLocalized, pageBodyHeight, space, textWidth, write, writeLocalized } from "./layout.ts";
import type { TLocalized, TPdfBlock, TPdfFact } from "./model.ts";
import { drawTable } from "./table.ts";

// The blocks of a section. Short blocks (a fact, a notice) are kept whole on a page; free
// texts and clauses flow over as many pages as they need.

const LABEL_SHARE = 0.33;
const COLUMN_GAP = 12;
const BLOCK_GAP = 5;

/** Height of one line of body text, to keep a label with the first lines of what follows. */
function lineHeight(doc: TDoc): number {
  return measure(doc, "Ag", 100, BODY);
}

function drawFact(doc: TDoc, fact: TPdfFact): void {
  const width = textWidth(doc);
  const labelWidth = Math.round(width * LABEL_SHARE);
  const valueX = MARGINS.left + labelWidth + COLUMN_GAP;
  const valueWidth = width - labelWidth - COLUMN_GAP;
  const height = Math.max(measureLocalized(doc, fact.label, labelWidth, LABEL), measure(doc, fact.value, valueWidth, BODY));
  if (height > pageBodyHeight(doc) / 2) {
    // A value too long for a row (a long comment): its label, then the text flowing.
    drawText(doc, fact.label, fact.value);
    return;
  }
  ensureSpace(doc, height);
  const top = doc.y;
  writeLocalized(doc, fact.label, MARGINS.left, top, labelWidth, LABEL);
  write(doc, fact.value, valueX, top, valueWidth, BODY);
  doc.y = top + height + 3;
  doc.x = MARGINS.left;
}

function drawText(doc: TDoc, label: TLocalized, text: string): void {
  ensureSpace(doc, measureLocalized(doc, label, textWidth(doc), LABEL) + 2 * lineHeight(doc));
  writeLocalized(doc, label, MARGINS.left, doc.y, textWidth(doc), LABEL);
  space(doc, 1.5);
  write(doc, text, MARGINS.left, doc.y, textWidth(doc), BODY, "justify");
  space(doc, 3);
}

function drawClause(doc: TDoc, text: TLocalized): void {
  ensureSpace(doc, 2 * lineHeight(doc));
  writeLocalized(doc, text, MARGINS.left, doc.y, textWidth(doc), BODY, "justify");
}

function drawNotice(doc: TDoc, text: TLocalized): void {
  const padding = 6;
  const width = textWidth(doc) - 2 * padding;
  const style = { ...BODY, font: FONTS.bold, color: COLORS.text };
  const height = measureLocalized(doc, text, width, style) + 2 * padding;
  ensureSpace(doc, height);
  const top = doc.y;
  doc.save().rect(MARGINS.left, top, textWidth(doc), height).lineWidth(0.8).fillAndStroke(COLORS.noticeFill, COLORS.noticeBorder).restore();
  writeLocalized(doc, text, MARGINS.left + padding, top + padding, width, style);
  doc.y = top + height;
  doc.x = MARGINS.left;
}

function drawChange(doc: TDoc, block: Extract<TPdfBlock, { kind: "change" }>): void {
  ensureSpace(doc, measureLocalized(doc, block.label, textWidth(doc), LABEL) + 2 * lineHeight(doc));
  writeLocalized(doc, block.label, MARGINS.left, doc.y, textWidth(doc), LABEL);
  space(doc, 1.5);
  // "old → new" reads best on one line; long texts (a new sujet) get a paragraph each.
  if (!block.before.includes("\n") && !block.after.includes("\n") && block.before.length + block.after.length <= 110) {
    write(doc, `${block.before}  →  ${block.after}`, MARGINS.left, doc.y, textWidth(doc), BODY);
  } else {
    write(doc, block.before, MARGINS.left, doc.y, textWidth(doc), { ...BODY, color: COLORS.muted }, "justify");
    write(doc, `→ ${block.after}`, MARGINS.left, doc.y + 2, textWidth(doc), BODY, "justify");
  }
  space(doc, 3);
}

/** Draws one block at doc.y. */
export function drawBlock(doc: TDoc, block: TPdfBlock): void {
  switch (block.kind) {
    case "facts":
      for (const fact of block.facts) drawFact(doc, fact);
      break;
    case "text":
      drawText(doc, block.label, block.text);
      break;
    case "clause":
      drawClause(doc, block.text);
      break;
    case "notice":
      drawNotice(doc, block.text);
      break;
    case "table":
      drawTable(doc, block);
      break;
    case "change":
      drawChange(doc, block);
      break;
  }
  space(doc, BLOCK_GAP);
}
