import type { TDoc } from "./document.ts";
import { FONTS } from "./fonts.ts";
import { COLORS, inMargins, MARGINS, SIZES, textWidth } from "./layout.ts";

// Drawn once every page exists (pages are buffered): the footer with "page N / M" on each
// page, and the diagonal watermark of a draft preview.

/** "page 2 / 5" from a template with {{page}} and {{count}}. */
export function pageLabel(template: string, page: number, count: number): string {
  return template.replace("{{page}}", String(page)).replace("{{count}}", String(count));
}

function drawFooter(doc: TDoc, left: string, right: string): void {
  const y = doc.page.height - MARGINS.bottom + 22;
  const width = textWidth(doc);
  doc
    .save()
    .moveTo(MARGINS.left, y - 6)
    .lineTo(MARGINS.left + width, y - 6)
    .lineWidth(0.5)
    .strokeColor(COLORS.rule)
    .stroke()
    .restore();
  doc.font(FONTS.regular).fontSize(SIZES.small).fillColor(COLORS.muted);
  const rightWidth = doc.widthOfString(right) + 2;
  doc.text(left, MARGINS.left, y, { width: width - rightWidth - 12, lineBreak: false, ellipsis: true });
  doc.text(right, MARGINS.left + width - rightWidth, y, { width: rightWidth, lineBreak: false, align: "right" });
}

function drawWatermark(doc: TDoc, text: string): void {
  const { width, height } = doc.page;
  const size = Math.min(SIZES.watermark, (1.1 * Math.hypot(width, height)) / Math.max(1, text.length) / 0.62);
  doc.save();
  doc.rotate(-Math.atan2(height, width) * (180 / Math.PI), { origin: [width / 2, height / 2] });
  doc.font(FONTS.bold).fontSize(size).fillColor(COLORS.accent).fillOpacity(0.12);
  const box = Math.hypot(width, height);
  doc.text(text, width / 2 - box / 2, height / 2 - size / 2, { width: box, align: "center", lineBreak: false });
  doc.restore();
}

/** Footer (left text, "page N / M") on every page, and the watermark when given. */
export function finishPages(doc: TDoc, footer: string, pageTemplate: string, watermark: string | null): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(start + i);
    inMargins(doc, () => {
      if (watermark !== null) drawWatermark(doc, watermark);
      drawFooter(doc, footer, pageLabel(pageTemplate, i + 1, count));
    });
  }
}
