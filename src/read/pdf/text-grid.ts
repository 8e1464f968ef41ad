/**
 * Rebuilds the rows and columns of a flattened (printed) MDS2 table from the
 * positions of its text. Excel's print export of a 2019 workbook shows
 * columns A to D only (the print area is `$A:$D`): question ID, question,
 * answer and note reference.
 */

import type { CellText, Sheet } from "../source-content.js";
import { joinItems, type PageLine, type PlacedText } from "./page-text.js";

const COLUMN_LETTERS = ["A", "B", "C", "D"];
const HEADER_ID = /^question\s*id$/i;
const HEADER_QUESTION = /^question$/i;
const HEADER_NOTE = /^(see\s+notes?|note\s*#?)$/i;
const HEADER_ANSWER = /^yes\s*,?\s*no\b/i;
const ANSWER_TOKEN = /^(yes|no|n\/?a|see\s+notes?)\b/i;
const QUESTION_ID = /^[A-Z]{2,5}-\d+(\.\d+){0,3}$/i;
const PAGE_NUMBER = /^page\s+\d+(\s+of\s+\d+)?$/i;
/** Share of the page height at the top and bottom where running headers and footers sit. */
const MARGIN_BAND = 0.12;
/** Two lines of one cell are at most this many font sizes apart. */
const WRAP_PITCH = 1.6;

interface Row {
  page: number;
  rowOnPage: number;
  cells: string[];
  lastY: number;
  size: number;
}

/**
 * Builds one sheet from the lines of all pages, or returns `undefined` when
 * no line carries the `Question ID` and `Question` column captions.
 * `pageHeights` gives each page's height in points, by page number.
 */
export function rebuildGrid(
  lines: PageLine[],
  pageHeights: Map<number, number>,
): Sheet | undefined {
  const headerIndex = lines.findIndex(isHeaderLine);
  const header = lines[headerIndex];
  if (!header) return undefined;

  const anchors = columnAnchors(header, lines);
  const kept = dropRepeatedLines(lines, headerIndex, pageHeights);
  const rows = buildRows(kept, anchors);
  return { name: "pdf", rows: rows.map(toCells) };
}

function isHeaderLine(line: PageLine): boolean {
  const texts = line.items.map((item) => item.text.trim());
  return (
    texts.some((text) => HEADER_ID.test(text)) &&
    texts.some((text) => HEADER_QUESTION.test(text))
  );
}

/** Left edges of columns A to D, from the header captions; C is inferred when uncaptioned. */
function columnAnchors(header: PageLine, lines: PageLine[]): number[] {
  const find = (pattern: RegExp) =>
    header.items.find((item) => pattern.test(item.text.trim()))?.x;
  const idX = find(HEADER_ID) ?? 0;
  const questionX = find(HEADER_QUESTION) ?? idX;
  const noteX = find(HEADER_NOTE);
  const answerX =
    find(HEADER_ANSWER) ?? inferAnswerColumn(lines, questionX, noteX);

  const anchors = [idX, questionX];
  if (answerX !== undefined) anchors.push(answerX);
  if (noteX !== undefined) anchors.push(noteX);
  return anchors;
}

/**
 * Infers the answer column's left edge, because the 2019 workbook leaves its
 * header cell empty. The edge is taken from the answers themselves: the most common x of runs that
 * start with Yes, No, N/A or See Notes, right of the question column.
 */
function inferAnswerColumn(
  lines: PageLine[],
  questionX: number,
  noteX: number | undefined,
): number | undefined {
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const item of line.items) {
      if (
        item.x <= questionX + 20 ||
        (noteX !== undefined && item.x >= noteX - 2)
      )
        continue;
      if (!ANSWER_TOKEN.test(item.text.trim())) continue;
      const x = Math.round(item.x);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
  }
  let best: number | undefined;
  let bestCount = 0;
  for (const [x, count] of counts) {
    if (
      count > bestCount ||
      (count === bestCount && best !== undefined && x < best)
    ) {
      best = x;
      bestCount = count;
    }
  }
  return best === undefined ? undefined : best - 1;
}

/**
 * Drops what a printer repeats: the column header row after its first
 * appearance and everything above it on later pages (print titles). Page
 * numbers go too, and so do lines found in the top or bottom margin band of
 * at least half the pages (and of two or more).
 */
function dropRepeatedLines(
  lines: PageLine[],
  headerIndex: number,
  pageHeights: Map<number, number>,
): PageLine[] {
  const header = lines[headerIndex] as PageLine;
  const headerSignature = signature(header);
  const firstPage = header.page;
  // Running headers and footers are on most pages; a wrapped line that
  // happens to open two pages the same way is not.
  const pageCount = new Set(lines.map((line) => line.page)).size;
  const minimumRepeats = Math.max(2, Math.ceil(pageCount / 2));

  const marginPages = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!inMarginBand(line, pageHeights)) continue;
    const key = signature(line);
    const pages = marginPages.get(key) ?? new Set<number>();
    pages.add(line.page);
    marginPages.set(key, pages);
  }

  const repeatedHeaderY = new Map<number, number>();
  lines.forEach((line, index) => {
    if (index !== headerIndex && signature(line) === headerSignature) {
      repeatedHeaderY.set(
        line.page,
        Math.max(repeatedHeaderY.get(line.page) ?? -Infinity, line.y),
      );
    }
  });

  return lines.filter((line, index) => {
    if (index < headerIndex) return false;
    if (index === headerIndex) return true;
    const text = joinItems(line.items);
    if (PAGE_NUMBER.test(text)) return false;
    if (signature(line) === headerSignature) return false;
    const headerY = repeatedHeaderY.get(line.page);
    if (line.page !== firstPage && headerY !== undefined && line.y > headerY)
      return false;
    const repeats = marginPages.get(signature(line))?.size ?? 0;
    return !(repeats >= minimumRepeats && inMarginBand(line, pageHeights));
  });
}

function inMarginBand(
  line: PageLine,
  pageHeights: Map<number, number>,
): boolean {
  const height = pageHeights.get(line.page) ?? 792;
  return line.y > height * (1 - MARGIN_BAND) || line.y < height * MARGIN_BAND;
}

/** Line text with digits blanked, so `Page 2` and `Page 3` compare equal. */
function signature(line: PageLine): string {
  return joinItems(line.items).replace(/\d+/g, "#").toLowerCase();
}

function buildRows(lines: PageLine[], anchors: number[]): Row[] {
  const cellsOfLines = lines.map((line) => splitColumns(line.items, anchors));
  const leading =
    alignment(lines, cellsOfLines) === "bottom"
      ? leadingLines(lines, cellsOfLines)
      : new Set<number>();
  const rows: Row[] = [];
  const rowsOnPage = new Map<number, number>();
  let previousLine: PageLine | undefined;
  let pending: string[] = [];

  lines.forEach((line, index) => {
    const cells = cellsOfLines[index] ?? [];
    if (leading.has(index)) {
      pending.push(cells[1] ?? "");
      previousLine = line;
      return;
    }
    const last = rows.at(-1);
    if (
      pending.length === 0 &&
      last &&
      previousLine &&
      continuesRow(last, cells, line, previousLine)
    ) {
      cells.forEach((text, column) => {
        if (text !== "")
          last.cells[column] = joinText(last.cells[column] ?? "", text);
      });
      last.lastY = line.y;
    } else {
      if (pending.length > 0) {
        cells[1] = [...pending, cells[1] ?? ""].reduce(joinText, "");
        pending = [];
      }
      const rowOnPage = (rowsOnPage.get(line.page) ?? 0) + 1;
      rowsOnPage.set(line.page, rowOnPage);
      rows.push({
        page: line.page,
        rowOnPage,
        cells,
        lastY: line.y,
        size: line.size,
      });
    }
    previousLine = line;
  });
  return rows;
}

/**
 * Tells how wrapped cells are aligned. Lines of one cell are closer together
 * than lines of two rows, so the alignment shows in which gap is smaller: ID
 * line to the question-only line below it (`top`), or question-only line to
 * the ID line below it (`bottom`). Excel's default alignment is bottom, and
 * the NEMA workbook keeps that default.
 */
function alignment(lines: PageLine[], cells: string[][]): "top" | "bottom" {
  const gapsAbove: number[] = [];
  const gapsBelow: number[] = [];
  lines.forEach((line, index) => {
    if (!QUESTION_ID.test(cells[index]?.[0] ?? "")) return;
    const upper = lines[index - 1];
    const lower = lines[index + 1];
    if (upper && isQuestionOnly(cells[index - 1]) && withinPitch(upper, line)) {
      gapsAbove.push(upper.y - line.y);
    }
    if (lower && isQuestionOnly(cells[index + 1]) && withinPitch(line, lower)) {
      gapsBelow.push(line.y - lower.y);
    }
  });
  if (gapsAbove.length === 0) return "top";
  if (gapsBelow.length === 0) return "bottom";
  return average(gapsAbove) < average(gapsBelow) ? "bottom" : "top";
}

function average(numbers: number[]): number {
  return numbers.reduce((sum, number) => sum + number, 0) / numbers.length;
}

/**
 * Indexes of question-only lines that lead a bottom-aligned question row:
 * the run of lines right above an ID line, each within one pitch of the
 * next. A section heading (upper case) ends the run, and so does the
 * section description right below it.
 */
function leadingLines(lines: PageLine[], cells: string[][]): Set<number> {
  const leading = new Set<number>();
  lines.forEach((line, index) => {
    if (!QUESTION_ID.test(cells[index]?.[0] ?? "")) return;
    const run: number[] = [];
    let below = line;
    for (let above = index - 1; above >= 0; above -= 1) {
      const candidate = lines[above];
      if (
        !isQuestionOnly(cells[above]) ||
        !withinPitch(candidate, below) ||
        !candidate
      )
        break;
      if (isHeading(cells[above]?.[1] ?? "")) {
        run.pop();
        break;
      }
      run.push(above);
      below = candidate;
    }
    for (const member of run) leading.add(member);
  });
  return leading;
}

function isQuestionOnly(cells: string[] | undefined): boolean {
  if (!cells || (cells[1] ?? "") === "") return false;
  return cells.every((text, column) => column === 1 || text === "");
}

function isHeading(text: string): boolean {
  return /[A-Z]/.test(text) && text === text.toUpperCase();
}

function withinPitch(
  upper: PageLine | undefined,
  lower: PageLine | undefined,
): boolean {
  if (!upper || !lower || upper.page !== lower.page) return false;
  return upper.y - lower.y <= WRAP_PITCH * Math.max(upper.size, lower.size);
}

/**
 * Decides whether a line without an ID continues the question row above
 * it: on the same page when it sits within one wrapped-line pitch, and
 * across a page break when the question text above does not end a sentence.
 * Bottom-aligned rows are joined by `leadingLines` instead.
 */
function continuesRow(
  row: Row,
  cells: string[],
  line: PageLine,
  previous: PageLine,
): boolean {
  if ((cells[0] ?? "") !== "") return false;
  if (!QUESTION_ID.test(row.cells[0] ?? "")) return false;
  if (line.page === previous.page) {
    return (
      previous.y - line.y <= WRAP_PITCH * Math.max(line.size, previous.size)
    );
  }
  const question = (row.cells[1] ?? "").trim();
  return !/[?.:)]$/.test(question) || /^[a-z]/.test((cells[1] ?? "").trim());
}

function splitColumns(items: PlacedText[], anchors: number[]): string[] {
  const byColumn: PlacedText[][] = anchors.map(() => []);
  for (const item of items) {
    let column = 0;
    anchors.forEach((anchor, index) => {
      if (item.x >= anchor - 2) column = index;
    });
    byColumn[column]?.push(item);
  }
  return byColumn.map((columnItems) =>
    joinItems(columnItems).replace(/\t/g, " "),
  );
}

function joinText(first: string, second: string): string {
  if (first === "") return second;
  // A word hyphenated at the line end joins without a space.
  return /[a-z]-$/i.test(first) && /^[a-z]/.test(second)
    ? first + second
    : `${first} ${second}`;
}

function toCells(row: Row): (CellText | undefined)[] {
  return row.cells.map((text, column) =>
    text === ""
      ? undefined
      : {
          text,
          location: `page ${row.page}, row ${row.rowOnPage}, col ${COLUMN_LETTERS[column] ?? column + 1}`,
        },
  );
}
