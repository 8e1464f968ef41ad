/**
 * Writes an HN 1-2019 form as text lines in the style vendors publish in
 * Markdown: `ID:label:answer` for the device description, then
 * `ID,question: answer[,comment]` under one heading line per section, with
 * CSV-style quotes around fields that contain commas, colons or quotes.
 */

import { HN1_2019 } from "../forms/hn1-2019/index.js";
import { questionText, type Hn12019SampleForm } from "./hn1-2019-sample-form.js";

const TITLE = "# Manufacturer Disclosure Statement for Medical Device Security -- MDS2";

/** Returns the text rendering of `form`, lines separated by `\n`. */
export function writeHn12019Text(form: Hn12019SampleForm): string {
  const lines: string[] = [TITLE, ""];
  let section = "";
  for (const question of HN1_2019.questions) {
    if (question.section !== section) {
      section = question.section;
      if (section !== "DOC") lines.push("", sectionHeading(section));
    }
    const answer = form.answers[question.id] ?? { answer: "" };
    const text = questionText(form, question.id);
    const value = [answer.answer, answer.comment ?? answer.note ?? ""].filter(Boolean);
    const written = value.length > 1 ? `${value[0]},${quote(value[1]!)}` : (value[0] ?? "");

    if (written === "") lines.push(`${question.id},${quote(text)}____`);
    else if (section === "DOC" && question.kind !== "yes-no") {
      lines.push(`${question.id}:${quote(text)}:${quote(written)}`);
    } else lines.push(`${question.id},${quote(text)}: ${written}`);
  }

  if (form.notes.length > 0) {
    lines.push("", "NOTES");
    for (const note of form.notes) lines.push(`Note ${note.number}: ${note.text}`);
  }
  return `${lines.join("\n")}\n`;
}

function sectionHeading(code: string): string {
  const section = HN1_2019.sections.find((candidate) => candidate.code === code);
  return `${(section?.title ?? code).toUpperCase()} (${code})`;
}

/** Quotes a field that contains a comma, colon, quote or underscores, doubling inner quotes. */
function quote(field: string): string {
  if (!/[,:"]|__/.test(field)) return field;
  return `"${field.replace(/"/g, '""')}"`;
}
