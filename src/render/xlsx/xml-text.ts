/**
 * Cleaning of the text of a workbook before it is written: characters that
 * XML 1.0 does not allow are replaced, and cells are cut to Excel's limit. exceljs 4.4.0 drops C0 control characters when it writes, but
 * writes the noncharacters U+FFFE and U+FFFF and lone surrogates as they
 * are, and Excel then reports the file as corrupt. Vendor text read from a
 * PDF or text file can hold any of them.
 */

import type ExcelJS from "exceljs";

const NOT_XML_CHARACTER =
  /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Excel's maximum number of characters in one cell; longer text makes it repair the file. */
export const MAX_CELL_TEXT = 32767;

const CUT_MARK = "… (cut; full text in the JSON record)";

/**
 * Replaces each character XML 1.0 does not allow with U+FFFD and cuts text
 * longer than `MAX_CELL_TEXT`, marking the cut.
 */
export function toXmlText(text: string): string {
  const clean = text.replace(NOT_XML_CHARACTER, "\uFFFD");
  if (clean.length <= MAX_CELL_TEXT) return clean;
  let end = MAX_CELL_TEXT - CUT_MARK.length;
  const last = clean.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${clean.slice(0, end)}${CUT_MARK}`;
}

/** Applies `toXmlText` to every string value, rich text run and note in `workbook`. */
export function cleanWorkbookText(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        cleanCellValue(cell);
        cleanCellNote(cell);
      });
    });
  }
}

function cleanCellValue(cell: ExcelJS.Cell): void {
  const value = cell.value;
  if (typeof value === "string") {
    const clean = toXmlText(value);
    if (clean !== value) cell.value = clean;
    return;
  }
  if (value && typeof value === "object" && "richText" in value) {
    cell.value = {
      richText: value.richText.map((run) => ({
        ...run,
        text: toXmlText(run.text),
      })),
    };
  }
}

function cleanCellNote(cell: ExcelJS.Cell): void {
  const note = cell.note;
  if (typeof note === "string") {
    const clean = toXmlText(note);
    if (clean !== note) cell.note = clean;
    return;
  }
  if (note?.texts) {
    cell.note = {
      ...note,
      texts: note.texts.map((part) => ({
        ...part,
        text: toXmlText(part.text),
      })),
    };
  }
}
