/** Atomic writing of a report's files into one folder under a sanitized base name. */

import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import writeFileAtomic from "write-file-atomic";
import { Mds2Error } from "../errors.js";
import type { Disclosure } from "../model/disclosure.js";
import type { RenderedFile } from "./index.js";

/** Maximum base name length, leaving room for suffixes within the usual 255-byte name limit. */
export const MAX_BASE_NAME_LENGTH = 100;

const FALLBACK_BASE_NAME = "mds2-report";

// Device names that Windows reserves whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * Reduces `text` to ASCII letters, digits, `-` and `_`: accents are dropped,
 * every other run of characters becomes one `-`, and the result is cut to
 * `maxLength`. Returns an empty string when nothing usable is left.
 */
export function sanitizeFileName(
  text: string,
  maxLength = MAX_BASE_NAME_LENGTH,
): string {
  const ascii = text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const name = ascii
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, maxLength)
    .replace(/[-_]+$/, "");
  return WINDOWS_RESERVED.test(name) ? `_${name}` : name;
}

/**
 * Returns `manufacturer-model-documentId` sanitized, leaving out parts the
 * disclosure does not give, or the source file's base name when no part is
 * usable.
 */
export function reportBaseName(disclosure: Disclosure): string {
  const { manufacturer, model, documentId } = disclosure.device;
  const parts = [manufacturer, model, documentId]
    .map((part) => sanitizeFileName(part ?? ""))
    .filter((part) => part !== "");
  const fromDevice = sanitizeFileName(parts.join("-"));
  if (fromDevice) return fromDevice;

  const sourceName = path.basename(
    disclosure.source.file.replaceAll("\\", "/"),
  );
  const stem = sourceName.replace(/\.[^.]*$/, "");
  return sanitizeFileName(stem) || FALLBACK_BASE_NAME;
}

/**
 * Throws when `target` already exists and is one of `inputs` (the same file
 * through any path or hard link), because inputs are never modified. `-`
 * (standard input) and inputs that cannot be read are skipped.
 */
export async function rejectInputAsOutput(
  target: string,
  inputs: readonly string[],
): Promise<void> {
  const targetStats = await stat(target).catch(() => undefined);
  if (!targetStats) return;

  for (const input of inputs) {
    if (input === "-" || input === "") continue;
    const inputStats = await stat(input).catch(() => undefined);
    if (
      inputStats &&
      inputStats.dev === targetStats.dev &&
      inputStats.ino === targetStats.ino
    ) {
      throw new Mds2Error(
        "output.failed",
        "the output file would replace the input file",
        {
          file: target,
          hint: "Choose another output file or folder with -o.",
        },
      );
    }
  }
}

/**
 * Writes each file as `folder/baseName+suffix`, creating the folder, each
 * through a temporary file renamed into place. Writes nothing when a target
 * is one of `inputs`. Returns the written paths.
 */
export async function writeOutputs(
  folder: string,
  baseName: string,
  files: readonly RenderedFile[],
  inputs: readonly string[] = [],
): Promise<string[]> {
  const safeBase = sanitizeFileName(baseName) || FALLBACK_BASE_NAME;
  const suffixes = new Set<string>();
  for (const file of files) {
    if (
      !/^(\.[A-Za-z0-9_-]+)+$/.test(file.suffix) ||
      suffixes.has(file.suffix)
    ) {
      throw new Error(`invalid or repeated output suffix "${file.suffix}"`);
    }
    suffixes.add(file.suffix);
  }

  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw outputError(folder, "cannot create the output folder", error);
  }

  const targets = files.map((file) =>
    path.join(folder, `${safeBase}${file.suffix}`),
  );
  for (const target of targets) await rejectInputAsOutput(target, inputs);

  const written: string[] = [];
  for (const [index, file] of files.entries()) {
    const target = targets[index]!;
    try {
      await writeFileAtomic(target, toWritable(file.content));
    } catch (error) {
      throw outputError(target, "cannot write the output file", error);
    }
    written.push(target);
  }
  return written;
}

function toWritable(content: string | Uint8Array): string | Buffer {
  if (typeof content === "string") return content;
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

function outputError(file: string, message: string, cause: unknown): Mds2Error {
  const reason = (cause as NodeJS.ErrnoException | undefined)?.code;
  return new Mds2Error(
    "output.failed",
    reason ? `${message} (${reason})` : message,
    {
      file,
      hint: "Choose a writable folder with -o.",
      cause,
    },
  );
}
