/**
 * Allocates each disclosure's output folder under `devices/` without
 * collisions, and cleans a reused folder after a reassessment.
 */

import { rm } from "node:fs/promises";
import path from "node:path";
import type { Disclosure } from "../model/disclosure.js";
import { safeSegment } from "./safe-name.js";

export const DEVICES_FOLDER = "devices";

export class DeviceFolders {
  // Lower-cased, because Windows and macOS file systems ignore case by default.
  readonly #taken = new Set<string>();

  /** `taken`: folders recorded by earlier runs, relative to the output folder. */
  constructor(taken: Iterable<string> = []) {
    for (const folder of taken) this.#taken.add(folder.toLowerCase());
  }

  /**
   * Returns a new folder, relative to the output folder with `/`:
   * `devices/<manufacturer>/<model>/<document ID, or the first 12 hex digits of
   * the SHA-256>`. When another file already has that folder, a short SHA-256
   * prefix is appended.
   */
  allocate(disclosure: Disclosure, sha256: string): string {
    const { manufacturer, model, documentId } = disclosure.device;
    const base = [
      DEVICES_FOLDER,
      safeSegment(manufacturer, "unknown-manufacturer"),
      safeSegment(model, "unknown-model"),
      safeSegment(documentId, sha256.slice(0, 12)),
    ].join("/");

    const candidates = [
      base,
      `${base}-${sha256.slice(0, 8)}`,
      `${base}-${sha256.slice(0, 16)}`,
    ];
    const free =
      candidates.find(
        (candidate) => !this.#taken.has(candidate.toLowerCase()),
      ) ?? `${base}-${sha256}`;
    this.#taken.add(free.toLowerCase());
    return free;
  }
}

/** Returns whether `relative`, resolved against `outputDir`, is a path inside it. */
export function isInsideFolder(outputDir: string, relative: string): boolean {
  const inside = path.relative(outputDir, path.resolve(outputDir, relative));
  return (
    inside !== "" &&
    inside.split(path.sep)[0] !== ".." &&
    !path.isAbsolute(inside)
  );
}

/**
 * Deletes the files an earlier record of a disclosure lists and `outputs`
 * does not, e.g. the HTML report after `--format json`. Paths are relative
 * to `outputDir`. Only files directly in the earlier device folder, itself
 * inside `outputDir`, are deleted. Returns the files it could not delete.
 */
export async function removeStaleOutputs(
  outputDir: string,
  earlier: { outputDir: string; outputs: readonly string[] },
  outputs: readonly string[],
): Promise<string[]> {
  if (!isInsideFolder(outputDir, earlier.outputDir)) return [];
  const folder = path.resolve(outputDir, earlier.outputDir);
  const current = new Set(outputs);
  const failed: string[] = [];

  for (const output of earlier.outputs) {
    const file = path.resolve(outputDir, output);
    if (current.has(output) || path.dirname(file) !== folder) continue;
    try {
      await rm(file, { force: true });
    } catch {
      failed.push(output);
    }
  }
  return failed;
}
