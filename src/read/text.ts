/**
 * Plain-text and Markdown renderings of a form: decoded to lines, each with
 * its `line N` location.
 */

import { parse } from "csv-parse/sync";
import { toColumnLetters } from "./cell-address.js";
import type { CellText, SourceContent, TextLine } from "./source-content.js";

/**
 * Reads text `bytes` into numbered lines, or into a grid when the text is a
 * delimited table with a `Question ID` header (a workbook saved as CSV).
 */
export async function readText(
  bytes: Uint8Array,
  _file?: string,
): Promise<SourceContent> {
  const text = decodeText(bytes);
  const table = readDelimitedTable(text);
  if (table) return table;
  const lines: TextLine[] = splitLines(text).map((line, index) => ({
    text: line,
    location: `line ${index + 1}`,
  }));
  return { kind: "lines", format: "text", lines, problems: [] };
}

/**
 * Decodes text by its byte order mark (UTF-8, UTF-16 LE or BE). Text without
 * a mark is read as UTF-8 when the bytes are valid UTF-8, else as
 * Windows-1252, the usual encoding of Western "ANSI" text.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

// Windows-1252 differs from ISO-8859-1 only in 0x80-0x9F. Node 20's
// TextDecoder("windows-1252") decodes that range as ISO-8859-1 control
// characters, so the range is mapped here; undefined bytes stay as they are.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030,
  0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e,
  0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    const codes = Array.from(chunk, (byte) =>
      byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : byte,
    );
    text += String.fromCharCode(...codes);
  }
  return text;
}

/** Splits on CRLF, CR or LF. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Name of the one sheet of a delimited table, used in cell locations. */
export const DELIMITED_SHEET = "csv";

// A header cell that only an MDS2 table has; without it the text stays
// lines, because `ID,question: answer` renderings are comma-separated too.
const TABLE_HEADER = /^[ \t]*"?question id"?[ \t]*([,;\t])/im;

function readDelimitedTable(text: string): SourceContent | undefined {
  const header = TABLE_HEADER.exec(text);
  if (!header) return undefined;
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: header[1],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch {
    return undefined;
  }
  const rows = records.map((record, rowIndex) =>
    record.map((value, columnIndex): CellText | undefined =>
      value.trim() === ""
        ? undefined
        : {
            text: value,
            location: `${DELIMITED_SHEET}!${toColumnLetters(columnIndex)}${rowIndex + 1}`,
          },
    ),
  );
  return {
    kind: "grid",
    format: "text",
    sheets: [{ name: DELIMITED_SHEET, rows }],
    problems: [],
  };
}
