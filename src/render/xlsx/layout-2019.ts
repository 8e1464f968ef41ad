/**
 * Any edition's disclosure laid out as an HN 1-2019 workbook: a title, the
 * header row (`Question ID`, `Question`, `Answer`, `See note`), the 240
 * questions in form order under their section headings, and the notes block.
 * Answers of older editions move to the 2019 questions named in their
 * `equivalents`; answers with no 2019 place go to a `Not carried over` sheet.
 */

import { basename } from "node:path";
import ExcelJS from "exceljs";
import { editionData } from "../../forms/editions.js";
import type {
  Answer,
  AnswerValue,
  Disclosure,
  Note,
} from "../../model/disclosure.js";
import { cleanWorkbookText } from "./xml-text.js";

export const FORM_SHEET = "mds2-form";
export const NOT_CARRIED_SHEET = "Not carried over";

const COLUMN = { id: 1, question: 2, answer: 3, note: 4, from: 5 } as const;

const VALUE_TEXT: Record<AnswerValue, string | undefined> = {
  yes: "Yes",
  no: "No",
  na: "N/A",
  "see-note": "See Note",
  unanswered: "",
  text: undefined,
  unrecognized: undefined,
};

export interface Layout2019 {
  workbook: ExcelJS.Workbook;
  /** Answer cells of the form sheet by 2019 question ID, e.g. `ALOF-1` → `C58`. */
  cellsByQuestion: Map<string, string>;
  /** 2019 question IDs that each answer of the disclosure was placed at, by the answer's ID. */
  placements: Map<string, string[]>;
  /** Answers that had no 2019 place. */
  notCarried: Answer[];
}

/** Builds the 2019-layout workbook in memory, so callers can annotate it before writing. */
export function buildLayout2019(disclosure: Disclosure): Layout2019 {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "mds2";
  // A fixed date keeps the workbook properties stable, where exceljs would stamp the current time.
  const stamp = new Date(
    `${disclosure.device.releaseDate ?? "2019-01-01"}T00:00:00Z`,
  );
  workbook.created = Number.isNaN(stamp.getTime()) ? new Date(0) : stamp;
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(FORM_SHEET);
  const converted = disclosure.edition !== "HN 1-2019";
  sheet.columns = [
    { width: 13 },
    { width: 70 },
    { width: 28 },
    { width: 14 },
    ...(converted ? [{ width: 18 }] : []),
  ];

  const placed = placeAnswers(disclosure);
  const noteNumbers = renumberNotes(disclosure);
  writeTitle(sheet, disclosure, converted);

  const cellsByQuestion = new Map<string, string>();
  const data = editionData("HN 1-2019");
  for (const section of data.sections) {
    sheet.addRow([]);
    const heading = sheet.addRow([
      null,
      `${section.title.toUpperCase()} (${section.code})`,
    ]);
    heading.font = { bold: true };
    for (const question of data.questions.filter(
      (entry) => entry.section === section.code,
    )) {
      const answers = placed.byQuestion.get(question.id) ?? [];
      const notes = answers.flatMap((answer) =>
        answer.notes.map((n) => noteNumbers.forAnswer(answer, n)),
      );
      const row = sheet.addRow([
        question.id,
        answers.find((answer) => answer.id === question.id)?.question ??
          question.label,
        answerText(answers),
        seeNoteText(notes),
        ...(converted ? [answers.map((answer) => answer.id).join(", ")] : []),
      ]);
      row.getCell(COLUMN.question).alignment = {
        wrapText: true,
        vertical: "top",
      };
      row.getCell(COLUMN.answer).alignment = {
        wrapText: true,
        vertical: "top",
      };
      cellsByQuestion.set(question.id, row.getCell(COLUMN.answer).address);
    }
  }

  writeNotes(sheet, noteNumbers.notes);
  const notCarried = placed.notCarried;
  if (converted) writeNotCarried(workbook, notCarried, disclosure);
  return {
    workbook,
    cellsByQuestion,
    placements: placed.placements,
    notCarried,
  };
}

/** Renders any edition to the 2019 workbook layout. */
export async function renderXlsx2019(
  disclosure: Disclosure,
): Promise<Uint8Array> {
  const { workbook } = buildLayout2019(disclosure);
  cleanWorkbookText(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function writeTitle(
  sheet: ExcelJS.Worksheet,
  disclosure: Disclosure,
  converted: boolean,
): void {
  sheet.addRow([
    "Manufacturer Disclosure Statement for Medical Device Security -- MDS2",
  ]).font = {
    bold: true,
    size: 14,
  };
  const { manufacturer, model, documentId, releaseDate } = disclosure.device;
  sheet.addRow([
    manufacturer ?? "",
    model ?? "",
    documentId ?? "",
    releaseDate ?? "",
  ]);
  const file = basename(disclosure.source.file.replaceAll("\\", "/"));
  const origin = converted
    ? `Converted from ${disclosure.edition} (${file}); the From column names the original questions.`
    : `Laid out from ${file}.`;
  sheet.addRow([origin]).font = { italic: true };
  sheet.addRow([]);
  const header = sheet.addRow([
    "Question ID",
    "Question",
    "Answer",
    "See note",
    ...(converted ? [`From ${disclosure.edition}`] : []),
  ]);
  header.font = { bold: true };
}

interface Placement {
  byQuestion: Map<string, Answer[]>;
  placements: Map<string, string[]>;
  notCarried: Answer[];
}

function placeAnswers(disclosure: Disclosure): Placement {
  const known = new Set(
    editionData("HN 1-2019").questions.map((question) => question.id),
  );
  const byQuestion = new Map<string, Answer[]>();
  const placements = new Map<string, string[]>();
  const notCarried: Answer[] = [];

  for (const answer of disclosure.answers) {
    const targets =
      disclosure.edition === "HN 1-2019"
        ? [answer.id]
        : (answer.equivalents ?? []);
    const places = targets.filter((id) => known.has(id));
    if (places.length === 0) {
      notCarried.push(answer);
      continue;
    }
    placements.set(answer.id, places);
    for (const id of places) {
      const list = byQuestion.get(id) ?? [];
      list.push(answer);
      byQuestion.set(id, list);
    }
  }
  return { byQuestion, placements, notCarried };
}

/** Joins the answers placed at one 2019 question into its cell text, each written once. */
function answerText(answers: Answer[]): string {
  const texts = [
    ...new Set(answers.map(displayValue).filter((text) => text !== "")),
  ];
  return texts.join("; ");
}

function displayValue(answer: Answer): string {
  const text = VALUE_TEXT[answer.value] ?? answer.raw;
  return answer.comment && VALUE_TEXT[answer.value]
    ? `${text}, ${answer.comment}`
    : text;
}

function seeNoteText(numbers: number[]): string {
  const unique = [...new Set(numbers)].sort((a, b) => a - b);
  if (unique.length === 0) return "";
  return `See Note ${unique.join(", ")}`;
}

interface NoteNumbers {
  notes: Note[];
  forAnswer(answer: Answer, number: number): number;
}

/**
 * Numbers notes once for the whole form. The 2013 form numbers notes per
 * section, so a note is found by its section and number and given a new
 * number in form order; 2019 numbers are kept.
 */
function renumberNotes(disclosure: Disclosure): NoteNumbers {
  if (
    disclosure.edition === "HN 1-2019" ||
    disclosure.notes.every((note) => !note.section)
  ) {
    return { notes: disclosure.notes, forAnswer: (_answer, number) => number };
  }
  const key = (section: string | undefined, number: number) =>
    `${section ?? ""}#${number}`;
  const numbers = new Map<string, number>();
  const notes = disclosure.notes.map((note, index) => {
    numbers.set(key(note.section, note.number), index + 1);
    const prefix = note.section ? `${note.section} note ${note.number}: ` : "";
    return { ...note, number: index + 1, text: `${prefix}${note.text}` };
  });
  return {
    notes,
    forAnswer: (answer, number) =>
      numbers.get(key(answer.section, number)) ??
      numbers.get(key(undefined, number)) ??
      number,
  };
}

function writeNotes(sheet: ExcelJS.Worksheet, notes: Note[]): void {
  sheet.addRow([]);
  sheet.addRow([]);
  sheet.addRow([null, "Notes:"]).font = { bold: true };
  for (const note of notes) {
    const row = sheet.addRow([`Note ${note.number}`, note.text]);
    row.getCell(COLUMN.question).alignment = {
      wrapText: true,
      vertical: "top",
    };
  }
}

function writeNotCarried(
  workbook: ExcelJS.Workbook,
  answers: Answer[],
  disclosure: Disclosure,
): void {
  const sheet = workbook.addWorksheet(NOT_CARRIED_SHEET);
  sheet.columns = [
    { header: "Question ID", width: 13 },
    { header: "Section", width: 10 },
    { header: "Question", width: 60 },
    { header: "Answer", width: 12 },
    { header: "As written", width: 30 },
    { header: "Notes", width: 10 },
    { header: "Where", width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const answer of answers) {
    sheet.addRow([
      answer.id,
      answer.section,
      answer.question,
      answer.value,
      answer.raw,
      answer.notes.join(", "),
      answer.location,
    ]);
  }
  if (answers.length === 0) {
    sheet.addRow([
      `Every answer of the ${disclosure.edition} form has a place in the 2019 layout.`,
    ]);
  }
}
