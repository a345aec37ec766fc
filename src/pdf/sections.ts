import { drawBlock } from "./blocks.ts";
import type { TDoc } from "./document.ts";
import { FONTS } from "./fonts.ts";
import { BODY, COLORS, ensureSpace, MARGINS, measure, measureLocalized, rule, SIZES, space, textWidth, write, writeLocalized, type TStyle } from "./layout.ts";
import type { TLocalized, TPdfChrome, TPdfInstitution, TPdfSection } from "./model.ts";

// The first page's head (logo, institution, title) and the titled sections after it.

const HEADING: TStyle = { font: FONTS.bold, size: SIZES.heading, color: COLORS.accent };
const TITLE: TStyle = { font: FONTS.bold, size: SIZES.title, color: COLORS.accent };
const SUBTITLE: TStyle = { ...BODY, color: COLORS.muted };
const LOGO_BOX: [number, number] = [130, 52];

/** Draws a section's heading and blocks; the heading never stays alone at a page's foot. */
export function drawSection(doc: TDoc, section: TPdfSection): void {
  const heading = measureLocalized(doc, section.title, textWidth(doc), HEADING);
  ensureSpace(doc, heading + 8 + 3 * measure(doc, "Ag", 100, BODY));
  space(doc, 4);
  writeLocalized(doc, section.title, MARGINS.left, doc.y, textWidth(doc), HEADING);
  rule(doc, COLORS.accent, 7);
  for (const block of section.blocks) drawBlock(doc, block);
  space(doc, 4);
}

function drawLogo(doc: TDoc, logo: Uint8Array, top: number): number {
  try {
    doc.image(Buffer.from(logo), MARGINS.left, top, { fit: LOGO_BOX });
    return LOGO_BOX[1];
  } catch {
    // An unreadable logo must not cost the document: the institution's name stands alone.
    return 0;
  }
}

/** The first page's head: the logo and the institution's name, the title, the subtitles. */
export function drawHead(doc: TDoc, institution: TPdfInstitution, title: TLocalized, subtitles: readonly TLocalized[]): void {
  const top = doc.y;
  const logoHeight = institution.logo ? drawLogo(doc, institution.logo, top) : 0;
  const nameX = logoHeight > 0 ? MARGINS.left + LOGO_BOX[0] + 14 : MARGINS.left;
  const nameWidth = MARGINS.left + textWidth(doc) - nameX;
  const nameStyle: TStyle = { font: FONTS.bold, size: SIZES.heading + 1, color: COLORS.text };
  const nameHeight = measure(doc, institution.name, nameWidth, nameStyle);
  write(doc, institution.name, nameX, top + Math.max(0, (logoHeight - nameHeight) / 2), nameWidth, nameStyle, logoHeight > 0 ? "right" : "left");
  doc.y = top + Math.max(logoHeight, nameHeight) + 10;
  rule(doc, COLORS.accent, 12);
  writeLocalized(doc, title, MARGINS.left, doc.y, textWidth(doc), TITLE, "center");
  space(doc, 4);
  for (const subtitle of subtitles) writeLocalized(doc, subtitle, MARGINS.left, doc.y, textWidth(doc), SUBTITLE, "center");
  space(doc, 8);
}

/** The title a document shows: a draft preview never prints a number. */
export function titleOf(chrome: TPdfChrome, draft: boolean): TLocalized {
  return draft ? chrome.draftTitle : chrome.title;
}
