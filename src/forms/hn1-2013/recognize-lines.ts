/**
 * HN 1-2013 forms as text lines: a flattened or printed PDF, or a text
 * rendering. An item line starts with its ID; in PDF lines the answer and
 * the note number follow in their own columns (separated by tabs), in plain
 * text the answer is the trailing `Yes`, `No`, `N/A` or `See Note`,
 * optionally followed by a note number. A `<CODE> notes:` line opens the
 * section's notes box, which runs until the next item, heading or label.
 */

import type { Problem } from "../../model/disclosure.js";
import type { SourceContent, TextLine } from "../../read/source-content.js";
import type { RawForm, RawNote, RawRow } from "../raw-form.js";
import { findHn12013Question } from "./index.js";
import {
  ANSWER_START,
  deviceLabel,
  leadingItemId,
  notesBoxSection,
  splitNotesBox,
} from "./items.js";

const EDITION = "HN 1-2013";
const MIN_ITEM_LINES = 5;
const MIN_SECTIONS = 3;
const TRAILING_ANSWER =
  /^(.*?)\s+(yes|no|n\/?a|see\s+notes?)(?:\s+(\d{1,2}))?\s*$/i;
const HEADING = /^(?:\d{1,2}\s+)?[A-Z][A-Z ,/-]+(?:\([A-Z]{4}\))?$/;
const FURNITURE =
  /HN 1-2013|Manufacturer Disclosure Statement|^yes,\s*no,\s*n\/a/i;

/** Recognizes HN 1-2013 item lines; `undefined` when the lines are not such a form. */
export function recognizeHn12013Lines(
  content: SourceContent,
): RawForm | undefined {
  if (content.kind !== "lines") return undefined;

  const rows: RawRow[] = [];
  const deviceFields: NonNullable<RawForm["deviceFields"]> = [];
  // `section` is a section code, or `other` for the other security considerations text.
  const boxes: { section: string; lines: TextLine[] }[] = [];
  let openBox: { section: string; lines: TextLine[] } | undefined;

  for (const line of content.lines) {
    const row = itemRow(line);
    if (row) {
      rows.push(row);
      openBox = undefined;
      continue;
    }
    const [label = "", ...values] = line.text.split("\t");
    const boxSection = label.includes(":")
      ? notesBoxSection(label.replace(/:.*$/, ""))
      : undefined;
    if (boxSection) {
      const other = /other\s+security\s+considerations/i.test(label);
      openBox = { section: other ? "other" : boxSection, lines: [] };
      boxes.push(openBox);
      const rest = line.text.replace(/^[^:]*:\s*/, "").trim();
      if (rest !== "") openBox.lines.push({ ...line, text: rest });
      continue;
    }
    if (HEADING.test(line.text) || FURNITURE.test(line.text)) {
      openBox = undefined;
      continue;
    }
    if (openBox) {
      openBox.lines.push(line);
      continue;
    }
    const device = values.length > 0 ? deviceLabel(label) : undefined;
    if (device)
      deviceFields.push({
        label: device,
        value: values.join(" ").trim(),
        location: line.location,
      });
  }

  const numbered = rows.filter((row) => /^\d/.test(row.printedId));
  const sections = new Set(numbered.map((row) => row.section));
  if (numbered.length < MIN_ITEM_LINES || sections.size < MIN_SECTIONS)
    return undefined;

  const problems: Problem[] = [...content.problems];
  const notes: RawNote[] = [];
  let other: RawForm["otherConsiderations"];
  for (const box of boxes) {
    const first = box.lines[0];
    if (!first) continue;
    const text = box.lines.map((line) => line.text).join("\n");
    if (box.section === "other") {
      other ??= { text, location: first.location };
      continue;
    }
    for (const note of splitNotesBox(text))
      notes.push({ ...note, location: first.location, section: box.section });
  }
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

function itemRow(line: TextLine): RawRow | undefined {
  const found = leadingItemId(line.text);
  if (!found) return undefined;
  const section = findHn12013Question(found.id)?.section ?? "";
  const chunks = found.rest.split("\t").map((chunk) => chunk.trim());

  let question = chunks[0] ?? "";
  let answer = "";
  let noteRef = "";
  if (chunks.length > 1) {
    answer = chunks[1] ?? "";
    noteRef = chunks.slice(2).join(" ");
    // A note number printed in the answer column's place when the answer is blank.
    if (/^\d{1,2}$/.test(answer) && noteRef === "")
      [answer, noteRef] = ["", answer];
  } else {
    const trailing = TRAILING_ANSWER.exec(found.rest);
    if (trailing) {
      question = trailing[1] ?? "";
      answer = trailing[2] ?? "";
      noteRef = trailing[3] ?? "";
    }
  }
  // A lone letter at a line start is only taken for a private data item when an answer follows.
  if (/^[A-D]/.test(found.id) && !ANSWER_START.test(answer)) return undefined;
  return {
    printedId: found.id,
    question,
    answer,
    answerLocation: line.location,
    noteRef,
    section,
  };
}
