import { describe, expect, it } from "vitest";
import { recognize } from "../../src/forms/index.js";
import {
  HN1_2013,
  HN1_2013_DEVICE_FIELDS,
} from "../../src/forms/hn1-2013/index.js";
import { parseDisclosure } from "../../src/parse.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { normalize } from "../../src/normalize/index.js";
import type { CellText, SourceContent } from "../../src/read/source-content.js";
import {
  sampleHn12013,
  writeHn12013FormPdf,
  type Hn12013Sample,
} from "../../src/samples/hn1-2013-form-pdf.js";

const VALUES: Record<string, string> = {
  Yes: "yes",
  No: "no",
  "N/A": "na",
  "See Note": "see-note",
};

function expectSampleAnswers(
  disclosure: Disclosure,
  sample: Hn12013Sample,
): void {
  const byId = new Map(disclosure.answers.map((answer) => [answer.id, answer]));
  for (const [id, item] of Object.entries(sample.items)) {
    expect(byId.get(id)?.value, id).toBe(VALUES[item.answer]);
    expect(byId.get(id)?.notes, `${id} notes`).toEqual(
      item.note === undefined ? [] : [item.note],
    );
  }
  expect(disclosure.answers).toHaveLength(HN1_2013.questions.length);
  expect(
    disclosure.problems.filter((problem) => problem.code === "note.missing"),
  ).toEqual([]);
}

/** The sample as an Excel re-creation: ID, question, answer, note columns and notes rows. */
function sampleGrid(sample: Hn12013Sample): SourceContent {
  const rows: (CellText | undefined)[][] = [];
  const cell = (text: string, column: string): CellText | undefined =>
    text === ""
      ? undefined
      : { text, location: `MDS2!${column}${rows.length + 1}` };
  for (const definition of HN1_2013_DEVICE_FIELDS) {
    rows.push([
      cell(definition.label, "A"),
      cell(sample.device[definition.label] ?? "", "B"),
    ]);
  }
  rows.push([
    undefined,
    undefined,
    cell("Yes, No, N/A, or See Note", "C"),
    cell("Note #", "D"),
  ]);
  let section = "";
  for (const question of HN1_2013.questions) {
    if (question.section !== section && sample.notes[section] !== undefined) {
      rows.push([cell(`${section} notes: ${sample.notes[section]}`, "A")]);
    }
    section = question.section;
    const item = sample.items[question.id]!;
    rows.push([
      cell(question.id, "A"),
      cell(question.label, "B"),
      cell(item.answer, "C"),
      cell(item.note === undefined ? "" : String(item.note), "D"),
    ]);
  }
  if (sample.notes[section] !== undefined)
    rows.push([cell(`${section} notes: ${sample.notes[section]}`, "A")]);
  return {
    kind: "grid",
    format: "xlsx",
    sheets: [{ name: "MDS2", rows }],
    problems: [],
  };
}

describe("HN 1-2013 layouts", () => {
  it("parses a flattened PDF from its text lines", async () => {
    const sample = sampleHn12013();
    const bytes = await writeHn12013FormPdf(sample, { flattened: true });
    const disclosure = await parseDisclosure(bytes, "flattened-2013.pdf");
    expect(disclosure.edition).toBe("HN 1-2013");
    expect(disclosure.source.format).toBe("pdf-text");
    expectSampleAnswers(disclosure, sample);
    expect(disclosure.device.model).toBe("EX-100");
    expect(
      disclosure.answers.find((answer) => answer.id === "10-1.3")?.location,
    ).toMatch(/^page \d+, line \d+$/);
  });

  it("parses a workbook re-creation", () => {
    const sample = sampleHn12013();
    const raw = recognize(sampleGrid(sample), "recreated-2013.xlsx");
    expect(raw.edition).toBe("HN 1-2013");
    const disclosure = normalize(raw, {
      file: "recreated-2013.xlsx",
      sha256: "",
      format: "xlsx",
      size: 0,
    });
    expectSampleAnswers(disclosure, sample);
    expect(disclosure.device.manufacturer).toBe("Example Medical");
    expect(
      disclosure.answers.find((answer) => answer.id === "1-1")?.location,
    ).toBe("MDS2!C34");
  });

  it("keeps notes per section", () => {
    const sample = sampleHn12013();
    const raw = recognize(sampleGrid(sample), "recreated-2013.xlsx");
    const sections = raw.notes.map((note) => note.section);
    expect(sections).toEqual(Object.keys(sample.notes));
    expect(raw.notes.every((note) => note.number === 1)).toBe(true);
  });
});
