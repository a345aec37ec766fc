import type { TDoc } from "./document.ts";
import { BODY, bottomLimit, COLORS, LABEL, MARGINS, measure, measureLocalized, space, textWidth, write, writeLocalized } from "./layout.ts";
import type { TLocalized, TPdfBlock } from "./model.ts";

// A table (interruption periods, irregular schedule): rows are never cut, and the header is
// drawn again at the top of every page the table continues on.

const PADDING = 3;

type TTable = Extract<TPdfBlock, { kind: "table" }>;

function columnsOf(doc: TDoc, table: TTable): Array<{ x: number; width: number }> {
  const total = textWidth(doc);
  const sum = table.widths.reduce((a, b) => a + b, 0) || 1;
  let x = MARGINS.left;
  return table.widths.map((share) => {
    const width = (total * share) / sum;
    const column = { x, width };
    x += width;
    return column;
  });
}

function headerHeight(doc: TDoc, table: TTable, columns: Array<{ width: number }>): number {
  const heights = table.columns.map((title, i) => measureLocalized(doc, title, (columns[i]?.width ?? 0) - 2 * PADDING, LABEL));
  return Math.max(...heights) + 2 * PADDING;
}

function rowHeight(doc: TDoc, row: readonly string[], columns: Array<{ width: number }>): number {
  const heights = row.map((cell, i) => measure(doc, cell, (columns[i]?.width ?? 0) - 2 * PADDING, BODY));
  return Math.max(0, ...heights) + 2 * PADDING;
}

function drawHeader(doc: TDoc, titles: readonly TLocalized[], columns: Array<{ x: number; width: number }>, height: number): void {
  const top = doc.y;
  doc.save().rect(MARGINS.left, top, textWidth(doc), height).fill(COLORS.tableHeader).restore();
  titles.forEach((title, i) => {
    const column = columns[i];
    if (column) writeLocalized(doc, title, column.x + PADDING, top + PADDING, column.width - 2 * PADDING, LABEL);
  });
  doc.y = top + height;
}

function drawRow(doc: TDoc, row: readonly string[], columns: Array<{ x: number; width: number }>, height: number): void {
  const top = doc.y;
  row.forEach((cell, i) => {
    const column = columns[i];
    if (column) write(doc, cell, column.x + PADDING, top + PADDING, column.width - 2 * PADDING, BODY);
  });
  const bottom = top + height;
  doc
    .save()
    .moveTo(MARGINS.left, bottom)
    .lineTo(MARGINS.left + textWidth(doc), bottom)
    .lineWidth(0.4)
    .strokeColor(COLORS.rule)
    .stroke()
    .restore();
  doc.y = bottom;
}

/** Draws a table with its label; its rows go on as many pages as needed. */
export function drawTable(doc: TDoc, table: TTable): void {
  const columns = columnsOf(doc, table);
  const header = headerHeight(doc, table, columns);
  const label = measureLocalized(doc, table.label, textWidth(doc), LABEL) + 2;
  const first = table.rows[0] ? rowHeight(doc, table.rows[0], columns) : 0;
  // The label stays with the header and the first row.
  if (doc.y + label + header + first > bottomLimit(doc)) doc.addPage();
  writeLocalized(doc, table.label, MARGINS.left, doc.y, textWidth(doc), LABEL);
  space(doc, 2);
  drawHeader(doc, table.columns, columns, header);
  for (const row of table.rows) {
    const height = rowHeight(doc, row, columns);
    if (doc.y + height > bottomLimit(doc)) {
      doc.addPage();
      drawHeader(doc, table.columns, columns, header);
    }
    drawRow(doc, row, columns, height);
  }
  doc.x = MARGINS.left;
}
