/**
 * HN 1-2013 forms re-created as a workbook. The item ID column is the one
 * with the most known 2013 item IDs; the answer column is captioned
 * `Yes, No, N/A, or See Note` above the first item, or else is the column
 * right of the IDs whose item cells most often start with an answer; the note
 * column is captioned `Note #` or follows the answer column. A cell reading
 * `ALOF notes:` (or another section's) holds its notes box after the colon,
 * or in the next filled cell to its right or below it.
 */

import type { Problem } from "../../model/disclosure.js";
import type {
  CellText,
  Sheet,
  SourceContent,
} from "../../read/source-content.js";
import type { RawForm, RawNote, RawRow } from "../raw-form.js";
import { findHn12013Question } from "./index.js";
import {
  ANSWER_START,
  deviceLabel,
  notesBoxSection,
  splitNotesBox,
} from "./items.js";

const EDITION = "HN 1-2013";
const MIN_ITEMS = 5;

interface Table {
  sheet: Sheet;
  idColumn: number;
  answerColumn: number;
  noteColumn: number;
}

/** Recognizes an HN 1-2013 grid; `undefined` when no sheet contains one. */
export function recognizeHn12013Grid(
  content: SourceContent,
): RawForm | undefined {
  if (content.kind !== "grid") return undefined;
  const table = content.sheets
    .map(findTable)
    .find((candidate) => candidate !== undefined);
  if (!table) return undefined;

  const { sheet, idColumn, answerColumn, noteColumn } = table;
  const rows: RawRow[] = [];
  const notes: RawNote[] = [];
  const deviceFields: NonNullable<RawForm["deviceFields"]> = [];
  let other: RawForm["otherConsiderations"];

  sheet.rows.forEach((cells, rowIndex) => {
    const idCell = cells[idColumn];
    const found = idCell && itemId(idCell.text);
    if (found) {
      const answer = cells[answerColumn];
      const note = cells[noteColumn];
      const question = cells
        .slice(idColumn + 1, answerColumn)
        .map((cell) => cell?.text.trim() ?? "")
        .filter(Boolean)
        .join(" ");
      const row: RawRow = {
        printedId: found,
        question,
        answer: answer?.text ?? "",
        answerLocation: answer?.location ?? idCell.location,
        noteRef: note?.text ?? "",
        section: findHn12013Question(found)?.section ?? "",
      };
      if (note) row.noteLocation = note.location;
      rows.push(row);
      return;
    }
    cells.forEach((cell, column) => {
      if (!cell) return;
      const [label = "", ...rest] = cell.text.split(":");
      const value = rest.join(":").trim();
      const boxSection = cell.text.includes(":")
        ? notesBoxSection(label)
        : undefined;
      if (boxSection) {
        const body = value !== "" ? cell : nextFilled(sheet, rowIndex, column);
        const text = value !== "" ? value : (body?.text ?? "");
        if (!body || text.trim() === "") return;
        if (/other\s+security\s+considerations/i.test(label)) {
          other ??= { text, location: body.location };
          return;
        }
        for (const note of splitNotesBox(text)) {
          notes.push({ ...note, location: body.location, section: boxSection });
        }
        return;
      }
      const device = deviceLabel(label);
      if (device && column < idColumn + 2) {
        const valueCell =
          value !== "" ? cell : nextFilled(sheet, rowIndex, column, "right");
        if (valueCell) {
          deviceFields.push({
            label: device,
            value: value || valueCell.text,
            location: valueCell.location,
          });
        }
      }
    });
  });

  const problems: Problem[] = [...content.problems];
  const form: RawForm = {
    edition: EDITION,
    rows,
    notes,
    deviceFields,
    problems,
  };
  if (other) form.otherConsiderations = other;
  return form;
}

/** Returns the known item ID that fills a whole cell (`1-1`, `10 - 1.3`, `B.2`). */
function itemId(text: string): string | undefined {
  const compact = text.replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
  return findHn12013Question(compact) ? compact : undefined;
}

function findTable(sheet: Sheet): Table | undefined {
  const counts = new Map<number, number>();
  let firstRow = Infinity;
  sheet.rows.forEach((cells, rowIndex) => {
    cells.forEach((cell, column) => {
      const id = cell && itemId(cell.text);
      if (!id || !/^\d/.test(id)) return;
      counts.set(column, (counts.get(column) ?? 0) + 1);
      firstRow = Math.min(firstRow, rowIndex);
    });
  });
  const [idColumn, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [
    0, 0,
  ];
  if (count < MIN_ITEMS) return undefined;

  const captions = sheet.rows.slice(
    0,
    Number.isFinite(firstRow) ? firstRow : 0,
  );
  const captionColumn = (pattern: RegExp) => {
    for (const cells of captions) {
      const column = cells.findIndex(
        (cell, index) => index > idColumn && cell && pattern.test(cell.text),
      );
      if (column >= 0) return column;
    }
    return undefined;
  };
  const answerColumn =
    captionColumn(/yes\s*,?\s*no/i) ?? answerColumnByValues(sheet, idColumn);
  const noteColumn = captionColumn(/^\s*note\s*#?\s*$/i) ?? answerColumn + 1;
  return { sheet, idColumn, answerColumn, noteColumn };
}

function answerColumnByValues(sheet: Sheet, idColumn: number): number {
  const counts = new Map<number, number>();
  for (const cells of sheet.rows) {
    if (!cells[idColumn] || !itemId(cells[idColumn]?.text ?? "")) continue;
    cells.forEach((cell, column) => {
      if (column > idColumn && cell && ANSWER_START.test(cell.text.trim())) {
        counts.set(column, (counts.get(column) ?? 0) + 1);
      }
    });
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? idColumn + 2;
}

/** Finds the next filled cell right of `column` on the row, or else (unless `right`) below it. */
function nextFilled(
  sheet: Sheet,
  rowIndex: number,
  column: number,
  direction: "right" | "any" = "any",
): CellText | undefined {
  const cells = sheet.rows[rowIndex] ?? [];
  const right = cells
    .slice(column + 1)
    .find((cell) => cell && cell.text.trim() !== "");
  if (right || direction === "right") return right;
  const below = sheet.rows[rowIndex + 1]?.[column];
  return below && below.text.trim() !== "" ? below : undefined;
}
