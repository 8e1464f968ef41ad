/**
 * Writes an HN 1-2019 form as a legacy Excel 97-2003 workbook (.xls, BIFF8)
 * in the layout of NEMA's example worksheet. The sheet has a title, a running
 * header, the `Question ID` header row and the DOC block, then the answer
 * caption row, a heading row per section with its questions, and the notes.
 */

import * as XLSX from "@e965/xlsx";
import { HN1_2019 } from "../forms/hn1-2019/index.js";
import { questionText, type Hn12019SampleForm } from "./hn1-2019-sample-form.js";

const TITLE = "Manufacturer Disclosure Statement for Medical Device Security -- MDS2";
const HEADER = ["Question ID", "Question", "", "See note"];
const CAPTION = ["", "", "Yes, No, N/A, or See Note", "Note #"];

/** Returns the BIFF8 bytes of `form` on one sheet named `mds2-form`. */
export function writeHn12019Xls(form: Hn12019SampleForm): Uint8Array {
  const rows = hn12019Rows(form);
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(rows), "mds2-form");
  return new Uint8Array(XLSX.write(workbook, { type: "buffer", bookType: "biff8" }) as Buffer);
}

/** Lays out `form` as rows of cell text, as NEMA's example worksheet does. */
export function hn12019Rows(form: Hn12019SampleForm): string[][] {
  const answer = (id: string) => form.answers[id]?.answer ?? "";
  const rows: string[][] = [
    [],
    [TITLE],
    [answer("DOC-1"), answer("DOC-3"), answer("DOC-4"), answer("DOC-7")],
    [],
    HEADER,
  ];

  let section = "";
  for (const question of HN1_2019.questions) {
    if (question.section !== section) {
      section = question.section;
      if (section === "MPII") rows.push([], CAPTION);
      if (section !== "DOC") rows.push(["", sectionHeading(section)]);
    }
    const entry = form.answers[question.id] ?? { answer: "" };
    const cell = entry.comment ? `${entry.answer}, ${entry.comment}` : entry.answer;
    rows.push([question.id, questionText(form, question.id), cell, entry.note || "__"]);
  }

  if (form.notes.length > 0) {
    rows.push([], ["", "Notes:"], []);
    for (const note of form.notes) rows.push([`Note ${note.number}`, note.text]);
  }
  return rows;
}

function sectionHeading(code: string): string {
  const section = HN1_2019.sections.find((candidate) => candidate.code === code);
  return `${(section?.title ?? code).toUpperCase()} (${code})`;
}
