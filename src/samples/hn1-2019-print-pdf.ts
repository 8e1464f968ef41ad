/**
 * Writes an HN 1-2019 form the way Excel prints the workbook to PDF: only
 * columns A to D (question ID, question, answer, note), question text
 * wrapped inside column B, a running header and the column header row
 * repeated on every page, page numbers in the footer, and no form fields.
 */

import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "@cantoo/pdf-lib";
import type { QuestionDef } from "../forms/edition-data.js";
import { HN1_2019 } from "../forms/hn1-2019/index.js";

export interface PrintedAnswer {
  /** Column C text. */
  answer: string;
  /** Column D text: `See Note 2`, `__`, or empty. */
  note: string;
}

export interface Hn12019PrintSample {
  answers: Record<string, PrintedAnswer>;
  notes: { number: number; text: string }[];
  /** Question text per ID; the edition's label when absent. */
  questions: Record<string, string>;
}

const PAGE_SIZE: [number, number] = [612, 792];
const FONT_SIZE = 8;
/** Excel's row height for this font, and the pitch of wrapped lines inside one cell. */
const ROW_PITCH = 10.5;
const WRAP_PITCH = 9.2;
const COLUMN_X = { A: 36, B: 100, C: 436, D: 520 };
const QUESTION_WIDTH = 320;
const TOP = 700;
const BOTTOM = 50;
const CYCLE = ["Yes", "No", "N/A", "No", "Yes", "See Notes"];
const DOC_ANSWERS: Record<string, string> = {
  "DOC-1": "Example Medical",
  "DOC-2": "Bedside monitor",
  "DOC-3": "BM-200",
  "DOC-4": "MDS2-BM-200-2024",
  "DOC-5": "security@example.invalid",
  "DOC-6": "Sends vital signs to the central station",
  "DOC-7": "2024-05-06",
};

/** Builds an answer set over every 2019 question, with long question text on some rows so they wrap. */
export function sampleHn12019Print(): Hn12019PrintSample {
  const answers: Record<string, PrintedAnswer> = {};
  const questions: Record<string, string> = {};
  let noteNumber = 0;
  const notes: { number: number; text: string }[] = [];
  HN1_2019.questions.forEach((question, index) => {
    const answer = DOC_ANSWERS[question.id] ?? CYCLE[index % CYCLE.length] ?? "Yes";
    let note = "__";
    if (answer === "See Notes" || index % 23 === 0) {
      noteNumber += 1;
      note = `See Note ${noteNumber}`;
      notes.push({ number: noteNumber, text: `Detail ${noteNumber} for ${question.id}.` });
    }
    answers[question.id] = { answer, note };
    if (index % 4 === 1) {
      questions[question.id] =
        `${question.label}, including settings that depend on how the site installs and ` +
        `configures the device and the networks it is connected to`;
    }
  });
  return { answers, notes, questions };
}

class PrintLayout {
  page!: PDFPage;
  y = TOP;
  pages: PDFPage[] = [];

  constructor(
    private readonly document: PDFDocument,
    private readonly font: PDFFont,
    private readonly runningHeader: string[],
    private readonly align: "top" | "bottom",
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.document.addPage(PAGE_SIZE);
    this.pages.push(this.page);
    // Print titles: the running header row and the column header row.
    this.runningHeader.forEach((text, index) => {
      const x = [COLUMN_X.A, COLUMN_X.B + 150, COLUMN_X.C, COLUMN_X.D][index] ?? COLUMN_X.A;
      this.draw(text, x, 740);
    });
    this.draw("Question ID", COLUMN_X.A, 722);
    this.draw("Question", COLUMN_X.B, 722);
    this.draw("See note", COLUMN_X.D, 722);
    this.y = TOP;
  }

  /** Reserves one line at `pitch` below the previous one, breaking the page when full. */
  line(pitch: number): number {
    if (this.y - pitch < BOTTOM) {
      this.newPage();
      return this.take(0);
    }
    return this.take(pitch);
  }

  private take(pitch: number): number {
    this.y -= pitch;
    return this.y;
  }

  draw(text: string, x: number, y: number): void {
    if (text !== "") this.page.drawText(text, { x, y, size: FONT_SIZE, font: this.font });
  }

  wrap(text: string, width: number): string[] {
    const lines: string[] = [];
    let current = "";
    for (const word of text.split(/\s+/)) {
      const next = current === "" ? word : `${current} ${word}`;
      if (current !== "" && this.font.widthOfTextAtSize(next, FONT_SIZE) > width) {
        lines.push(current);
        current = word;
      } else {
        current = next;
      }
    }
    if (current !== "") lines.push(current);
    return lines;
  }

  /** Draws one sheet row; wrapped question lines continue on the next page when the page is full. */
  row(cells: { A?: string; B?: string; C?: string; D?: string }): void {
    const wrapped = this.wrap(cells.B ?? "", QUESTION_WIDTH);
    if (this.align === "bottom") {
      this.bottomAlignedRow(cells, wrapped);
      return;
    }
    const first = this.line(ROW_PITCH);
    this.draw(cells.A ?? "", COLUMN_X.A, first);
    this.draw(wrapped[0] ?? "", COLUMN_X.B, first);
    this.draw(cells.C ?? "", COLUMN_X.C, first);
    this.draw(cells.D ?? "", COLUMN_X.D, first);
    for (const text of wrapped.slice(1)) this.draw(text, COLUMN_X.B, this.line(WRAP_PITCH));
  }

  /** Draws a row as Excel does by default: the cells share the last line, and rows never split. */
  private bottomAlignedRow(
    cells: { A?: string; C?: string; D?: string },
    wrapped: string[],
  ): void {
    const height = ROW_PITCH + (wrapped.length - 1) * WRAP_PITCH;
    if (this.y - height < BOTTOM) this.newPage();
    let y = this.line(ROW_PITCH);
    wrapped.forEach((text, index) => {
      if (index > 0) y = this.line(WRAP_PITCH);
      this.draw(text, COLUMN_X.B, y);
    });
    this.draw(cells.A ?? "", COLUMN_X.A, y);
    this.draw(cells.C ?? "", COLUMN_X.C, y);
    this.draw(cells.D ?? "", COLUMN_X.D, y);
  }

  blank(): void {
    this.line(ROW_PITCH);
  }
}

export interface PrintOptions {
  /**
   * Vertical alignment of wrapped cells: `top` continues a long question on
   * the next page, `bottom` (Excel's default) prints the ID and answer on the
   * question's last line and keeps each row on one page.
   */
  align?: "top" | "bottom";
}

/** Writes the printed (flattened) PDF of `sample`. */
export async function writeHn12019PrintPdf(
  sample: Hn12019PrintSample,
  options: PrintOptions = {},
): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const header = ["DOC-1", "DOC-3", "DOC-4", "DOC-7"].map((id) => sample.answers[id]?.answer ?? "");
  const layout = new PrintLayout(document, font, header, options.align ?? "top");
  const questionText = (question: QuestionDef) => sample.questions[question.id] ?? question.label;

  for (const section of HN1_2019.sections) {
    if (section.code === "OTHR") continue;
    if (section.code !== "DOC") {
      layout.blank();
      const heading = `${section.title.toUpperCase()} (${section.code})`;
      layout.row({ B: heading });
      layout.row({ B: `Questions about ${section.title.toLowerCase()}.` });
    }
    for (const question of HN1_2019.questions.filter((item) => item.section === section.code)) {
      const answer = sample.answers[question.id];
      if (!answer) continue;
      const printedId = question.id === "SAHD-15" ? "SHAD-15" : question.id;
      layout.row({ A: printedId, B: questionText(question), C: answer.answer, D: answer.note });
    }
    if (section.code === "DOC") {
      layout.blank();
      layout.row({ C: "Yes, No, N/A, or See Note", D: "Note #" });
    }
  }

  layout.blank();
  layout.row({ B: "OTHER SECURITY CONSIDERATIONS (OTHR)" });
  layout.row({ B: "NONE" });
  layout.blank();
  layout.row({ B: "Notes:" });
  for (const note of sample.notes) layout.row({ A: `Note ${note.number}`, B: note.text });

  layout.pages.forEach((page, index) => {
    page.drawText(`Page ${index + 1} of ${layout.pages.length}`, {
      x: 280,
      y: 25,
      size: FONT_SIZE,
      font,
    });
  });
  return document.save();
}
