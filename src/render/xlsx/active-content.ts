/**
 * Removal of what could run or send data when the annotated copy of a vendor
 * workbook is opened: cell formulas (a DDE call such as `cmd|' /C calc'!A0`,
 * `WEBSERVICE`, `HYPERLINK`), external links, data connections, query
 * tables, macros and ActiveX controls.
 */

import ExcelJS from "exceljs";
import type { ZipEntries } from "../../read/zip.js";

// Package parts that link to other files or hosts or carry code. exceljs
// 4.4.0 writes only the parts it models, so this list guards the copy should
// a later version start to carry parts over.
const ACTIVE_PART =
  /^(?:xl\/externalLinks\/|xl\/connections\.xml$|xl\/queryTables\/|xl\/vbaProject|xl\/activeX\/|xl\/ctrlProps\/|customUI\/)/i;

/** Returns the package entries without external links, connections, query tables, macros and ActiveX parts. */
export function dropActiveParts(entries: ZipEntries): ZipEntries {
  return Object.fromEntries(
    Object.entries(entries).filter(([name]) => !ACTIVE_PART.test(name)),
  );
}

/**
 * Replaces each formula cell with the result Excel cached for it, so the copy
 * shows the values the vendor's workbook showed: text stays text, numbers,
 * dates, booleans and error values keep their type. A formula without a
 * cached result becomes an empty cell.
 *
 * NOTE: formulas of conditional formats, data validations and defined names
 * are kept as exceljs loads them. They are not cell formulas, but Excel
 * evaluates them too.
 */
export function replaceFormulasWithValues(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        cell.value = cachedResult(cell);
      });
    });
  }
}

function cachedResult(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const { result } = cell.value as ExcelJS.CellFormulaValue;
  return result ?? null;
}
