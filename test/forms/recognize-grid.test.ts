import { describe, expect, it } from "vitest";
import { recognize } from "../../src/forms/index.js";
import { recognizeGrid } from "../../src/forms/hn1-2019/recognize-grid.js";
import { Mds2Error } from "../../src/errors.js";
import type {
  CellText,
  Sheet,
  SourceContent,
} from "../../src/read/source-content.js";

const IDS = [
  "ALOF-1",
  "ALOF-2",
  "AUDT-1",
  "AUDT-1.1",
  "AUTH-1",
  "AUTH-2",
  "PLOK-1",
  "PLOK-2",
  "PLOK-3",
  "PLOK-4",
  "SHAD-15",
];

/** Builds a sheet from rows of strings; locations are `name!<column><row>`. */
function sheet(name: string, rows: string[][], top = 0, left = 0): Sheet {
  const grid: (CellText | undefined)[][] = [];
  rows.forEach((cells, rowIndex) => {
    const row: (CellText | undefined)[] = [];
    cells.forEach((text, columnIndex) => {
      if (text === "") return;
      const column = left + columnIndex;
      row[column] = {
        text,
        location: `${name}!${String.fromCharCode(65 + column)}${top + rowIndex + 1}`,
      };
    });
    grid[top + rowIndex] = row;
  });
  return { name, rows: Array.from(grid, (row) => row ?? []) };
}

function grid(...sheets: Sheet[]): SourceContent {
  return { kind: "grid", format: "xlsx", sheets, problems: [] };
}

describe("recognizeGrid", () => {
  it("reads an unlabeled answer column from the caption row", () => {
    const content = grid(
      sheet("form", [
        ["Question ID", "Question", "", "See note", "IEC TR 80001-2-2:2012"],
        ["", "", "Yes, No,\nN/A, or\nSee Note", "Note #"],
        ...IDS.map((id) => [
          id,
          `text of ${id}`,
          "Yes",
          "__",
          "Section 5.1, ALOF",
        ]),
      ]),
    );
    const form = recognizeGrid(content)!;
    expect(form.rows).toHaveLength(IDS.length);
    expect(form.rows[0]).toMatchObject({
      printedId: "ALOF-1",
      question: "text of ALOF-1",
      answer: "Yes",
      answerLocation: "form!C3",
      noteRef: "__",
      noteLocation: "form!D3",
      references: { iec80001: "Section 5.1, ALOF" },
    });
  });

  it("finds a table moved down and right behind another sheet", () => {
    const content = grid(
      sheet("Instructions", [
        ["Fill in every question."],
        ["Question ID means the code in column A."],
      ]),
      sheet(
        "Vendor form",
        [
          ["Question ID", "Question", "Answer", "Notes"],
          ...IDS.map((id) => [id, "q", "No", ""]),
        ],
        5,
        2,
      ),
    );
    const form = recognizeGrid(content)!;
    expect(form.rows.map((row) => row.printedId)).toEqual(IDS);
    expect(form.rows[0]!.answerLocation).toBe("Vendor form!E7");
    expect(form.rows[0]!.noteLocation).toBe("Vendor form!F7");
  });

  it("falls back to column order without a header row", () => {
    const content = grid(
      sheet(
        "S",
        IDS.map((id) => [id, "q", "N/A", "See Note 1"]),
      ),
    );
    const form = recognizeGrid(content)!;
    expect(form.rows[0]).toMatchObject({
      answer: "N/A",
      noteRef: "See Note 1",
      answerLocation: "S!C1",
    });
  });

  it("gives empty answer cells a location", () => {
    const content = grid(
      sheet("S", [["Question ID", "Question"], ...IDS.map((id) => [id, "q"])]),
    );
    expect(recognizeGrid(content)!.rows[1]).toMatchObject({
      answer: "",
      answerLocation: "S!C3",
    });
  });

  it("reads IDs with spaces around the hyphen", () => {
    const content = grid(
      sheet(
        "S",
        IDS.map((id) => [id.replace("-", " - "), "q", "Yes"]),
      ),
    );
    expect(recognizeGrid(content)!.rows[0]!.printedId).toBe("ALOF - 1");
  });

  it("reads IDs in lower or mixed case", () => {
    const content = grid(
      sheet(
        "S",
        IDS.map((id, index) => [
          index % 2 === 0 ? id.toLowerCase() : id,
          "q",
          "Yes",
        ]),
      ),
    );
    const rows = recognizeGrid(content)!.rows;
    expect(rows).toHaveLength(IDS.length);
    expect(rows[0]!.printedId).toBe("alof-1");
    expect(rows[0]!.answerLocation).toBe("S!C1");
  });

  it("keeps lower-case note labels out of the questions", () => {
    const content = grid(
      sheet("S", [
        ...IDS.map((id) => [id, "q", "Yes"]),
        ["note-1", "First note."],
      ]),
    );
    const form = recognizeGrid(content)!;
    expect(form.rows.map((row) => row.printedId)).toEqual(IDS);
  });

  it("reads the notes block and other considerations", () => {
    const content = grid(
      sheet("S", [
        ["Question ID", "Question"],
        ...IDS.map((id) => [id, "q", "Yes"]),
        ["", "OTHER SECURITY CONSIDERATIONS (OTHR)"],
        ["", "Segment the device network."],
        ["", "Use the vendor hardening guide."],
        ["", "Notes:"],
        ["Note 1", "First note."],
        ["Note 2:", "Second note."],
        ["Note 3: Inline note."],
      ]),
    );
    const form = recognizeGrid(content)!;
    expect(form.notes).toEqual([
      { number: 1, text: "First note.", location: "S!B17" },
      { number: 2, text: "Second note.", location: "S!B18" },
      { number: 3, text: "Inline note.", location: "S!A19" },
    ]);
    expect(form.otherConsiderations).toEqual({
      text: "Segment the device network.\nUse the vendor hardening guide.",
      location: "S!B14",
    });
  });

  it("joins a note continued on the next row", () => {
    const content = grid(
      sheet("S", [
        ["Question ID", "Question"],
        ...IDS.map((id) => [id, "q", "Yes"]),
        ["", "Notes:"],
        ["Note 1", "Windows 7 Embedded."],
        ["", "Patched by service staff."],
        ["Note 2", "Second."],
      ]),
    );
    expect(recognizeGrid(content)!.notes.map((note) => note.text)).toEqual([
      "Windows 7 Embedded.\nPatched by service staff.",
      "Second.",
    ]);
  });

  it("rejects a sheet with too few IDs", () => {
    const content = grid(
      sheet(
        "S",
        IDS.slice(0, 5).map((id) => [id, "q", "Yes"]),
      ),
    );
    expect(recognizeGrid(content)).toBeUndefined();
  });

  it("rejects IDs of other schemes", () => {
    const content = grid(
      sheet(
        "S",
        Array.from({ length: 20 }, (_, index) => [`ABC-${index + 1}`, "q"]),
      ),
    );
    expect(recognizeGrid(content)).toBeUndefined();
  });
});

describe("recognize", () => {
  it("names the file and what it looked for", () => {
    const content = grid(
      sheet("Budget", [
        ["Item", "Cost"],
        ["Pumps", "1200"],
      ]),
    );
    let error: unknown;
    try {
      recognize(content, "budget.xlsx");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(Mds2Error);
    expect((error as Mds2Error).code).toBe("input.not-mds2");
    expect((error as Mds2Error).toLine()).toMatch(
      /^budget\.xlsx: no MDS2 form found in the xlsx workbook \(1 sheet\); looked for .*Question ID/,
    );
  });
});
