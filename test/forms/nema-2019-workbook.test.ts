import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerValue, Disclosure } from "../../src/model/disclosure.js";
import { parseFile } from "../../src/parse.js";
import { NEMA_2019_XLSX, REAL_CORPUS } from "../helpers/workbook-fixtures.js";

interface ReferenceRow {
  question_id: string;
  section_prefix: string;
  example_answer: string;
  example_note_cell: string;
}

// The question-ID list derived from the NEMA example, kept next to the corpus.
const referenceCsv = resolve(
  REAL_CORPUS,
  "../../reference/mds2-2019-question-ids.csv",
);
const reference: ReferenceRow[] = parseCsv(readFileSync(referenceCsv), {
  columns: true,
});

const DOC_TEXT_IDS = new Set([
  "DOC-1",
  "DOC-2",
  "DOC-3",
  "DOC-4",
  "DOC-5",
  "DOC-6",
  "DOC-7",
]);

function expectedValue(row: ReferenceRow): AnswerValue {
  const canonicalId = row.question_id.replace("SHAD", "SAHD");
  if (DOC_TEXT_IDS.has(canonicalId)) return "text";
  const byAnswer: Record<string, AnswerValue> = {
    Yes: "yes",
    No: "no",
    "N/A": "na",
    "See Notes": "see-note",
    "": "unanswered",
  };
  const value = byAnswer[row.example_answer];
  if (!value)
    throw new Error(`unexpected example answer ${row.example_answer}`);
  return value;
}

let disclosure: Disclosure;
beforeAll(async () => {
  disclosure = await parseFile(NEMA_2019_XLSX);
});

function answerOf(id: string) {
  const answer = disclosure.answers.find((candidate) => candidate.id === id);
  if (!answer) throw new Error(`no answer ${id}`);
  return answer;
}

describe("NEMA example workbook", () => {
  it("reads all 240 question IDs in form order", () => {
    expect(disclosure.answers.map((answer) => answer.id)).toEqual(
      reference.map((row) => row.question_id.replace("SHAD-15", "SAHD-15")),
    );
  });

  it("records edition, format and hash", () => {
    expect(disclosure.schema).toBe("mds2.disclosure/1");
    expect(disclosure.edition).toBe("HN 1-2019");
    expect(disclosure.source.format).toBe("xlsx");
    expect(disclosure.source.sha256).toBe(
      "ebfd725aaf5d32319aa4f61ea0996dded2c2d017fb2ac425ce5df7534a30600e",
    );
  });

  it.each(reference.map((row) => [row.question_id, row]))(
    "normalizes the answer of %s",
    (_id, row) => {
      const answer = answerOf(row.question_id.replace("SHAD", "SAHD"));
      expect(answer.value).toBe(expectedValue(row));
      expect(answer.location).toBe(
        `mds2-form!C${(row as ReferenceRow & { excel_row: string }).excel_row}`,
      );
    },
  );

  it.each(
    reference
      .filter((row) => /See Note \d/.test(row.example_note_cell))
      .map(
        (row) =>
          [
            row.question_id,
            Number(/\d+/.exec(row.example_note_cell)![0]),
          ] as const,
      ),
  )("resolves the note of %s", (id, number) => {
    const answer = answerOf(id);
    expect(answer.notes).toEqual([number]);
    const note = disclosure.notes.find(
      (candidate) => candidate.number === number,
    );
    expect(note?.text.length).toBeGreaterThan(10);
  });

  it("reads the eight notes with their text", () => {
    expect(disclosure.notes.map((note) => note.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(disclosure.notes[7]).toMatchObject({
      text: "www.companywebsite.com/support/thisdevice",
      location: "mds2-form!B349",
    });
  });

  it("keeps DOC-10 unanswered with its note", () => {
    expect(answerOf("DOC-10")).toMatchObject({
      value: "unanswered",
      raw: "",
      notes: [1],
    });
  });

  it("reads the release date as ISO", () => {
    expect(disclosure.device.releaseDate).toBe("2019-10-09");
    expect(answerOf("DOC-7").raw).toBe("2019-10-09");
  });

  it("marks hidden identity fields redacted", () => {
    for (const id of ["DOC-1", "DOC-3", "DOC-4"]) {
      expect(answerOf(id).redacted).toBe(true);
    }
    expect(disclosure.device.manufacturer).toBeUndefined();
    expect(disclosure.device.model).toBeUndefined();
    expect(disclosure.device.description).toBe(
      "Handheld Blood Glucose Monitor",
    );
    expect(disclosure.device.contact).toBe("sales@company.com");
  });

  it("reads SHAD-15 as SAHD-15", () => {
    expect(answerOf("SAHD-15")).toMatchObject({
      printedId: "SHAD-15",
      section: "SAHD",
      value: "yes",
    });
  });

  it("keeps the reference columns", () => {
    expect(answerOf("ALOF-1").references).toEqual({
      iec80001: "Section 5.1, ALOF",
      nist80053: "AC-12",
      iso27002: "None",
    });
  });

  it("reads the other security considerations", () => {
    expect(disclosure.otherConsiderations).toBe("NONE");
  });

  it("reports no problems", () => {
    expect(disclosure.problems).toEqual([]);
  });
});
