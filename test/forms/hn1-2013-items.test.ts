import { describe, expect, it } from "vitest";
import {
  itemIdInName,
  leadingItemId,
  notesBoxSection,
  splitNotesBox,
} from "../../src/forms/hn1-2013/items.js";
import { HN1_2013 } from "../../src/forms/hn1-2013/index.js";
import { undecodableShare } from "../../src/read/pdf/page-text.js";

describe("HN 1-2013 field names", () => {
  it.each([
    ["1-1", "1-1"],
    ["1-1_1", "1-1.1"],
    ["10-1.3", "10-1.3"],
    ["ALOF 1-1 note", "1-1"],
    ["form.page2.2-2_5_1", "2-2.5.1"],
    ["2-2_1 Yes", "2-2.1"],
    ["B_1", "B.1"],
    ["MPD.B_2", "B.2"],
    ["d_8 N/A", "D.8"],
    ["A note", "A"],
    ["Text12", undefined],
    ["Device Model", undefined],
    ["99-1", undefined],
    ["11-1", "11-1"],
  ])("%s names item %s", (name, id) => {
    expect(itemIdInName(name)).toBe(id);
  });
});

describe("HN 1-2013 printed lines", () => {
  it.each([
    [
      "1-1  Can the device log off?\tYes\t1",
      "1-1",
      "Can the device log off?\tYes\t1",
    ],
    ["10 - 1.3 Repair by administrators", "10-1.3", "Repair by administrators"],
    ["B.3\tDiagnostic data", "B.3", "Diagnostic data"],
    ["1 AUTOMATIC LOGOFF (ALOF)", undefined, undefined],
    // A lone letter matches; the line recognizers also require an answer after it.
    ["A device without ID", "A", "device without ID"],
  ])("%s starts with item %s", (text, id, rest) => {
    const found = leadingItemId(text);
    expect(found?.id).toBe(id);
    expect(found?.rest).toBe(rest);
  });
});

describe("HN 1-2013 notes boxes", () => {
  it.each([
    ["ALOF notes", "ALOF"],
    ["MLDP_notes", "MLDP"],
    ["Management of Private Data notes", "MPII"],
    ["Other Security Considerations", "OTHR"],
    ["4 notes", "CNFS"],
    ["Notes", undefined],
    ["XXXX notes", undefined],
  ])("%s belongs to %s", (label, section) => {
    expect(notesBoxSection(label)).toBe(section);
  });

  it.each([
    [
      "1. First. 2. Second.",
      [
        { number: 1, text: "First." },
        { number: 2, text: "Second." },
      ],
    ],
    ["Note 3: only one", [{ number: 3, text: "only one" }]],
    ["No numbers here", [{ number: 1, text: "No numbers here" }]],
    ["", []],
  ])("splits %j", (text, notes) => {
    expect(splitNotesBox(text)).toEqual(notes);
  });
});

describe("HN 1-2013 edition data", () => {
  it("has a CNFS section mapped to its capability", () => {
    expect(
      HN1_2013.sections.find((section) => section.code === "CNFS")?.capability,
    ).toBe("CNFS");
  });

  it("marks every correspondence unconfirmed", () => {
    const mapped = HN1_2013.questions.filter(
      (question) => question.equivalents,
    );
    expect(mapped.length).toBeGreaterThan(20);
    for (const question of mapped)
      expect(question.equivalenceConfidence, question.id).toBe("unconfirmed");
  });

  it("names parents that exist", () => {
    const ids = new Set(HN1_2013.questions.map((question) => question.id));
    for (const question of HN1_2013.questions) {
      if (question.parent)
        expect(ids.has(question.parent), question.id).toBe(true);
    }
  });
});

describe("undecodable text share", () => {
  it.each([
    ["Question ID", 0],
    ["\u0001\u0002\u0003\u0004", 1],
    ["ab\ue001\ufffd", 0.5],
    ["   ", 0],
  ])("%j is %d undecodable", (text, share) => {
    expect(undecodableShare(text)).toBe(share);
  });
});
