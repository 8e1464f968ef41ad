import { randomBytes } from "node:crypto";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { Mds2Error } from "../../src/errors.js";
import { readLimits } from "../../src/read/limits.js";
import { unzipWithLimits } from "../../src/read/zip.js";

const DIRECTORY_HEADER = 0x02014b50;

/** Zips `data` as `entry.bin` and, when `declaredSize` is given, writes it as the entry's size in the central directory. */
function zipWithDeclaredSize(data: Uint8Array, declaredSize?: number) {
  const zip = zipSync({ "entry.bin": data }, { level: 6 });
  if (declaredSize === undefined) return zip;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let offset = zip.length - 22; offset >= 0; offset -= 1) {
    if (view.getUint32(offset, true) === DIRECTORY_HEADER) {
      view.setUint32(offset + 24, declaredSize, true);
      return zip;
    }
  }
  throw new Error("no central directory header");
}

// Zeros compress to about a thousandth of their size, random bytes not at
// all: the first goes through the one-call inflate, the second through the
// sliced one.
const entries: [string, Uint8Array][] = [
  ["small compressed entry", new Uint8Array(200_000)],
  ["large compressed entry", new Uint8Array(randomBytes(200_000))],
];

describe("unzipWithLimits", () => {
  it.each(entries)("inflates a %s", (_kind, data) => {
    const unzipped = unzipWithLimits(
      zipWithDeclaredSize(data),
      "book.xlsx",
      readLimits({}),
    );
    expect(unzipped["entry.bin"]).toEqual(data);
  });

  it.each(entries)("rejects a %s larger than declared", (_kind, data) => {
    let caught: unknown;
    try {
      unzipWithLimits(
        zipWithDeclaredSize(data, 1000),
        "book.xlsx",
        readLimits({}),
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Mds2Error);
    expect((caught as Mds2Error).code).toBe("input.truncated");
    expect((caught as Mds2Error).message).toMatch(
      /entry\.bin inflates to more than its declared 1000 bytes/,
    );
  });
});
