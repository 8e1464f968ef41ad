/** Writes a file from a stream, atomically, for outputs too large to build in memory. */

import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { finished } from "node:stream/promises";

/**
 * Lets `write` fill a temporary file beside `target`, flushes it to disk,
 * then renames it to `target`, so readers see the old file or the whole new
 * one. On failure the temporary file is removed and the error is rethrown.
 * `write` may end the stream itself or leave it open.
 *
 * write-file-atomic does the same for content held in memory; it has no
 * stream interface (version 6).
 */
export async function writeFileStreamed(
  target: string,
  write: (output: NodeJS.WritableStream) => Promise<void>,
): Promise<void> {
  const temp = `${target}.${randomBytes(6).toString("hex")}.tmp`;
  // `flush` syncs the data to disk before the file is closed.
  const output = createWriteStream(temp, { flags: "wx", flush: true });
  // Listens from the start, so an error on opening is caught before `write` runs.
  const closed = finished(output);
  try {
    await Promise.race([write(output), closed]);
    output.end();
    await closed;
    await rename(temp, target);
  } catch (error) {
    output.destroy();
    await closed.catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}
