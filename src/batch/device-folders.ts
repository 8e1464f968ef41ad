/** Allocates each disclosure's output folder under `devices/` without collisions. */

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
