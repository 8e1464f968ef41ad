/** Sniffs a file's container format from its first bytes; the file name is never trusted. */

export type Container = "zip" | "ole" | "pdf" | "text" | "unknown";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// Byte order marks of UTF-8, UTF-16 LE and UTF-16 BE text; UTF-16 text is
// full of zero bytes, so it is recognized by its mark before the byte count.
const TEXT_MARKS = [
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Share of bytes in the first 4 KiB that plain text would not contain. */
function binaryShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 4096);
  let binary = 0;
  for (const byte of sample) {
    if (byte === 0 || byte < 0x09 || (byte > 0x0d && byte < 0x20)) binary += 1;
  }
  return sample.length === 0 ? 0 : binary / sample.length;
}

export function sniffContainer(bytes: Uint8Array): Container {
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) return "zip";
  if (startsWith(bytes, OLE)) return "ole";
  if (TEXT_MARKS.some((mark) => startsWith(bytes, mark))) return "text";
  // PDF readers accept a `%PDF-` header anywhere in the first 1 KiB.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  if (binaryShare(bytes) < 0.01) return "text";
  return "unknown";
}
