/** Bytes or a file path to a normalized `Disclosure`: read → recognize → normalize. */

import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { Mds2Error } from "./errors.js";
import { recognize } from "./forms/index.js";
import type { Disclosure, Source } from "./model/disclosure.js";
import { normalize } from "./normalize/index.js";
import { readSource, type ReadOptions } from "./read/index.js";
import { enforceLimit, readLimits, type ReadLimits } from "./read/limits.js";

/** The name `parseFile("-")` gives standard input in records and messages. */
export const STDIN_NAME = "stdin";

/** Parses the MDS2 form in `bytes`; `file` names it in the record and in errors. */
export async function parseDisclosure(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<Disclosure> {
  const content = await readSource(bytes, file, options);
  const raw = recognize(content, file);
  const source: Source = {
    file,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    format: content.format,
    size: bytes.length,
  };
  return normalize(raw, source);
}

/** Parses the MDS2 form at `path`; `-` reads standard input. */
export async function parseFile(
  path: string,
  options: ReadOptions = {},
): Promise<Disclosure> {
  const bytes = await readInput(path, options);
  return parseDisclosure(bytes, path === "-" ? STDIN_NAME : path, options);
}

/**
 * Reads a file, or standard input for `-`, with a one-line error when that
 * fails. The size limit is checked before the file is loaded.
 */
export async function readInput(
  path: string,
  options: ReadOptions = {},
): Promise<Uint8Array> {
  const limits = options.limits ?? readLimits();
  if (path === "-") return readStdin(limits);
  try {
    const info = await stat(path);
    if (info.isFile()) enforceLimit("maxInputBytes", info.size, limits, path);
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new Mds2Error("input.not-found", "file not found", {
        file: path,
        hint: "Check the path.",
      });
    }
    if (code === "EISDIR") {
      throw new Mds2Error("input.invalid", "is a folder, not a file", {
        file: path,
        hint: "Use mds2 batch to read every form in a folder.",
      });
    }
    if (code === "EACCES" || code === "EPERM") {
      throw new Mds2Error("input.invalid", "permission denied", { file: path });
    }
    throw error;
  }
}

/** Reads standard input, stopping as soon as it passes the input size limit. */
async function readStdin(limits: ReadLimits): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    enforceLimit("maxInputBytes", size, limits, STDIN_NAME);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
