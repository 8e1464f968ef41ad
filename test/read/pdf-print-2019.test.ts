import { beforeAll, describe, expect, it } from "vitest";
import { HN1_2019 } from "../../src/forms/hn1-2019/index.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure } from "../../src/parse.js";
import { readPdf } from "../../src/read/pdf/index.js";
import type { SourceContent } from "../../src/read/source-content.js";
import {
  sampleHn12019Print,
  writeHn12019PrintPdf,
  type Hn12019PrintSample,
} from "../../src/samples/hn1-2019-print-pdf.js";

const VALUES: Record<string, string> = {
  Yes: "yes",
  No: "no",
  "N/A": "na",
  "See Notes": "see-note",
};

let sample: Hn12019PrintSample;
let bytes: Uint8Array;
let content: SourceContent;

beforeAll(async () => {
  sample = sampleHn12019Print();
  bytes = await writeHn12019PrintPdf(sample);
  content = await readPdf(bytes, "printed-2019.pdf");
});

describe("readPdf on a printed 2019 workbook", () => {
  it("rebuilds one grid of columns A to D", () => {
    expect(content.kind).toBe("grid");
    if (content.kind !== "grid") return;
    expect(content.format).toBe("pdf-text");
    expect(content.sheets).toHaveLength(1);
    const header = content.sheets[0]?.rows[0]?.map((cell) => cell?.text);
    expect(header).toEqual(["Question ID", "Question", undefined, "See note"]);
  });

  it("keeps one header row and drops page furniture", () => {
    if (content.kind !== "grid") throw new Error("expected a grid");
    const texts = content.sheets[0]!.rows.flatMap((row) =>
      row.map((cell) => cell?.text ?? ""),
    );
    expect(texts.filter((text) => text === "Question ID")).toHaveLength(1);
    expect(texts.some((text) => /^Page \d+ of \d+$/.test(text))).toBe(false);
    expect(texts.filter((text) => text === "BM-200")).toHaveLength(1);
  });

  it("spans several pages", () => {
    if (content.kind !== "grid") throw new Error("expected a grid");
    const pages = new Set(
      content.sheets[0]!.rows.flatMap((row) =>
        row.map((cell) => cell?.location.split(",")[0]),
      ),
    );
    expect(pages.size).toBeGreaterThan(5);
  });
});

describe.each(["top", "bottom"] as const)(
  "parseDisclosure on a %s-aligned print",
  (align) => {
    let disclosure: Disclosure;
    beforeAll(async () => {
      const printed = await writeHn12019PrintPdf(sample, { align });
      disclosure = await parseDisclosure(printed, "printed-2019.pdf");
    });

    it("detects the edition and format", () => {
      expect(disclosure.edition).toBe("HN 1-2019");
      expect(disclosure.source.format).toBe("pdf-text");
    });

    it("reads every answer", () => {
      const byId = new Map(
        disclosure.answers.map((answer) => [answer.id, answer]),
      );
      for (const question of HN1_2019.questions) {
        const expected = sample.answers[question.id]!;
        const answer = byId.get(question.id);
        expect(answer, question.id).toBeDefined();
        expect(answer?.raw, question.id).toBe(expected.answer);
        if (question.kind === "yes-no")
          expect(answer?.value, question.id).toBe(VALUES[expected.answer]);
        const note = /See Note (\d+)/.exec(expected.note);
        expect(answer?.notes, question.id).toEqual(
          note ? [Number(note[1])] : [],
        );
      }
      expect(disclosure.answers).toHaveLength(HN1_2019.questions.length);
    });

    it("joins wrapped question text", () => {
      for (const [id, text] of Object.entries(sample.questions)) {
        const answer = disclosure.answers.find(
          (candidate) => candidate.id === id,
        );
        expect(answer?.question, id).toBe(text);
      }
    });

    it("reads the notes block", () => {
      expect(disclosure.notes.map((note) => note.text)).toEqual(
        sample.notes.map((note) => note.text),
      );
      expect(
        disclosure.problems.filter(
          (problem) => problem.code === "note.missing",
        ),
      ).toEqual([]);
    });

    it("reads the device from the DOC rows", () => {
      expect(disclosure.device.manufacturer).toBe("Example Medical");
      expect(disclosure.device.model).toBe("BM-200");
      expect(disclosure.device.releaseDate).toBe("2024-05-06");
    });

    it("locates answers by page, row and column", () => {
      const answer = disclosure.answers.find(
        (candidate) => candidate.id === "ALOF-1",
      );
      expect(answer?.location).toMatch(/^page \d+, row \d+, col C$/);
    });
  },
);
