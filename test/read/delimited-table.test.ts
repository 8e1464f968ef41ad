import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { parseDisclosure } from "../../src/parse.js";
import { NEMA_2019_XLSX } from "../helpers/workbook-fixtures.js";

// The NEMA workbook saved as delimited text, as a spreadsheet's "Save as CSV" does.
function nemaAsDelimitedText(separator: string): Uint8Array {
  const workbook = XLSX.read(readFileSync(NEMA_2019_XLSX));
  const sheet = workbook.Sheets[workbook.SheetNames[0]!]!;
  return Buffer.from(XLSX.utils.sheet_to_csv(sheet, { FS: separator }));
}

describe("workbook saved as delimited text", () => {
  it.each([
    ["comma", ","],
    ["semicolon", ";"],
    ["tab", "\t"],
  ])(
    "reads the %s-separated table like the workbook",
    async (_name, separator) => {
      const workbook = await parseDisclosure(
        readFileSync(NEMA_2019_XLSX),
        "nema.xlsx",
      );
      const text = await parseDisclosure(
        nemaAsDelimitedText(separator),
        "nema.csv",
      );

      expect(text.source.format).toBe("text");
      expect(text.answers.map((answer) => answer.id)).toEqual(
        workbook.answers.map((answer) => answer.id),
      );
      // Dates come out as the spreadsheet displays them, so DOC-7 is compared apart.
      const values = (answers: typeof text.answers) =>
        answers
          .filter((answer) => answer.id !== "DOC-7")
          .map((answer) => [answer.id, answer.value, answer.notes]);
      expect(values(text.answers)).toEqual(values(workbook.answers));
      expect(text.notes.map((note) => note.text)).toEqual(
        workbook.notes.map((note) => note.text),
      );
      expect(text.device.releaseDate).toBe("2019-10-09");
    },
  );

  it("locates answers by row and column", async () => {
    const text = await parseDisclosure(nemaAsDelimitedText(","), "nema.csv");
    const alof = text.answers.find((answer) => answer.id === "ALOF-1");

    expect(alof?.location).toBe("csv!C50");
  });

  it("keeps ID lines without a header as text lines", async () => {
    const lines = [
      "ALOF-1,Can the device log off by itself?: Yes",
      "ALOF-2,Is the delay configurable?: No",
    ].join("\n");
    const { readText } = await import("../../src/read/text.js");
    const content = await readText(Buffer.from(lines));

    expect(content.kind).toBe("lines");
  });
});
