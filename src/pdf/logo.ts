import { readFileSync } from "node:fs";

// The institution's logo (UNIVERSITY_LOGO): read once at start, refused at once with a clear
// message when it is not a PNG or a JPEG (the two formats pdfkit embeds).

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

/** True for the bytes of a PNG or a JPEG file. */
export function isPngOrJpeg(bytes: Uint8Array): boolean {
  return startsWith(bytes, PNG) || startsWith(bytes, JPEG);
}

/** The logo's bytes, none without a path; throws a message naming the variable when the file is unusable. */
export function loadInstitutionLogo(path: string | undefined): Uint8Array | null {
  if (path === undefined) return null;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new Error(`UNIVERSITY_LOGO: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!isPngOrJpeg(bytes)) throw new Error(`UNIVERSITY_LOGO: ${path} is neither a PNG nor a JPEG file`);
  return bytes;
}
