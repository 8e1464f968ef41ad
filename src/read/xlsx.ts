/**
 * Reads an .xlsx workbook with exceljs 4.4.0 (in-memory `load()`) into a grid:
 * every sheet, every non-empty cell's text with its `Sheet!C14` location.
 */

import ExcelJS from "exceljs";
import { Mds2Error } from "../errors.js";
import type { CellText, Sheet, SourceContent } from "./source-content.js";

/** Reads the workbook in `bytes`; a file exceljs cannot open throws `input.invalid`. */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
): Promise<SourceContent> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs 4.4.0 types `load` as taking a Node Buffer.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never,
    );
  } catch (error) {
    throw new Mds2Error(
      "input.invalid",
      `not a readable .xlsx workbook (${describe(error)})`,
      {
        file,
        hint: "Open the file in a spreadsheet program and save it again as .xlsx.",
        cause: error,
      },
    );
  }

  // `worksheets` lists sheets in tab order; `getWorksheet(1)` looks up by
  // sheet id, which differs once sheets were deleted or reordered.
  const sheets = workbook.worksheets.map((worksheet) => readSheet(worksheet));
  return { kind: "grid", format: "xlsx", sheets, problems: [] };
}

function readSheet(worksheet: ExcelJS.Worksheet): Sheet {
  const rows: (CellText | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (CellText | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      // A merged range keeps its text at the master cell only, so a merged
      // heading is not repeated in every cell it spans.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cellText(cell.value);
      if (text === "") return;
      cells[columnNumber - 1] = {
        text,
        location: `${worksheet.name}!${cell.address}`,
      };
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  return { name: worksheet.name, rows: densify(rows) };
}

/** Returns the text of a cell value of any exceljs shape. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return String(value);

  if ("richText" in value && Array.isArray(value.richText)) {
    return value.richText.map((run) => run.text ?? "").join("");
  }
  // Hyperlink text may itself be rich text, against the bundled type.
  if ("hyperlink" in value)
    return cellText((value as { text?: ExcelJS.CellValue }).text);
  if ("error" in value) return String(value.error);
  // Formulas, shared formulas and array formulas: the cached result, never re-evaluated.
  if ("formula" in value || "sharedFormula" in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  }
  if ("text" in value)
    return cellText((value as { text?: ExcelJS.CellValue }).text);
  return "";
}

/**
 * Dates as ISO text. exceljs builds dates from serials as UTC (and applies
 * the workbook's 1904 date system), so only UTC getters are used.
 */
function isoDate(date: Date): string {
  if (Number.isNaN(date.getTime())) return "";
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === "00:00:00" ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}

/** Replaces holes of the sparse row array with empty rows. */
function densify(rows: (CellText | undefined)[][]): (CellText | undefined)[][] {
  return Array.from(rows, (row) => row ?? []);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
