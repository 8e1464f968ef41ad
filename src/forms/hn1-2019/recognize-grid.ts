/**
 * HN 1-2019 forms laid out as a grid (the NEMA workbook and copies of it).
 * The sheet, header row and columns are found by content, never by sheet name
 * or fixed position: vendors move the table, rename the sheet and add sheets.
 *
 * The NEMA workbook has a header row with `Question ID`, `Question`, an
 * unlabeled answer column, `See note` and three reference columns. A caption
 * row `Yes, No, N/A, or See Note` / `Note #` follows the DOC block. Question
 * rows are those whose ID cell matches the question-ID pattern. At the end
 * come an `OTHER SECURITY CONSIDERATIONS` part with free text and a `Notes:`
 * label followed by `Note 1` … `Note n` rows.
 */

import type { Problem, References } from "../../model/disclosure.js";
import type {
  CellText,
  Sheet,
  SourceContent,
} from "../../read/source-content.js";
import { cleanText } from "../clean-text.js";
import { editionData } from "../editions.js";
import type { RawForm, RawNote, RawRow } from "../raw-form.js";
import { toColumnLetters } from "../../read/cell-address.js";

const EDITION = "HN 1-2019";

/** A question row's ID cell, after trimming: `ALOF-1`, `AUDT-4.1.1`, `SHAD - 15`. */
export const QUESTION_ID_PATTERN = /^[A-Z]{3,4}\s*-\s*\d+(\.\d+){0,2}$/;
const ANY_CASE_ID_PATTERN = new RegExp(QUESTION_ID_PATTERN.source, "i");

// A grid is taken for an HN 1-2019 form when one column contains at least this
// many question IDs, whose prefixes name at least MIN_SECTIONS of its sections.
const MIN_QUESTION_IDS = 10;
const MIN_SECTIONS = 3;

const SECTION_CODES: ReadonlySet<string> = new Set([
  ...editionData(EDITION).sections.map((section) => section.code),
  "SHAD",
]);

/**
 * True for a question ID cell. Upper-case IDs of any prefix count; IDs in
 * other case (`alof-2`) only with a known section prefix, so that labels such
 * as `Note-1` are not taken for questions.
 */
function isQuestionId(text: string): boolean {
  if (QUESTION_ID_PATTERN.test(text)) return true;
  if (!ANY_CASE_ID_PATTERN.test(text)) return false;
  return SECTION_CODES.has(text.split("-")[0]!.trim().toUpperCase());
}

// Rows below the first question searched for the answer caption.
const CAPTION_SEARCH_ROWS = 60;

const NOTE_LABEL = /^note\s*#?\s*(\d+)\s*[:.)]?$/i;
const NOTE_INLINE = /^note\s*#?\s*(\d+)\s*[:.)-]\s*(.+)$/i;
const NOTES_HEADING = /^notes\s*:?$/i;
const OTHER_HEADING = /other security considerations|\(OTHR\)/i;

interface Columns {
  id: number;
  question: number;
  answer: number;
  note: number;
  references: Partial<Record<keyof References, number>>;
}

interface Table {
  sheet: Sheet;
  /** Row index of the header row, or of the row before the first question. */
  headerRow: number;
  columns: Columns;
}

/** Recognizes an HN 1-2019 grid; returns `undefined` when no sheet contains one. */
export function recognizeGrid(content: SourceContent): RawForm | undefined {
  if (content.kind !== "grid") return undefined;
  const table = findTable(content.sheets);
  if (!table) return undefined;

  const problems: Problem[] = [...content.problems];
  const rows: RawRow[] = [];
  const notes: RawNote[] = [];
  let otherConsiderations: RawForm["otherConsiderations"];
  let part: "questions" | "other" | "notes" = "questions";
  const otherLines: CellText[] = [];

  const { sheet, columns } = table;
  for (
    let rowIndex = table.headerRow + 1;
    rowIndex < sheet.rows.length;
    rowIndex += 1
  ) {
    const cells = sheet.rows[rowIndex] ?? [];
    const idText = cleanText(cells[columns.id]?.text ?? "");
    const questionCell = cells[columns.question];

    if (isQuestionId(idText)) {
      rows.push(readQuestionRow(sheet, rowIndex, columns));
      part = "questions";
      continue;
    }

    const note = readNote(cells, columns);
    if (note) {
      notes.push(note);
      part = "notes";
      continue;
    }

    const label = cleanText(questionCell?.text ?? idText);
    if (NOTES_HEADING.test(label) || NOTES_HEADING.test(idText)) {
      part = "notes";
      continue;
    }
    if (OTHER_HEADING.test(label)) {
      part = "other";
      continue;
    }

    const textCell = firstTextCell(cells, columns.id);
    if (!textCell) continue;
    const lastNote = notes.at(-1);
    if (part === "other") otherLines.push(textCell);
    // A row without label under a note continues that note's text.
    else if (part === "notes" && lastNote) {
      lastNote.text = `${lastNote.text}\n${textCell.text.trim()}`;
    }
  }

  const first = otherLines[0];
  if (first) {
    otherConsiderations = {
      text: otherLines.map((cell) => cell.text.trim()).join("\n"),
      location: first.location,
    };
  }
  return {
    edition: EDITION,
    rows,
    notes,
    ...(otherConsiderations ? { otherConsiderations } : {}),
    problems,
  };
}

/** Finds the sheet and ID column with the most question IDs, then its header row and columns. */
function findTable(sheets: Sheet[]): Table | undefined {
  let best:
    | { sheet: Sheet; column: number; firstRow: number; count: number }
    | undefined;
  for (const sheet of sheets) {
    const candidate = bestIdColumn(sheet);
    if (candidate && (!best || candidate.count > best.count))
      best = { sheet, ...candidate };
  }
  if (!best) return undefined;

  const { sheet, column, firstRow } = best;
  const headerRow = findHeaderRow(sheet, column, firstRow);
  const columns =
    headerRow === undefined
      ? defaultColumns(column)
      : columnsFromHeader(sheet, headerRow, column, firstRow);
  return { sheet, headerRow: headerRow ?? firstRow - 1, columns };
}

function bestIdColumn(
  sheet: Sheet,
): { column: number; firstRow: number; count: number } | undefined {
  const counts = new Map<
    number,
    { count: number; firstRow: number; prefixes: Set<string> }
  >();
  sheet.rows.forEach((cells, rowIndex) => {
    cells.forEach((cell, column) => {
      const text = cleanText(cell?.text ?? "");
      if (!isQuestionId(text)) return;
      const prefix = text.split("-")[0]!.trim().toUpperCase();
      const entry = counts.get(column) ?? {
        count: 0,
        firstRow: rowIndex,
        prefixes: new Set(),
      };
      entry.count += 1;
      if (SECTION_CODES.has(prefix)) entry.prefixes.add(prefix);
      counts.set(column, entry);
    });
  });

  let best: { column: number; firstRow: number; count: number } | undefined;
  for (const [column, entry] of counts) {
    if (entry.count < MIN_QUESTION_IDS || entry.prefixes.size < MIN_SECTIONS)
      continue;
    if (!best || entry.count > best.count)
      best = { column, firstRow: entry.firstRow, count: entry.count };
  }
  return best;
}

/** Finds the nearest row above the first question whose ID-column cell reads `Question ID`. */
function findHeaderRow(
  sheet: Sheet,
  column: number,
  firstRow: number,
): number | undefined {
  for (let rowIndex = firstRow - 1; rowIndex >= 0; rowIndex -= 1) {
    const text = cleanText(sheet.rows[rowIndex]?.[column]?.text ?? "");
    if (/^question\s*id\b/i.test(text)) return rowIndex;
  }
  return undefined;
}

function defaultColumns(idColumn: number): Columns {
  return {
    id: idColumn,
    question: idColumn + 1,
    answer: idColumn + 2,
    note: idColumn + 3,
    references: {},
  };
}

/**
 * Finds the columns named in the header row. The answer column may have no
 * header (the NEMA header row leaves it empty), so the caption row `Yes, No,
 * N/A, or See Note` / `Note #` below the header is read as well.
 */
function columnsFromHeader(
  sheet: Sheet,
  headerRow: number,
  idColumn: number,
  firstRow: number,
): Columns {
  const columns = defaultColumns(idColumn);
  let question: number | undefined;
  let answer: number | undefined;
  let note: number | undefined;

  const captionRows = [headerRow];
  // The caption can sit below the DOC block (row 22 of the NEMA workbook), so
  // every non-question row up to CAPTION_SEARCH_ROWS below the first
  // question is read too.
  for (
    let rowIndex = headerRow + 1;
    rowIndex < sheet.rows.length;
    rowIndex += 1
  ) {
    const idText = cleanText(sheet.rows[rowIndex]?.[idColumn]?.text ?? "");
    if (rowIndex > firstRow + CAPTION_SEARCH_ROWS) break;
    if (!isQuestionId(idText)) captionRows.push(rowIndex);
  }

  for (const rowIndex of captionRows) {
    (sheet.rows[rowIndex] ?? []).forEach((cell, column) => {
      if (column <= idColumn || !cell) return;
      const text = cleanText(cell.text).toLowerCase();
      if (question === undefined && /^questions?$/.test(text))
        question = column;
      else if (
        answer === undefined &&
        (/^yes\s*,?\s*no\b/.test(text) || /^(answer|response)s?$/.test(text))
      ) {
        answer = column;
      } else if (
        note === undefined &&
        /^(see\s+notes?|notes?\s*(#|no\.?|number)?)$/.test(text)
      ) {
        note = column;
      } else if (/80001/.test(text)) columns.references.iec80001 ??= column;
      else if (/800-53/.test(text)) columns.references.nist80053 ??= column;
      else if (/27002/.test(text)) columns.references.iso27002 ??= column;
    });
  }

  columns.question = question ?? idColumn + 1;
  columns.answer = answer ?? columns.question + 1;
  columns.note = note ?? columns.answer + 1;
  return columns;
}

function readQuestionRow(
  sheet: Sheet,
  rowIndex: number,
  columns: Columns,
): RawRow {
  const cells = sheet.rows[rowIndex] ?? [];
  const idCell = cells[columns.id]!;
  const answerCell = cells[columns.answer];
  const noteCell = cells[columns.note];

  const row: RawRow = {
    printedId: idCell.text,
    question: cells[columns.question]?.text ?? "",
    answer: answerCell?.text ?? "",
    answerLocation:
      answerCell?.location ?? locationAt(idCell.location, columns.answer),
    noteRef: noteCell?.text ?? "",
    noteLocation:
      noteCell?.location ?? locationAt(idCell.location, columns.note),
  };

  const references: References = {};
  for (const [key, column] of Object.entries(columns.references) as [
    keyof References,
    number,
  ][]) {
    const text = cleanText(cells[column]?.text ?? "");
    if (text !== "") references[key] = text;
  }
  if (Object.keys(references).length > 0) row.references = references;
  return row;
}

/** Reads a `Note n` row: the label in the ID column and the text beside it, or `Note n: text` in one cell. */
function readNote(
  cells: (CellText | undefined)[],
  columns: Columns,
): RawNote | undefined {
  const idCell = cells[columns.id];
  if (!idCell) return undefined;
  const idText = cleanText(idCell.text);

  const inline = NOTE_INLINE.exec(idText);
  if (inline)
    return {
      number: Number(inline[1]),
      text: inline[2]!,
      location: idCell.location,
    };

  const label = NOTE_LABEL.exec(idText);
  if (!label) return undefined;
  const textCell = firstTextCell(cells, columns.id + 1);
  return {
    number: Number(label[1]),
    text: textCell?.text.trim() ?? "",
    location: textCell?.location ?? idCell.location,
  };
}

/** Finds the first cell with text at or right of `column`. */
function firstTextCell(
  cells: (CellText | undefined)[],
  column: number,
): CellText | undefined {
  return cells
    .slice(column)
    .find((cell) => cell !== undefined && cleanText(cell.text) !== "");
}

/**
 * Returns the location of an empty cell in the same row as `known`, at
 * 0-based `column`: `mds2-form!A14` → `mds2-form!C14`.
 */
function locationAt(known: string, column: number): string {
  const letters = toColumnLetters(column);
  const sheetCell = /^(.*!)([A-Z]+)(\d+)$/.exec(known);
  if (sheetCell) return `${sheetCell[1]}${letters}${sheetCell[3]}`;
  const pdfCell = /^(.*col )[A-Z]+$/.exec(known);
  if (pdfCell) return `${pdfCell[1]}${letters}`;
  return `${known}, column ${letters}`;
}
