import { crc32, inflateSync } from "node:zlib";

// Reads a PNG's header and, for 8-bit RGBA without row filters (what the icons use), its pixels.
// Every chunk's CRC is checked.

export interface TPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** RGBA bytes, row by row; null when the image is not 8-bit RGBA with filter 0 rows. */
  rgba: Buffer | null;
}

export function readPng(file: Buffer): TPng {
  if (!file.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) throw new Error("not a PNG");
  let at = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (at < file.length) {
    const length = file.readUInt32BE(at);
    const type = file.subarray(at + 4, at + 8).toString("latin1");
    const body = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) throw new Error(`${type}: bad CRC`);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    at += 12 + length;
    if (type === "IEND") break;
  }
  if (header === null) throw new Error("no IHDR");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const bitDepth = header.readUInt8(8);
  const colorType = header.readUInt8(9);
  let rgba: Buffer | null = null;
  if (bitDepth === 8 && colorType === 6) {
    const rows = inflateSync(Buffer.concat(data));
    const stride = width * 4 + 1;
    if (rows.length === stride * height && Array.from({ length: height }, (_, y) => rows[y * stride]).every((filter) => filter === 0)) {
      rgba = Buffer.concat(Array.from({ length: height }, (_, y) => rows.subarray(y * stride + 1, (y + 1) * stride)));
    }
  }
  return { width, height, bitDepth, colorType, rgba };
}
