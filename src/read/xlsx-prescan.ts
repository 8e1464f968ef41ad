/**
 * Scans the parts of an OOXML workbook before the grid readers see them:
 * confirms it is a workbook, counts cells, clamps data validations that cover
 * whole columns and decides whether exceljs, the fallback reader, can read it
 * at all.
 */

import { strFromU8, strToU8 } from "fflate";
import { Mds2Error } from "../errors.js";
import { enforceLimit, type ReadLimits } from "./limits.js";
import { isWordCharacter, sheetNamesByPart } from "./ooxml-parts.js";
import type { ZipEntries } from "./zip.js";

/** Reason a workbook goes to SheetJS alone, without exceljs as the fallback. */
export type FallbackReason = "prefixed-namespace" | "iso-date-cells";

export interface Prescan {
  /** The entries to read, with oversized data validation ranges clamped. */
  entries: ZipEntries;
  /** True when some data validation range was clamped. */
  changed: boolean;
  /** Reasons exceljs 4.4.0 would misread the workbook; empty when it is safe. */
  fallbackReasons: FallbackReason[];
  cellCount: number;
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

// exceljs 4.4.0 expands every data validation range into one entry per cell,
// so a list on B1:J1048576 takes minutes and gigabytes. Ranges are clamped to
// the cells the sheet uses once a sheet's validations cover more than this.
const MAX_VALIDATED_CELLS = 100_000;

/** Result of `checkWorkbook` for a workbook that passed its checks. */
export interface CheckedWorkbook {
  /** Decoded worksheet parts (`xl/worksheets/*.xml`), by part name. */
  sheetXml: Map<string, string>;
  cellCount: number;
}

/**
 * Confirms the `entries` of `file` are a workbook within the cell limit
 * whose string cells have a shared strings part. Throws `Mds2Error`
 * otherwise. Returns the decoded sheet parts, so later steps need not
 * decode them again.
 */
export function checkWorkbook(
  entries: ZipEntries,
  file: string,
  limits: ReadLimits,
): CheckedWorkbook {
  requireWorkbookParts(entries, file);

  let cellCount = 0;
  const sheetXml = new Map<string, string>();
  for (const [name, data] of Object.entries(entries)) {
    if (!SHEET_PART.test(name)) continue;
    const xml = strFromU8(data);
    cellCount += countCells(xml);
    enforceLimit("maxCells", cellCount, limits, file);
    requireSharedStrings(entries, name, xml, file);
    sheetXml.set(name, xml);
  }
  return { sheetXml, cellCount };
}

/**
 * Checks and prepares the workbook `entries` of `file` for the grid readers.
 * `checked` is the result of `checkWorkbook` when the caller has it already.
 */
export function prescanWorkbook(
  entries: ZipEntries,
  file: string,
  limits: ReadLimits,
  checked: CheckedWorkbook = checkWorkbook(entries, file, limits),
): Prescan {
  const fallbackReasons = new Set<FallbackReason>();
  const workbookXml = strFromU8(entries["xl/workbook.xml"]!);
  // The .NET OpenXML SDK writes `<x:workbook>`; exceljs 4.4.0 then fails with
  // "Cannot read properties of undefined (reading 'sheets')".
  if (/<[A-Za-z_][\w.-]*:workbook[\s>]/.test(workbookXml)) {
    fallbackReasons.add("prefixed-namespace");
  }

  let changed = false;
  const prepared: ZipEntries = { ...entries };
  for (const [name, xml] of checked.sheetXml) {
    // exceljs 4.4.0 reads an ISO-date cell (`t="d"`) as a bare year number.
    if (/<(?:\w+:)?c\b[^>]*\bt="d"/.test(xml)) {
      fallbackReasons.add("iso-date-cells");
    }
    if (/<[A-Za-z_][\w.-]*:worksheet[\s>]/.test(xml)) {
      fallbackReasons.add("prefixed-namespace");
    }

    const clamped = clampDataValidations(xml);
    if (clamped !== xml) {
      prepared[name] = strToU8(clamped);
      changed = true;
    }
  }

  return {
    entries: prepared,
    changed,
    fallbackReasons: [...fallbackReasons],
    cellCount: checked.cellCount,
  };
}

function requireWorkbookParts(entries: ZipEntries, file: string): void {
  const missing = ["[Content_Types].xml", "xl/workbook.xml"].filter(
    (name) => entries[name] === undefined,
  );
  if (missing.length === 0) return;
  const isWord = entries["word/document.xml"] !== undefined;
  const isSlides = entries["ppt/presentation.xml"] !== undefined;
  const kind = isWord
    ? " (a Word document)"
    : isSlides
      ? " (a PowerPoint file)"
      : "";
  throw new Mds2Error(
    "input.unsupported-format",
    `zip file but not a workbook${kind}: ${missing.join(" and ")} missing`,
    {
      file,
      hint: "Save the MDS2 form as .xlsx from the spreadsheet application.",
    },
  );
}

/**
 * Rejects string cells that point into a missing shared strings part:
 * exceljs 4.4.0 would read the index as the text and SheetJS drops the sheet.
 */
function requireSharedStrings(
  entries: ZipEntries,
  part: string,
  xml: string,
  file: string,
): void {
  const names = Object.keys(entries);
  if (names.some((name) => /^xl\/sharedStrings\.xml$/i.test(name))) return;
  const cell = /<(?:\w+:)?c\b[^>]*\bt="s"[^>]*>/.exec(xml);
  if (!cell) return;
  const reference = /\br="([A-Z]+\d+)"/.exec(cell[0])?.[1] ?? "";
  const sheet = sheetNamesByPart(entries).get(part) ?? part;
  throw new Mds2Error(
    "input.invalid",
    "the cell refers to a shared string, but the workbook has no shared strings part",
    {
      file,
      location: `${sheet}!${reference}`,
      hint: "Open the file in a spreadsheet application and save it again as .xlsx.",
    },
  );
}

/**
 * Counts the cell start tags, `<c` or `<prefix:c` followed by white space,
 * `>` or `/`: the matches of `<(?:\w+:)?c[\s>/]`, counted without building
 * an array of them.
 */
function countCells(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf("<"); at >= 0; at = xml.indexOf("<", at + 1)) {
    let name = at + 1;
    let code = xml.charCodeAt(name);
    if (code !== 99) {
      while (isWordCharacter(code)) code = xml.charCodeAt(++name);
      if (code !== 58 || name === at + 1) continue;
      code = xml.charCodeAt(++name);
      if (code !== 99) continue;
    }
    if (isCellNameEnd(xml.charCodeAt(name + 1))) count += 1;
  }
  return count;
}

/** White space as the pattern `\s` matches it, `>` or `/`. */
function isCellNameEnd(code: number): boolean {
  return (
    code === 62 ||
    code === 47 ||
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0xfeff ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

interface Extent {
  lastRow: number;
  lastColumn: number;
}

/**
 * Clamps the `sqref` ranges of the sheet's data validations to the cells the
 * sheet uses, when together they cover more than `MAX_VALIDATED_CELLS`. A
 * validation with no range left is removed.
 */
export function clampDataValidations(xml: string): string {
  const validations = [
    ...xml.matchAll(/<(?:\w+:)?dataValidation\b[^>]*\bsqref="([^"]*)"/g),
  ];
  if (validations.length === 0) return xml;
  const covered = validations.reduce(
    (sum, match) => sum + countRangeCells(match[1]!),
    0,
  );
  if (covered <= MAX_VALIDATED_CELLS) return xml;

  const extent = usedExtent(xml);
  const withClampedRanges = xml.replace(
    /(<(?:\w+:)?dataValidation\b[^>]*\bsqref=")([^"]*)(")/g,
    (_whole, before: string, sqref: string, after: string) =>
      `${before}${clampSqref(sqref, extent)}${after}`,
  );
  // Drop validations left without a range, whether written with a body or self-closed.
  return withClampedRanges
    .replace(/<((?:\w+:)?dataValidation)\b[^>]*\bsqref=""[^>]*\/>/g, "")
    .replace(
      /<((?:\w+:)?dataValidation)\b[^>]*\bsqref=""[^>]*>[\s\S]*?<\/\1>/g,
      "",
    );
}

function clampSqref(sqref: string, extent: Extent): string {
  const clamped: string[] = [];
  for (const range of sqref.trim().split(/\s+/)) {
    const parsed = parseRange(range);
    if (!parsed) continue;
    const lastRow = Math.min(parsed.lastRow, extent.lastRow);
    const lastColumn = Math.min(parsed.lastColumn, extent.lastColumn);
    if (parsed.firstRow > lastRow || parsed.firstColumn > lastColumn) continue;
    clamped.push(
      `${columnName(parsed.firstColumn)}${parsed.firstRow}:${columnName(lastColumn)}${lastRow}`,
    );
  }
  return clamped.join(" ");
}

function usedExtent(xml: string): Extent {
  let lastRow = 1;
  let lastColumn = 1;
  for (const match of xml.matchAll(/<(?:\w+:)?c\b[^>]*\br="([A-Z]+)(\d+)"/g)) {
    lastColumn = Math.max(lastColumn, columnNumber(match[1]!));
    lastRow = Math.max(lastRow, Number(match[2]));
  }
  return { lastRow, lastColumn };
}

interface Range {
  firstColumn: number;
  firstRow: number;
  lastColumn: number;
  lastRow: number;
}

function parseRange(text: string): Range | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(
    text,
  );
  if (!match) return undefined;
  const firstColumn = columnNumber(match[1]!);
  const firstRow = Number(match[2]);
  return {
    firstColumn,
    firstRow,
    lastColumn: match[3] ? columnNumber(match[3]) : firstColumn,
    lastRow: match[4] ? Number(match[4]) : firstRow,
  };
}

function countRangeCells(sqref: string): number {
  let count = 0;
  for (const text of sqref.trim().split(/\s+/)) {
    const range = parseRange(text);
    if (!range) continue;
    count +=
      (range.lastRow - range.firstRow + 1) *
      (range.lastColumn - range.firstColumn + 1);
  }
  return count;
}

/** `A` → 1, `AA` → 27. */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters)
    number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/** 1 → `A`, 27 → `AA`. */
export function columnName(number: number): string {
  let name = "";
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  }
  return name;
}
