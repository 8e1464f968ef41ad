import { beforeAll, describe, expect, it } from "vitest";
import type { Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure } from "../../src/parse.js";
import {
  sampleHn12008,
  writeHn12008Pdf,
} from "../../src/samples/hn1-2008-pdf.js";

const VALUES: Record<string, string> = { Yes: "yes", No: "no", "N/A": "na" };

let disclosure: Disclosure;

beforeAll(async () => {
  disclosure = await parseDisclosure(
    await writeHn12008Pdf(sampleHn12008()),
    "form-2008.pdf",
  );
});

function answer(id: string) {
  return disclosure.answers.find((candidate) => candidate.id === id);
}

describe("HN 1-2008 flattened PDF", () => {
  it("detects the edition", () => {
    expect(disclosure.edition).toBe("HN 1-2008");
    expect(disclosure.source.format).toBe("pdf-text");
  });

  it("reads every item with its answer", () => {
    const expected: [string, string][] = [];
    for (const part of sampleHn12008()) {
      let item = "";
      for (const entry of part.items) {
        item = /^\d/.test(entry.label) ? entry.label : item;
        const id = /^\d/.test(entry.label)
          ? entry.label
          : `${item}.${entry.label.toUpperCase()}`;
        expected.push([id, entry.answer]);
      }
    }
    for (const [id, raw] of expected) {
      expect(answer(id)?.raw, id).toBe(raw);
      if (raw !== "") expect(answer(id)?.value, id).toBe(VALUES[raw]);
    }
    expect(disclosure.answers).toHaveLength(expected.length);
  });

  it("reads note numbers", () => {
    expect(answer("4.C")?.notes).toEqual([1]);
    expect(answer("12.B")?.notes).toEqual([2]);
  });

  it.each([
    ["1", "MPII"],
    ["4.C", "MPII"],
    ["5", "SGUD"],
    ["6", "RDMP"],
    ["7", "PLOK"],
    ["8", "DTBK"],
    ["9", "SAHD"],
    ["11", "ALOF"],
    ["12", "AUDT"],
    ["12.A", "AUDT"],
    ["13", "MLDP"],
    ["14", "PAUT"],
    ["15", "TXCF"],
    ["16", "STCF"],
    ["17", "EMRG"],
    ["18", "AUTH"],
    ["19", "TXIG"],
  ])("maps item %s to %s", (id, section) => {
    expect(answer(id)?.section).toBe(section);
  });

  it("reports the unmapped items", () => {
    const problem = disclosure.problems.find(
      (candidate) => candidate.code === "question.unmapped",
    );
    expect(problem?.severity).toBe("info");
    expect(problem?.message).toMatch(/: 10, 10\.a$/);
  });
});
