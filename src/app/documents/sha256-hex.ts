import { createHash } from "node:crypto";

/** Hex SHA-256 of bytes: what a stored document keeps to prove its content unchanged. */
export function sha256Hex(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}
