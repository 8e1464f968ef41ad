/**
 * Unzips a container within the read limits and packs entries back for other
 * readers. The central directory is read first, so the entry count and the
 * declared sizes are checked before anything is inflated. A large entry is
 * then inflated in slices and stopped as soon as it outgrows its declared
 * size, so lying about its size gains nothing. A small one is inflated in one
 * call, which bounds a lie at about 66 MiB of output.
 */

import { Inflate, inflateSync, zipSync } from "fflate";
import { Mds2Error } from "../errors.js";
import { enforceLimit, type ReadLimits } from "./limits.js";

export type ZipEntries = Record<string, Uint8Array>;

interface DirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

// Compressed bytes pushed to the inflater at a time. Deflate expands at most
// about 1032 times, so one slice inflates to at most about 16 MiB.
const INFLATE_SLICE = 16 * 1024;

// Entries up to this compressed size inflate in one call, which skips the
// streaming inflater's buffer copies. Even one that lies about its size
// inflates to at most about 66 MiB before the overflow is found.
const ONE_CALL_MAX_COMPRESSED = 64 * 1024;

/** Inflates every entry of the zip `bytes` within `limits`. */
export function unzipWithLimits(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
): ZipEntries {
  const directory = readDirectory(bytes, file);
  enforceLimit("maxZipEntries", directory.length, limits, file);
  const declared = directory.reduce((sum, entry) => sum + entry.size, 0);
  enforceLimit("maxInflatedBytes", declared, limits, file);

  const entries: ZipEntries = {};
  for (const entry of directory) {
    if (entry.name.endsWith("/")) continue;
    entries[entry.name] = inflateEntry(bytes, entry, file);
  }
  return entries;
}

/**
 * Packs `entries` into a new zip without compression. Other readers get this
 * copy, so they never inflate more than the limits allowed.
 */
export function packEntries(entries: ZipEntries): Uint8Array {
  return zipSync(entries, { level: 0 });
}

function readDirectory(bytes: Uint8Array, file: string): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfDirectory(view);
  if (end < 0) {
    throw new Mds2Error(
      "input.truncated",
      "the zip container is truncated or damaged: its end-of-central-directory record is missing",
      { file, hint: "Download or copy the file again." },
    );
  }

  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: DirectoryEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (
      offset + 46 > bytes.length ||
      view.getUint32(offset, true) !== DIRECTORY_HEADER
    ) {
      throw damaged(file, "its central directory is cut short");
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const entry: DirectoryEntry = {
      name: new TextDecoder().decode(nameBytes),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      size: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    };
    const extra = bytes.subarray(
      offset + 46 + nameLength,
      offset + 46 + nameLength + extraLength,
    );
    applyZip64Extra(entry, extra);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Finds the end-of-central-directory record, which lies in the last 64 KiB + 22 bytes. */
function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let offset = last; offset >= first; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_DIRECTORY) return offset;
  }
  return -1;
}

/** Reads the 64-bit sizes and offset of the zip64 extra field (id 1), where the 32-bit ones are 0xFFFFFFFF. */
function applyZip64Extra(entry: DirectoryEntry, extra: Uint8Array): void {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let offset = 0; offset + 4 <= extra.length;) {
    const id = view.getUint16(offset, true);
    const length = view.getUint16(offset + 2, true);
    if (id === 1) {
      let field = offset + 4;
      const next = () => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === ZIP64_MARK) entry.size = next();
      if (entry.compressedSize === ZIP64_MARK) entry.compressedSize = next();
      if (entry.localHeaderOffset === ZIP64_MARK)
        entry.localHeaderOffset = next();
      return;
    }
    offset += 4 + length;
  }
}

function inflateEntry(
  bytes: Uint8Array,
  entry: DirectoryEntry,
  file: string,
): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (
    header + 30 > bytes.length ||
    view.getUint32(header, true) !== LOCAL_HEADER
  ) {
    throw damaged(file, `the entry ${entry.name} is missing`);
  }
  const start =
    header +
    30 +
    view.getUint16(header + 26, true) +
    view.getUint16(header + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize)
    throw damaged(file, `the entry ${entry.name} is cut short`);

  if (entry.method === 0) return data;
  if (entry.method !== 8) {
    throw damaged(
      file,
      `the entry ${entry.name} uses unsupported compression method ${entry.method}`,
    );
  }
  return inflateBounded(data, entry, file);
}

function inflateBounded(
  data: Uint8Array,
  entry: DirectoryEntry,
  file: string,
): Uint8Array {
  if (data.length <= ONE_CALL_MAX_COMPRESSED)
    return inflateInOneCall(data, entry, file);
  const output = new Uint8Array(entry.size);
  let written = 0;
  let overflow = false;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > output.length) {
      overflow = true;
      return;
    }
    output.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (
      let offset = 0;
      offset < data.length && !overflow;
      offset += INFLATE_SLICE
    ) {
      const end = Math.min(offset + INFLATE_SLICE, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    throw damaged(
      file,
      `the entry ${entry.name} does not inflate (${describe(error)})`,
      error,
    );
  }
  if (overflow) {
    throw damaged(
      file,
      `the entry ${entry.name} inflates to more than its declared ${entry.size} bytes`,
    );
  }
  return written === output.length ? output : output.subarray(0, written);
}

/**
 * Inflates a small entry into a buffer one byte longer than its declared
 * size. fflate drops the bytes that do not fit in a given buffer, so an
 * entry that inflates past its declared size comes back filling the spare
 * byte.
 */
function inflateInOneCall(
  data: Uint8Array,
  entry: DirectoryEntry,
  file: string,
): Uint8Array {
  // fflate hands back the given buffer whole for empty input.
  if (data.length === 0) return new Uint8Array(0);
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(data, { out: new Uint8Array(entry.size + 1) });
  } catch (error) {
    throw damaged(
      file,
      `the entry ${entry.name} does not inflate (${describe(error)})`,
      error,
    );
  }
  if (inflated.length > entry.size) {
    throw damaged(
      file,
      `the entry ${entry.name} inflates to more than its declared ${entry.size} bytes`,
    );
  }
  return inflated;
}

function damaged(file: string, reason: string, cause?: unknown): Mds2Error {
  return new Mds2Error(
    "input.truncated",
    `the zip container is damaged: ${reason}`,
    {
      file,
      hint: "Download or copy the file again.",
      cause,
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
