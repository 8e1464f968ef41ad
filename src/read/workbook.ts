/**
 * OOXML workbooks (.xlsx, .xlsm): unzip within the limits, pre-scan the parts,
 * then read with exceljs when it is safe and with SheetJS when it is not or
 * when exceljs fails.
 */

import { isMds2Error } from "../errors.js";
import { applyCheckboxes } from "./checkboxes.js";
import type { ReadLimits } from "./limits.js";
import { readWithSheetJS } from "./sheetjs.js";
import type { SourceContent } from "./source-content.js";
import { prescanWorkbook } from "./xlsx-prescan.js";
import { readXlsx } from "./xlsx.js";
import { packEntries, unzipWithLimits } from "./zip.js";

/** Reads an OOXML workbook zip into a grid. */
export async function readWorkbookZip(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
): Promise<SourceContent> {
  const entries = unzipWithLimits(bytes, file, limits);
  const prescan = prescanWorkbook(entries, file, limits);
  // Both readers get the repacked copy, which contains only entries inflated within the limits.
  const safeBytes = packEntries(prescan.entries);

  const content =
    prescan.fallbackReasons.length > 0
      ? readWithSheetJS(safeBytes, file, "xlsx", limits)
      : await readWithExcelJsOrSheetJS(safeBytes, file, limits);
  return applyCheckboxes(content, prescan.entries);
}

async function readWithExcelJsOrSheetJS(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
): Promise<SourceContent> {
  try {
    return await readXlsx(bytes, file);
  } catch (excelJsError) {
    // A limit or an encryption error stays as it is. Any other failure of
    // exceljs gets a second chance with SheetJS, whose own error is a clean
    // one-line error when it fails too.
    if (isMds2Error(excelJsError) && !FALLBACK_CODES.has(excelJsError.code))
      throw excelJsError;
    try {
      return readWithSheetJS(bytes, file, "xlsx", limits);
    } catch (sheetJsError) {
      throw isMds2Error(excelJsError) ? excelJsError : sheetJsError;
    }
  }
}

const FALLBACK_CODES = new Set([
  "input.invalid",
  "input.unsupported-format",
  "input.truncated",
]);
