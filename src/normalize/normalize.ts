/** The normalize stage: raw rows of one edition to a `Disclosure`. */

import type { EditionData, QuestionDef } from "../forms/edition-data.js";
import { editionData } from "../forms/editions.js";
import type { RawForm, RawNote, RawRow } from "../forms/raw-form.js";
import {
  DISCLOSURE_SCHEMA,
  type Answer,
  type Disclosure,
  type Note,
  type Problem,
  type Source,
} from "../model/disclosure.js";
import { parseAnswer } from "./answer-value.js";
import {
  buildDevice,
  deviceInputsFromAnswers,
  deviceInputsFromLabels,
} from "./device.js";
import { parseNoteReference } from "./note-reference.js";
import { canonicalQuestionId } from "../forms/question-id.js";
import { cleanText } from "../forms/clean-text.js";

/** How many missing IDs the summary problem names before "and n more". */
const MISSING_IDS_SHOWN = 12;

/** Normalizes the raw rows read from `source` into the disclosure record. */
export function normalize(raw: RawForm, source: Source): Disclosure {
  const data = editionData(raw.edition);
  const questions = new Map(
    data.questions.map((question) => [question.id, question]),
  );
  const problems: Problem[] = [...raw.problems];

  const notes = normalizeNotes(raw.notes, problems);
  const answers = normalizeRows(raw.rows, questions, problems);
  resolveNotes(answers, notes, problems);
  reportMissing(answers, data, problems);

  const deviceInputs = [
    ...deviceInputsFromAnswers(answers, (id) => questions.get(id)?.deviceField),
    ...deviceInputsFromLabels(raw.deviceFields ?? []),
  ];
  const device = buildDevice(deviceInputs, problems);

  const disclosure: Disclosure = {
    schema: DISCLOSURE_SCHEMA,
    source,
    edition: raw.edition,
    device,
    answers,
    notes,
    problems,
  };
  const other =
    raw.otherConsiderations && cleanMultiline(raw.otherConsiderations.text);
  if (other) disclosure.otherConsiderations = other;
  return disclosure;
}

function normalizeRows(
  rows: RawRow[],
  questions: Map<string, QuestionDef>,
  problems: Problem[],
): Answer[] {
  const answers: Answer[] = [];
  const seen = new Map<string, Answer>();
  for (const row of rows) {
    const answer = normalizeRow(
      row,
      questions.get(canonicalQuestionId(row.printedId)),
      problems,
    );
    const first = seen.get(answer.id);
    if (first) {
      problems.push({
        code: "question.duplicate",
        severity: "warning",
        message: `${answer.id} appears again; the first answer at ${first.location} is kept`,
        location: answer.location,
        questionId: answer.id,
      });
      continue;
    }
    seen.set(answer.id, answer);
    answers.push(answer);
  }
  return answers;
}

function normalizeRow(
  row: RawRow,
  question: QuestionDef | undefined,
  problems: Problem[],
): Answer {
  const id = canonicalQuestionId(row.printedId);
  const printedId = cleanText(row.printedId);
  const parsed = parseAnswer(row.answer, question?.kind ?? "yes-no");
  const noteReference = parseNoteReference(row.noteRef);

  const answer: Answer = {
    id,
    section: question?.section ?? row.section ?? id.split("-")[0] ?? id,
    question: cleanText(row.question) || question?.label || "",
    value: parsed.value,
    raw: row.answer,
    notes: [...new Set([...parsed.notes, ...noteReference.numbers])],
    location: row.answerLocation,
  };
  if (parsed.comment !== undefined) answer.comment = parsed.comment;
  if (printedId !== id) answer.printedId = printedId;
  if (row.references && Object.keys(row.references).length > 0)
    answer.references = row.references;
  if (parsed.redacted) answer.redacted = true;
  if (question?.equivalents) answer.equivalents = question.equivalents;

  if (!question) {
    problems.push({
      code: "question.unknown",
      severity: "warning",
      message: `${printedId} is not a question of this edition`,
      location: row.answerLocation,
      questionId: id,
    });
  }
  if (parsed.value === "unrecognized") {
    problems.push({
      code: "answer.unrecognized",
      severity: "warning",
      message: `${id}: the answer "${cleanText(row.answer)}" is not Yes, No, N/A or See Note`,
      location: row.answerLocation,
      questionId: id,
    });
  }
  if (noteReference.unrecognized) {
    problems.push({
      code: "note.reference-unrecognized",
      severity: "info",
      message: `${id}: the note cell "${cleanText(row.noteRef)}" names no note number`,
      location: row.noteLocation ?? row.answerLocation,
      questionId: id,
    });
  }
  return answer;
}

function normalizeNotes(rawNotes: RawNote[], problems: Problem[]): Note[] {
  const notes: Note[] = [];
  const seen = new Set<string>();
  for (const raw of rawNotes) {
    const key = `${raw.section ?? ""}#${raw.number}`;
    if (seen.has(key)) {
      problems.push({
        code: "note.duplicate",
        severity: "warning",
        message: `note ${raw.number} is given more than once; the first one is kept`,
        location: raw.location,
      });
      continue;
    }
    seen.add(key);
    const note: Note = {
      number: raw.number,
      text: cleanMultiline(raw.text),
      location: raw.location,
    };
    if (raw.section !== undefined) note.section = raw.section;
    notes.push(note);
  }
  return notes;
}

/** Reports every referenced note number that the notes block lacks. */
function resolveNotes(
  answers: Answer[],
  notes: Note[],
  problems: Problem[],
): void {
  for (const answer of answers) {
    for (const number of answer.notes) {
      const found = notes.some(
        (note) =>
          note.number === number &&
          (note.section === undefined || note.section === answer.section),
      );
      if (found) continue;
      problems.push({
        code: "note.missing",
        severity: "warning",
        message: `${answer.id} refers to note ${number}, which the form does not contain`,
        location: answer.location,
        questionId: answer.id,
      });
    }
  }
}

/** Adds one summary problem naming the questions of the edition that the form lacks. */
function reportMissing(
  answers: Answer[],
  data: EditionData,
  problems: Problem[],
): void {
  const present = new Set(answers.map((answer) => answer.id));
  const missing = data.questions
    .map((question) => question.id)
    .filter((id) => !present.has(id));
  if (missing.length === 0) return;
  const shown = missing.slice(0, MISSING_IDS_SHOWN).join(", ");
  const more =
    missing.length > MISSING_IDS_SHOWN
      ? ` and ${missing.length - MISSING_IDS_SHOWN} more`
      : "";
  problems.push({
    code: "question.missing",
    severity: "warning",
    message: `${missing.length} of ${data.questions.length} ${data.edition} questions are missing: ${shown}${more}`,
  });
}

/** Cleans each line of a multi-line text but keeps the line breaks. */
function cleanMultiline(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => cleanText(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
