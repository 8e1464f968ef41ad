/**
 * HN 1-2019 forms rendered as text lines, one question per line, as vendors
 * publish them in Markdown or plain text:
 *
 * - `ID,question: answer[,comment]`, with CSV-style double quotes around a
 *   question that contains commas or colons;
 * - `ID:label:answer`, the style of the DOC rows, where quoting is
 *   inconsistent and labels may contain unquoted colons;
 * - a question followed by `____` and no colon is a blank left unanswered.
 *
 * The answer is the text after the question, value and comment together; the
 * normalizer splits them. Section heading lines and other prose are skipped.
 */

import { editionData, findQuestion } from "../editions.js";
import type { Problem } from "../../model/disclosure.js";
import type { SourceContent, TextLine } from "../../read/source-content.js";
import type { RawForm, RawNote, RawRow } from "../raw-form.js";

const EDITION = "HN 1-2019";

// Below this many question lines the text is not taken for an HN 1-2019 form.
const MIN_QUESTION_LINES = 10;

// An ID such as `ALOF-1` or `AUDT-4.1.1` at the start of a line, after an
// optional Markdown list marker or bold markup, then `,` or `:`.
const QUESTION_LINE =
  /^\s*(?:[-*+>]\s+)?(?:\*\*)?([A-Za-z]{2,5}-\d+(?:\.\d+)*)(?:\*\*)?\s*([,:])(.*)$/;

const NOTE_LINE = /^\s*(?:[-*+>]\s+)?Note\s*#?\s*(\d+)\s*[:.)-]\s*(.+)$/i;

// Start of a yes/no answer. A colon followed by one of these ends the
// question, even when the question itself contains colons.
const ANSWER_START =
  /^\s*(?:yes|no|n\/?a|not applicable|see\s+notes?|y|n|true|false|_{2,}|$)(?![\w/])/i;

const BLANK = /_{2,}\s*$/;

/** Recognizes an HN 1-2019 form in text lines; `undefined` when the lines are not one. */
export function recognizeLines(content: SourceContent): RawForm | undefined {
  if (content.kind !== "lines") return undefined;

  const rows: RawRow[] = [];
  const notes: RawNote[] = [];
  const problems: Problem[] = [];
  for (const line of content.lines) {
    const row = parseQuestionLine(line, problems);
    if (row) {
      rows.push(row);
      continue;
    }
    const note = NOTE_LINE.exec(line.text);
    if (note)
      notes.push({
        number: Number(note[1]),
        text: note[2]!.trim(),
        location: line.location,
      });
  }

  const known = rows.filter((row) =>
    findQuestion(EDITION, canonicalId(row.printedId)),
  );
  if (known.length < MIN_QUESTION_LINES) return undefined;
  return {
    edition: EDITION,
    rows,
    notes,
    problems: [...content.problems, ...problems],
  };
}

function parseQuestionLine(
  line: TextLine,
  problems: Problem[],
): RawRow | undefined {
  const match = QUESTION_LINE.exec(line.text);
  if (!match) return undefined;
  const printedId = match[1]!;
  if (!isQuestionId(printedId)) return undefined;

  const yesNo = expectsYesNo(printedId);
  const split = splitQuestion(match[3]!, yesNo);
  if (!split) {
    problems.push({
      code: "line.unparsed",
      severity: "warning",
      message: `no answer found after the question of ${printedId}: expected "question: answer"`,
      location: line.location,
      questionId: canonicalId(printedId),
    });
    return undefined;
  }
  return {
    printedId,
    question: split.question,
    answer: yesNo ? split.answer : unquoteField(split.answer),
    answerLocation: line.location,
    noteRef: "",
  };
}

/**
 * Splits the text after `ID,` or `ID:` into question and answer. A quoted
 * question ends at its closing quote. An unquoted one ends at the first colon
 * followed by something that starts a yes/no answer when the question expects
 * one, else at the first colon. A question ending in `____` has no answer.
 */
export function splitQuestion(
  text: string,
  yesNo: boolean,
): { question: string; answer: string } | undefined {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('"')) {
    const quoted = readQuoted(trimmed);
    if (quoted) {
      const rest = trimmed.slice(quoted.end).trimStart();
      if (rest.startsWith(":"))
        return {
          question: quoted.text.trim(),
          answer: cleanAnswer(rest.slice(1)),
        };
      if (BLANK.test(rest) && rest.replace(BLANK, "").trim() === "") {
        return { question: quoted.text.trim(), answer: "" };
      }
    }
  }

  const colon = findAnswerColon(trimmed, yesNo);
  if (colon >= 0) {
    return {
      question: trimmed.slice(0, colon).trim(),
      answer: cleanAnswer(trimmed.slice(colon + 1)),
    };
  }
  if (BLANK.test(trimmed))
    return { question: trimmed.replace(BLANK, "").trim(), answer: "" };
  return undefined;
}

function findAnswerColon(text: string, yesNo: boolean): number {
  const first = text.indexOf(":");
  if (!yesNo || first < 0) return first;
  for (let index = first; index >= 0; index = text.indexOf(":", index + 1)) {
    if (ANSWER_START.test(text.slice(index + 1))) return index;
  }
  return first;
}

/** Reads a `"…"` field with `""` for a quote inside; `end` is the index after the closing quote. */
function readQuoted(text: string): { text: string; end: number } | undefined {
  let value = "";
  for (let index = 1; index < text.length; index += 1) {
    const character = text[index]!;
    if (character !== '"') {
      value += character;
    } else if (text[index + 1] === '"') {
      value += '"';
      index += 1;
    } else {
      return { text: value, end: index + 1 };
    }
  }
  return undefined;
}

/**
 * Unquotes a text answer written as one CSV-style quoted field
 * (`"MVR435, MVR436"`), possibly followed by an empty comment, because a
 * workbook cell would contain the same text without quotes.
 */
function unquoteField(answer: string): string {
  if (!answer.startsWith('"')) return answer;
  const quoted = readQuoted(answer);
  if (!quoted || !/^[\s,]*$/.test(answer.slice(quoted.end))) return answer;
  return quoted.text.trim();
}

function cleanAnswer(text: string): string {
  const answer = text.trim();
  return /^_{2,}$/.test(answer) ? "" : answer;
}

function isQuestionId(printedId: string): boolean {
  const section = canonicalId(printedId).split("-")[0]!;
  return SECTION_CODES.has(section);
}

function expectsYesNo(printedId: string): boolean {
  const question = findQuestion(EDITION, canonicalId(printedId));
  return question === undefined || question.kind === "yes-no";
}

/** Upper case, with the `SHAD` misprint of NEMA's template read as `SAHD`. */
function canonicalId(printedId: string): string {
  return printedId.toUpperCase().replace(/^SHAD-/, "SAHD-");
}

const SECTION_CODES = new Set(
  editionData(EDITION).sections.map((section) => section.code),
);
