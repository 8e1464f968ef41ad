import { describe, expect, it } from "vitest";
import {
  findNoteReferences,
  parseNoteReference,
} from "../../src/normalize/note-reference.js";

describe("parseNoteReference", () => {
  it.each([
    ["See Note 1 ", [1]],
    ["See Note 8", [8]],
    ["see note 3", [3]],
    ["See Note #3", [3]],
    ["Note 3", [3]],
    ["Note #12", [12]],
    ["Notes 3, 5", [3, 5]],
    ["1", [1]],
    ["3, 5", [3, 5]],
    ["3 & 5", [3, 5]],
    ["2 and 4", [2, 4]],
    ["1-3", [1, 2, 3]],
    ["See Notes 1, 1", [1]],
    ["#4", [4]],
  ])("reads %j as notes %j", (text, numbers) => {
    const reference = parseNoteReference(text);
    expect(reference.numbers).toEqual(numbers);
    expect(reference.unrecognized).toBe(false);
  });

  it.each(["", "  ", "__", "_", "-", "None", "n/a", "No note"])(
    "reads %j as no note",
    (text) => {
      expect(parseNoteReference(text)).toEqual({
        numbers: [],
        unnumbered: false,
        unrecognized: false,
      });
    },
  );

  it.each(["See Notes", "See note", "Notes"])(
    "reads %j as a note without number",
    (text) => {
      expect(parseNoteReference(text)).toEqual({
        numbers: [],
        unnumbered: true,
        unrecognized: false,
      });
    },
  );

  it.each(["pending", "see vendor", "abc 3"])(
    "flags %j as unrecognized",
    (text) => {
      expect(parseNoteReference(text).unrecognized).toBe(true);
    },
  );
});

describe("findNoteReferences", () => {
  it("finds every reference inside free text", () => {
    expect(
      findNoteReferences("See note 2; also note 5 and notes 6, 7"),
    ).toEqual({
      numbers: [2, 5, 6, 7],
      unnumbered: false,
    });
  });

  it("ignores words that contain note", () => {
    expect(findNoteReferences("footnotes and annotated images")).toEqual({
      numbers: [],
      unnumbered: false,
    });
  });
});
