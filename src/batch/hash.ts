/** Hashes batch inputs in the main thread before they are dispatched. */

import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";

/** Files up to this size are read whole and handed to the worker; larger ones are streamed. */
export const READ_WHOLE_LIMIT = 16 * 1024 * 1024;

export interface HashedFile {
  sha256: string;
  size: number;
  /** The file's bytes, kept when the file is small enough to pass to the worker. */
  bytes?: Uint8Array;
}

/** Reads `file` and returns its SHA-256, streaming files above `READ_WHOLE_LIMIT`. */
export async function hashFile(file: string): Promise<HashedFile> {
  const { size } = await stat(file);

  if (size <= READ_WHOLE_LIMIT) {
    const bytes = await readFile(file);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    return { sha256, size: bytes.length, bytes };
  }

  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return { sha256: hash.digest("hex"), size };
}
