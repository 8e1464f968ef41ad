import { describe, expect, it } from "vitest";
import type { RawForm, RawRow } from "../../src/forms/raw-form.js";
import type { Source } from "../../src/model/disclosure.js";
import { canonicalQuestionId, normalize } from "../../src/normalize/index.js";
import { HN1_2019 } from "../../src/forms/hn1-2019/index.js";

const SOURCE: Source = {
  file: "vendor.xlsx",
  sha256: "0".repeat(64),
  format: "xlsx",
  size: 1,
};

let rowNumber = 10;
function row(
  printedId: string,
  answer: string,
  noteRef = "",
  question = "Question text",
): RawRow {
  rowNumber += 1;
  return {
    printedId,
    question,
    answer,
    answerLocation: `form!C${rowNumber}`,
    noteRef,
    noteLocation: `form!D${rowNumber}`,
  };
}

function form(rows: RawRow[], extra: Partial<RawForm> = {}): RawForm {
  return { edition: "HN 1-2019", rows, notes: [], problems: [], ...extra };
}

const FILLER = { "yes-no": "No", text: "text", date: "2020-01-01" } as const;

/** Builds a form answering every 2019 question with filler except the rows given. */
function fullForm(rows: RawRow[], extra: Partial<RawForm> = {}): RawForm {
  const given = new Set(
    rows.map((candidate) => canonicalQuestionId(candidate.printedId)),
  );
  const rest = HN1_2019.questions
    .filter((question) => !given.has(question.id))
    .map((question) => row(question.id, FILLER[question.kind]));
  return form([...rows, ...rest], extra);
}

describe("normalize", () => {
  it("canonicalizes printed IDs", () => {
    const disclosure = normalize(
      fullForm([row(" alof - 1 ", "Yes"), row("SHAD-15", "Yes")]),
      SOURCE,
    );
    const alof = disclosure.answers.find((answer) => answer.id === "ALOF-1");
    expect(alof).toMatchObject({
      section: "ALOF",
      value: "yes",
      printedId: "alof - 1",
    });
    const sahd = disclosure.answers.find((answer) => answer.id === "SAHD-15");
    expect(sahd?.printedId).toBe("SHAD-15");
    expect(disclosure.problems).toEqual([]);
  });

  it("reads an en dash in an ID", () => {
    const disclosure = normalize(
      fullForm([row("AUDT\u20134.1.1", "Yes")]),
      SOURCE,
    );
    expect(
      disclosure.answers.some((answer) => answer.id === "AUDT-4.1.1"),
    ).toBe(true);
  });

  it("reports an unrecognized answer at its cell", () => {
    const partial = row("ALOF-2", "Partially");
    const disclosure = normalize(fullForm([partial]), SOURCE);
    const answer = disclosure.answers.find(
      (candidate) => candidate.id === "ALOF-2",
    );
    expect(answer).toMatchObject({ value: "unrecognized", raw: "Partially" });
    expect(disclosure.problems).toEqual([
      expect.objectContaining({
        code: "answer.unrecognized",
        severity: "warning",
        location: partial.answerLocation,
        questionId: "ALOF-2",
      }),
    ]);
  });

  it("reports a duplicate ID and keeps the first answer", () => {
    const first = row("ALOF-1", "Yes");
    const second = row("ALOF-1", "No");
    const disclosure = normalize(fullForm([first, second]), SOURCE);
    expect(
      disclosure.answers.filter((answer) => answer.id === "ALOF-1"),
    ).toHaveLength(1);
    expect(
      disclosure.answers.find((answer) => answer.id === "ALOF-1")?.value,
    ).toBe("yes");
    const problem = disclosure.problems.find(
      (candidate) => candidate.code === "question.duplicate",
    );
    expect(problem?.location).toBe(second.answerLocation);
    expect(problem?.message).toContain(first.answerLocation);
  });

  it("reports an unknown ID but keeps its answer", () => {
    const disclosure = normalize(fullForm([row("ALOF-3", "Yes")]), SOURCE);
    expect(
      disclosure.answers.find((answer) => answer.id === "ALOF-3")?.value,
    ).toBe("yes");
    expect(disclosure.problems.map((problem) => problem.code)).toEqual([
      "question.unknown",
    ]);
  });

  it("summarizes missing IDs in one problem", () => {
    const disclosure = normalize(form([row("ALOF-1", "Yes")]), SOURCE);
    const missing = disclosure.problems.filter(
      (problem) => problem.code === "question.missing",
    );
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toMatch(
      /^239 of 240 HN 1-2019 questions are missing: DOC-1, DOC-2/,
    );
    expect(missing[0]?.message).toContain("and 227 more");
  });

  it("resolves note references from both cells", () => {
    const notes = [
      { number: 1, text: "First", location: "form!B90" },
      { number: 3, text: "Third", location: "form!B91" },
    ];
    const disclosure = normalize(
      fullForm(
        [
          row("ALOF-1", "Yes - see note 3", "See Note 1 "),
          row("ALOF-2", "No", "__"),
        ],
        { notes },
      ),
      SOURCE,
    );
    const alof = disclosure.answers.find((answer) => answer.id === "ALOF-1");
    expect(alof?.notes).toEqual([3, 1]);
    expect(
      disclosure.answers.find((answer) => answer.id === "ALOF-2")?.notes,
    ).toEqual([]);
    expect(disclosure.notes).toEqual([
      { number: 1, text: "First", location: "form!B90" },
      { number: 3, text: "Third", location: "form!B91" },
    ]);
    expect(disclosure.problems).toEqual([]);
  });

  it("reports a reference to a missing note", () => {
    const reference = row("EMRG-1", "N/A", "See Note 9");
    const disclosure = normalize(fullForm([reference]), SOURCE);
    expect(disclosure.problems).toEqual([
      expect.objectContaining({
        code: "note.missing",
        location: reference.answerLocation,
        questionId: "EMRG-1",
      }),
    ]);
  });

  it("reports a note cell with no note number", () => {
    const disclosure = normalize(
      fullForm([row("EMRG-1", "N/A", "pending")]),
      SOURCE,
    );
    expect(disclosure.problems.map((problem) => problem.code)).toEqual([
      "note.reference-unrecognized",
    ]);
  });

  it.each([
    ["43747", "2019-10-09"],
    ["2019-10-09", "2019-10-09"],
    ["2026-03-20T00:00:00.000Z", "2026-03-20"],
    ["10/9/2019", "2019-10-09"],
    ["October 9, 2019", "2019-10-09"],
  ])("reads the release date %j", (raw, iso) => {
    const disclosure = normalize(fullForm([row("DOC-7", raw)]), SOURCE);
    expect(disclosure.device.releaseDate).toBe(iso);
    expect(
      disclosure.answers.find((answer) => answer.id === "DOC-7")?.raw,
    ).toBe(raw);
  });

  it("reports a release date it cannot read", () => {
    const disclosure = normalize(
      fullForm([row("DOC-7", "Q3 next year")]),
      SOURCE,
    );
    expect(disclosure.device.releaseDate).toBeUndefined();
    expect(disclosure.problems.map((problem) => problem.code)).toEqual([
      "device.date-unrecognized",
    ]);
  });

  it("fills the device from DOC-1 to DOC-6", () => {
    const disclosure = normalize(
      fullForm([
        row("DOC-1", "Acme Medical"),
        row("DOC-2", "Infusion pump"),
        row("DOC-3", "AP-200"),
        row("DOC-4", "MDS2-AP200-3"),
        row("DOC-5", "security@acme.example"),
        row("DOC-6", "Sends pump events to the EHR"),
      ]),
      SOURCE,
    );
    expect(disclosure.device).toEqual({
      manufacturer: "Acme Medical",
      description: "Infusion pump",
      model: "AP-200",
      documentId: "MDS2-AP200-3",
      contact: "security@acme.example",
      intendedUse: "Sends pump events to the EHR",
      releaseDate: "2020-01-01",
    });
  });

  it("leaves a redacted field out of the device", () => {
    const disclosure = normalize(fullForm([row("DOC-1", "Redacted")]), SOURCE);
    expect(disclosure.device.manufacturer).toBeUndefined();
    expect(
      disclosure.answers.find((answer) => answer.id === "DOC-1")?.redacted,
    ).toBe(true);
  });

  it("reads labelled device fields of older layouts", () => {
    const disclosure = normalize(
      form([], {
        deviceFields: [
          {
            label: "Manufacturer",
            value: "Acme",
            location: "page 1, field Manufacturer",
          },
          {
            label: "Software Release Date",
            value: "2014-02-01",
            location: "page 1, field B",
          },
          {
            label: "Document Release Date",
            value: "3/5/2014",
            location: "page 1, field C",
          },
        ],
      }),
      SOURCE,
    );
    expect(disclosure.device).toEqual({
      manufacturer: "Acme",
      softwareReleaseDate: "2014-02-01",
      releaseDate: "2014-03-05",
    });
  });

  it("uses the project label when the source has no question text", () => {
    const disclosure = normalize(
      fullForm([row("ALOF-1", "Yes", "", "")]),
      SOURCE,
    );
    expect(
      disclosure.answers.find((answer) => answer.id === "ALOF-1")?.question,
    ).toBe("Idle sessions can be locked or logged off");
  });
});
