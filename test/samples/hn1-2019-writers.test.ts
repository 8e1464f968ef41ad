import { describe, expect, it } from "vitest";
import type { AnswerValue, Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure } from "../../src/parse.js";
import {
  fictionalHn12019Form,
  type Hn12019SampleForm,
} from "../../src/samples/hn1-2019-sample-form.js";
import { writeHn12019Text } from "../../src/samples/hn1-2019-text.js";
import { writeHn12019Xls } from "../../src/samples/hn1-2019-xls.js";

const VALUES: Record<string, AnswerValue> = {
  Yes: "yes",
  No: "no",
  "N/A": "na",
  "See Notes": "see-note",
  "": "unanswered",
};

/** `value|comment|notes` per question ID, as the sample form means it. */
function expectedAnswers(form: Hn12019SampleForm): Record<string, string> {
  const expected: Record<string, string> = {};
  for (const [id, entry] of Object.entries(form.answers)) {
    const value = VALUES[entry.answer] ?? "text";
    const note = /(\d+)$/.exec(entry.note ?? "")?.[1] ?? "";
    expected[id] = `${value}|${entry.comment ?? ""}|${note}`;
  }
  return expected;
}

function parsedAnswers(disclosure: Disclosure): Record<string, string> {
  return Object.fromEntries(
    disclosure.answers.map((answer) => [
      answer.id,
      `${answer.value}|${answer.comment ?? ""}|${answer.notes.join(",")}`,
    ]),
  );
}

const WRITERS = [
  ["xls", (form: Hn12019SampleForm) => writeHn12019Xls(form)],
  ["text", (form: Hn12019SampleForm) => new TextEncoder().encode(writeHn12019Text(form))],
] as const;

describe("HN 1-2019 sample writers", () => {
  it.each(
    WRITERS.flatMap(([format, write]) => [0, 5, 17].map((index) => [format, index, write] as const)),
  )("%s sample %i parses back", async (format, index, write) => {
    const form = fictionalHn12019Form(index);
    const disclosure = await parseDisclosure(write(form), `sample-${index}.${format}`);
    expect(disclosure.source.format).toBe(format);
    expect(disclosure.answers).toHaveLength(240);
    expect(parsedAnswers(disclosure)).toEqual(expectedAnswers(form));
    expect(disclosure.notes.map((note) => note.text)).toEqual(form.notes.map((note) => note.text));
    expect(disclosure.device.manufacturer).toBe(form.answers["DOC-1"]?.answer);
    expect(disclosure.device.releaseDate).toBe(form.answers["DOC-7"]?.answer);
  });

  it("fictional forms differ by index", () => {
    const first = fictionalHn12019Form(1);
    const second = fictionalHn12019Form(2);
    expect(first.answers["DOC-1"]).not.toEqual(second.answers["DOC-1"]);
    expect(expectedAnswers(first)).not.toEqual(expectedAnswers(second));
  });

  it("text sample quotes commas", () => {
    const form = fictionalHn12019Form(0);
    form.answers["ALOF-1"] = { answer: "Yes", comment: "Optional, disabled by default" };
    const text = writeHn12019Text(form);
    expect(text).toMatch(/^DOC-1:/m);
    expect(text).toMatch(/^ALOF-1,.*: Yes,"Optional, disabled by default"$/m);
  });
});
