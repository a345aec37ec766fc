import { encodePng } from "./png.ts";

// The app's two icons, drawn at build time: a sheet of paper with a check mark (a convention
// validated). Teams wants color.png 192×192 (the accent colour full bleed, the drawing white)
// and outline.png 32×32 (white on transparent). Shapes are distance functions sampled 4×4 per
// pixel, so the edges are smooth at both sizes.

/** The accent colour of the app (manifest `accentColor`, background of color.png). */
export const ACCENT_COLOR = "#1F5A96";

type TPoint = readonly [number, number];

function segmentDistance(p: TPoint, a: TPoint, b: TPoint): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

// Signed distance to a rounded rectangle centred at (cx, cy), negative inside.
function roundedBoxDistance(p: TPoint, cx: number, cy: number, halfWidth: number, halfHeight: number, radius: number): number {
  const qx = Math.abs(p[0] - cx) - (halfWidth - radius);
  const qy = Math.abs(p[1] - cy) - (halfHeight - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

const CHECK_START: TPoint = [0.37, 0.53];
const CHECK_CORNER: TPoint = [0.47, 0.63];
const CHECK_END: TPoint = [0.64, 0.41];

/** True when the point (unit square) is on the drawing: the sheet's outline or the check mark. */
function onDrawing(p: TPoint, stroke: number): boolean {
  const sheet = Math.abs(roundedBoxDistance(p, 0.5, 0.5, 0.23, 0.3, 0.05)) <= stroke / 2;
  const check = Math.min(segmentDistance(p, CHECK_START, CHECK_CORNER), segmentDistance(p, CHECK_CORNER, CHECK_END)) <= stroke / 2;
  return sheet || check;
}

/** How much of each pixel the drawing covers, 0 to 1, row by row. */
function coverage(size: number, strokePixels: number): Float64Array {
  const samples = 4;
  const cover = new Float64Array(size * size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          if (onDrawing([(x + (sx + 0.5) / samples) / size, (y + (sy + 0.5) / samples) / size], strokePixels / size)) hits += 1;
        }
      }
      cover[y * size + x] = hits / (samples * samples);
    }
  }
  return cover;
}

function hexColor(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** color.png: 192×192, opaque, white drawing on the accent colour. */
export function colorIcon(): Buffer {
  const size = 192;
  const [r, g, b] = hexColor(ACCENT_COLOR);
  const cover = coverage(size, 10);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, index) => rgba.set([r + (255 - r) * c, g + (255 - g) * c, b + (255 - b) * c, 255].map(Math.round), index * 4));
  return encodePng(size, size, rgba);
}

/** outline.png: 32×32, white drawing, transparent everywhere else (alpha carries the edges). */
export function outlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size, 2.5);
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, index) => rgba.set([255, 255, 255, Math.round(255 * c)], index * 4));
  return encodePng(size, size, rgba);
}
