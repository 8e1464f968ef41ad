import { describe, expect, it } from "vitest";
import type { Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure } from "../../src/parse.js";
import {
  fictionalHn12019Form,
  type Hn12019SampleForm,
} from "../../src/samples/hn1-2019-sample-form.js";
import { writeHn12019Text } from "../../src/samples/hn1-2019-text.js";
import { writeHn12019Xls } from "../../src/samples/hn1-2019-xls.js";

/** Note numbers named in `text`: `See Note 2`, `note #3`. */
function noteNumbers(text: string): number[] {
  return [...text.matchAll(/note\s*#?\s*(\d+)/gi)].map((match) => Number(match[1]));
}

function byId(disclosure: Disclosure) {
  return new Map(disclosure.answers.map((answer) => [answer.id, answer]));
}

async function parseBoth(form: Hn12019SampleForm, index: number) {
  const xls = await parseDisclosure(writeHn12019Xls(form), `sample-${index}.xls`);
  const text = await parseDisclosure(
    new TextEncoder().encode(writeHn12019Text(form)),
    `sample-${index}.txt`,
  );
  return { xls, text };
}

const INDEXES = [0, 1, 2, 3];

describe("HN 1-2019 sample writers", () => {
  it.each(INDEXES)("xls sample %i keeps every cell", async (index) => {
    const form = fictionalHn12019Form(index);
    const { xls } = await parseBoth(form, index);
    const answers = byId(xls);
    expect(xls.source.format).toBe("xls");
    expect(xls.answers).toHaveLength(240);
    for (const [id, entry] of Object.entries(form.answers)) {
      const answer = answers.get(id);
      expect(answer?.raw, id).toBe(entry.answer.trim());
      // A note cell may hold the number alone (`4`).
      const noteCell = entry.note?.trim() ?? "";
      const notes = [
        ...noteNumbers(entry.answer),
        ...(/^\d+$/.test(noteCell) ? [Number(noteCell)] : noteNumbers(noteCell)),
      ];
      expect(answer?.notes, id).toEqual([...new Set(notes)]);
    }
    expect(xls.notes.map((note) => note.text)).toEqual(form.notes.map((note) => note.text));
  });

  it.each(INDEXES)("text sample %i matches xls", async (index) => {
    const form = fictionalHn12019Form(index);
    const { xls, text } = await parseBoth(form, index);
    const fromXls = byId(xls);
    expect(text.source.format).toBe("text");
    expect(text.answers).toHaveLength(240);
    for (const answer of text.answers) {
      const entry = form.answers[answer.id];
      const other = fromXls.get(answer.id);
      // Text lines have no note column: a note alone takes the answer's place.
      const noteOnly = entry?.answer.trim() === "" && entry.note !== undefined;
      expect(answer.value, answer.id).toBe(noteOnly ? "see-note" : other?.value);
      expect([...answer.notes].sort(), answer.id).toEqual([...(other?.notes ?? [])].sort());
    }
    expect(text.notes.map((note) => note.text)).toEqual(form.notes.map((note) => note.text));
    expect(text.device).toEqual(xls.device);
  });

  it("fictional forms differ by index", () => {
    const first = fictionalHn12019Form(1);
    const second = fictionalHn12019Form(2);
    expect(first.answers["DOC-1"]).not.toEqual(second.answers["DOC-1"]);
    expect(first.answers["DOC-4"]).not.toEqual(fictionalHn12019Form(3).answers["DOC-4"]);
  });

  it("text sample quotes commas", () => {
    const form = fictionalHn12019Form(0);
    form.answers["ALOF-1"] = { answer: "Yes", comment: "Optional, disabled by default" };
    const text = writeHn12019Text(form);
    expect(text).toMatch(/^DOC-1:/m);
    expect(text).toMatch(/^ALOF-1,.*: Yes,"Optional, disabled by default"$/m);
  });
});
