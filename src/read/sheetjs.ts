/**
 * Grid reader on SheetJS CE (`@e965/xlsx`) for .xlsx and legacy .xls (BIFF8)
 * workbooks. Produces the same grid as the exceljs fallback reader: text per
 * cell, `Sheet!C14` locations, dates as ISO text, merged text at the master
 * cell only.
 */

import * as XLSX from "@e965/xlsx";
import { Mds2Error } from "../errors.js";
import type { Problem, SourceFormat } from "../model/disclosure.js";
import { enforceLimit, type ReadLimits } from "./limits.js";
import type { CellText, Sheet, SourceContent } from "./source-content.js";
import { columnName } from "./xlsx-prescan.js";

/** Reads the workbook `bytes` with SheetJS into a grid. */
export function readWithSheetJS(
  bytes: Uint8Array,
  file: string,
  format: SourceFormat,
  limits: ReadLimits,
): SourceContent & { kind: "grid" } {
  const workbook = parseWorkbook(bytes, file);

  let cellCount = 0;
  const sheets: Sheet[] = [];
  const problems: Problem[] = [];
  for (const name of workbook.SheetNames) {
    const worksheet = workbook.Sheets[name];
    if (!worksheet) {
      // SheetJS 0.20.3 leaves out a sheet it fails to parse, for example one
      // with a shared string index out of range, and reports nothing.
      problems.push({
        code: "sheet.unreadable",
        severity: "warning",
        message: `the sheet "${name}" could not be read, so its cells are missing. A damaged cell, such as a shared string index out of range, can cause this`,
        location: name,
      });
      sheets.push({ name, rows: [] });
      continue;
    }
    const sheet = readSheet(name, worksheet);
    cellCount += sheet.rows.reduce((sum, row) => sum + row.length, 0);
    enforceLimit("maxCells", cellCount, limits, file);
    sheets.push(sheet);
  }
  return { kind: "grid", format, sheets, problems };
}

function parseWorkbook(bytes: Uint8Array, file: string): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: "buffer",
      dense: true,
      // Date-formatted serials and ISO-date cells come back as Date objects
      // whose UTC reading is the date shown in the spreadsheet.
      cellDates: true,
      UTC: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/password/i.test(reason)) throw encryptedWorkbookError(file, error);
    throw new Mds2Error(
      "input.invalid",
      `the workbook could not be read (${reason})`,
      {
        file,
        hint: "Open the file in a spreadsheet application and save it again as .xlsx.",
        cause: error,
      },
    );
  }
}

/** Builds the error for a workbook saved with "encrypt with password". */
export function encryptedWorkbookError(
  file: string,
  cause?: unknown,
): Mds2Error {
  return new Mds2Error(
    "input.encrypted",
    "encrypted workbook: a password is required",
    {
      file,
      hint: "Save an unencrypted copy of the workbook and read that.",
      cause,
    },
  );
}

function readSheet(name: string, worksheet: XLSX.WorkSheet): Sheet {
  const data = (worksheet["!data"] ?? []) as (XLSX.CellObject | undefined)[][];
  clearMergedCells(data, worksheet["!merges"]);
  const rows: (CellText | undefined)[][] = [];
  data.forEach((row, rowIndex) => {
    if (!row) return;
    const cells: (CellText | undefined)[] = [];
    row.forEach((cell, columnIndex) => {
      const text = cell ? cellText(cell) : "";
      if (text === "") return;
      cells[columnIndex] = {
        text,
        location: `${name}!${columnName(columnIndex + 1)}${rowIndex + 1}`,
      };
    });
    if (cells.length > 0) rows[rowIndex] = cells;
  });
  // A dense array may have holes: make every row an array, as the grid type expects.
  for (let index = 0; index < rows.length; index += 1) rows[index] ??= [];
  return { name, rows };
}

/**
 * Empties the cells a merged range covers besides its master (top-left)
 * cell. A merged range keeps its text at the master cell only, so a merged
 * heading is not repeated, whatever the file stores in the other cells. Only
 * cells that exist are visited, so a whole-column merge costs no more than
 * the sheet's own cells.
 */
function clearMergedCells(
  data: (XLSX.CellObject | undefined)[][],
  merges: XLSX.Range[] | undefined,
): void {
  for (const { s: start, e: end } of merges ?? []) {
    const lastRow = Math.min(end.r, data.length - 1);
    for (let rowIndex = start.r; rowIndex <= lastRow; rowIndex += 1) {
      const row = data[rowIndex];
      if (!row) continue;
      const lastColumn = Math.min(end.c, row.length - 1);
      for (let column = start.c; column <= lastColumn; column += 1) {
        if (rowIndex !== start.r || column !== start.c) row[column] = undefined;
      }
    }
  }
}

/** Text of one cell: strings as stored, dates as ISO text, numbers unformatted. */
export function cellText(cell: XLSX.CellObject): string {
  switch (cell.t) {
    case "s":
      return String(cell.v ?? "");
    case "d":
      return cell.v instanceof Date ? isoDate(cell.v) : String(cell.v ?? "");
    case "n":
      return typeof cell.v === "number" ? String(cell.v) : "";
    case "b":
      return cell.v ? "TRUE" : "FALSE";
    case "e":
      return cell.w ?? "";
    default:
      return cell.w ?? (cell.v === undefined ? "" : String(cell.v));
  }
}

/** `2019-10-09` for a midnight date, else `2019-10-09T13:45:00`, read in UTC. */
export function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.slice(0, 19);
}
