/**
 * CSV renderers. Vendor text is data: csv-stringify's `escape_formulas`
 * prefixes `'` to any cell starting with `=`, `+`, `-`, `@`, tab or carriage
 * return, so a spreadsheet never runs it. Numbers stay numbers (not strings,
 * which the prefix would change).
 */

import { stringify } from "csv-stringify/sync";
import type { Assessment, Finding } from "../model/assessment.js";
import type { Disclosure } from "../model/disclosure.js";

const ANSWER_COLUMNS = [
  "id",
  "section",
  "value",
  "raw",
  "comment",
  "notes",
  "note_text",
  "location",
  "printed_id",
  "redacted",
  "question",
];

const FINDING_COLUMNS = [
  "id",
  "kind",
  "severity",
  "capability",
  "questions",
  "controls",
  "message",
  "location",
];

/** Renders one row per answer, with the text of its notes. */
export function renderAnswersCsv(disclosure: Disclosure): string {
  const noteText = new Map(
    disclosure.notes.map((note) => [note.number, note.text]),
  );
  const records = disclosure.answers.map((answer) => [
    answer.id,
    answer.section,
    answer.value,
    answer.raw,
    answer.comment ?? "",
    answer.notes.length === 1 ? answer.notes[0] : answer.notes.join(" "),
    answer.notes.map((number) => noteText.get(number) ?? "").join("\n"),
    answer.location,
    answer.printedId ?? "",
    answer.redacted ? "true" : "",
    answer.question,
  ]);
  return toCsv(ANSWER_COLUMNS, records);
}

/** Renders one row per finding, from the assessment or a list of findings. */
export function renderFindingsCsv(
  findings: Assessment | readonly Finding[],
): string {
  const list = "findings" in findings ? findings.findings : findings;
  const records = list.map((finding) => [
    finding.id,
    finding.kind,
    finding.severity,
    finding.capability ?? "",
    finding.questions.join(" "),
    finding.controls.join(" "),
    finding.message,
    finding.location ?? "",
  ]);
  return toCsv(FINDING_COLUMNS, records);
}

function toCsv(columns: string[], records: unknown[][]): string {
  return stringify([columns, ...records], {
    escape_formulas: true,
    record_delimiter: "unix",
  });
}
