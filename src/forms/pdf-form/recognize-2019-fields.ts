/**
 * HN 1-2019 forms filled in as a fillable PDF. A field belongs to a question
 * when its name carries the question ID (`ALOF-1`, `AUDT-4_1_1`: dots
 * separate levels of a PDF field name, so underscores between digits count
 * as dots); a name that also contains `note` is the question's note
 * reference. Text fields named `Note 1` … hold the notes.
 */

import type { FormField, SourceContent } from "../../read/source-content.js";
import { canonicalQuestionId } from "../question-id.js";
import { editionData, findQuestion } from "../editions.js";
import type { RawForm, RawNote, RawRow } from "../raw-form.js";

const EDITION = "HN 1-2019";
const MIN_QUESTION_FIELDS = 10;
const QUESTION_ID = /\b([A-Z]{3,4})\s*-\s*(\d+(?:\.\d+){0,2})(?![\d.])/i;
const NOTE_FIELD = /^\s*note\s*#?\s*(\d{1,2})\s*$/i;
const OPTION_SUFFIX = /[\s_-](yes|no|n\/?a|see[\s_-]*notes?)$/i;

/** Recognizes an HN 1-2019 fillable PDF; `undefined` when the fields are not one. */
export function recognizeHn12019Form(
  content: SourceContent,
): RawForm | undefined {
  if (content.kind !== "form") return undefined;

  const answers = new Map<string, FormField[]>();
  const noteRefs = new Map<string, FormField>();
  const notes: RawNote[] = [];
  for (const field of content.fields) {
    const note = NOTE_FIELD.exec(field.name);
    if (note) {
      if (field.value.trim() !== "") {
        notes.push({
          number: Number(note[1]),
          text: field.value,
          location: field.location,
        });
      }
      continue;
    }
    const id = questionIdInName(field.name);
    if (!id) continue;
    if (/note/i.test(field.name.replace(QUESTION_ID, "")))
      noteRefs.set(id, field);
    else answers.set(id, [...(answers.get(id) ?? []), field]);
  }
  if (answers.size < MIN_QUESTION_FIELDS) return undefined;

  const rows: RawRow[] = [];
  for (const question of editionData(EDITION).questions) {
    const fields = answers.get(question.id);
    if (!fields) continue;
    const answer = answerOf(fields);
    const note = noteRefs.get(question.id);
    const row: RawRow = {
      printedId: question.id,
      question: question.label,
      answer: answer.value,
      answerLocation: answer.location,
      noteRef: note?.value ?? "",
    };
    if (note) row.noteLocation = note.location;
    rows.push(row);
  }
  return { edition: EDITION, rows, notes, problems: [...content.problems] };
}

function questionIdInName(name: string): string | undefined {
  const match = QUESTION_ID.exec(name.replace(/(\d)_(?=\d)/g, "$1."));
  if (!match) return undefined;
  const id = canonicalQuestionId(`${match[1]}-${match[2]}`);
  return findQuestion(EDITION, id) ? id : undefined;
}

/** Picks the answer of a question's fields: a ticked `… Yes` checkbox, or the first filled value. */
function answerOf(fields: FormField[]): { value: string; location: string } {
  const location = fields[0]?.location ?? "";
  const options = fields.filter(
    (field) => field.kind === "checkbox" && OPTION_SUFFIX.test(field.name),
  );
  if (options.length > 0) {
    const ticked = options.find((field) => field.value !== "Off");
    const option = ticked ? (OPTION_SUFFIX.exec(ticked.name)?.[1] ?? "") : "";
    return {
      value: option.replace(/[_-]/g, " "),
      location: ticked?.location ?? location,
    };
  }
  const filled = fields.find(
    (field) => field.value.trim() !== "" && field.value !== "Off",
  );
  if (!filled) return { value: "", location };
  return {
    value: filled.kind === "checkbox" ? "Yes" : filled.value,
    location: filled.location,
  };
}
