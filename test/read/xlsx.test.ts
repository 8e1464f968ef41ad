import * as XLSX from "@e965/xlsx";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readSource } from "../../src/read/index.js";
import { readXlsx } from "../../src/read/xlsx.js";
import { Mds2Error } from "../../src/errors.js";
import type { SourceContent } from "../../src/read/source-content.js";

async function workbookBytes(
  fill: (workbook: ExcelJS.Workbook) => void,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function cellAt(content: SourceContent, sheetIndex: number, address: string) {
  if (content.kind !== "grid") throw new Error("not a grid");
  const match = /^([A-Z])(\d+)$/.exec(address)!;
  const column = match[1]!.charCodeAt(0) - 65;
  return content.sheets[sheetIndex]!.rows[Number(match[2]) - 1]?.[column];
}

// The same grid from both workbook readers: SheetJS, which `readSource` uses
// first, and exceljs, its fallback.
const readers: [
  string,
  (bytes: Uint8Array, file: string) => Promise<SourceContent>,
][] = [
  ["readSource (SheetJS)", (bytes, file) => readSource(bytes, file)],
  ["readXlsx (exceljs)", readXlsx],
];

describe.each(readers)("%s", (_reader, read) => {
  it("reads every sheet in tab order", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("First").getCell("A1").value = "one";
      workbook.addWorksheet("Second sheet").getCell("B2").value = "two";
    });
    const content = await read(bytes, "book.xlsx");
    expect(content).toMatchObject({ kind: "grid", format: "xlsx" });
    expect(
      content.kind === "grid" && content.sheets.map((sheet) => sheet.name),
    ).toEqual(["First", "Second sheet"]);
    expect(cellAt(content, 1, "B2")).toEqual({
      text: "two",
      location: "Second sheet!B2",
    });
  });

  it.each<[string, ExcelJS.CellValue, string]>([
    ["plain text", "Yes", "Yes"],
    ["number", 42.5, "42.5"],
    ["boolean", true, "TRUE"],
    [
      "rich text",
      { richText: [{ text: "Ye", font: { bold: true } }, { text: "s" }] },
      "Yes",
    ],
    [
      "hyperlink",
      { text: "vendor site", hyperlink: "https://example.invalid/" },
      "vendor site",
    ],
    [
      "rich-text hyperlink",
      {
        text: {
          richText: [{ text: "See ", font: { bold: true } }, { text: "site" }],
        },
        hyperlink: "https://example.invalid/",
      } as unknown as ExcelJS.CellValue,
      "See site",
    ],
    [
      "formula result",
      { formula: "A1", result: "No" } as ExcelJS.CellFormulaValue,
      "No",
    ],
    [
      "formula without result",
      { formula: "A1" } as ExcelJS.CellFormulaValue,
      "",
    ],
    ["error", { error: "#N/A" } as ExcelJS.CellErrorValue, "#N/A"],
    ["date", new Date(Date.UTC(2019, 9, 9)), "2019-10-09"],
    [
      "date and time",
      new Date(Date.UTC(2019, 9, 9, 13, 5, 0)),
      "2019-10-09T13:05:00",
    ],
  ])("reads a %s cell", async (_kind, value, text) => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("S");
      sheet.getCell("A1").value = "anchor";
      sheet.getCell("C3").value = value;
    });
    const cell = cellAt(await read(bytes, "book.xlsx"), 0, "C3");
    if (text === "") expect(cell).toBeUndefined();
    else expect(cell).toEqual({ text, location: "S!C3" });
  });

  it("keeps merged text at the master cell only", async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet("S");
      sheet.getCell("A1").value = "Banner";
      sheet.mergeCells("A1:E1");
    });
    const content = await read(bytes, "book.xlsx");
    expect(
      content.kind === "grid" && content.sheets[0]!.rows[0]!.filter(Boolean),
    ).toEqual([{ text: "Banner", location: "S!A1" }]);
  });

  it("leaves out text the file stores in the covered cells of a merge", async () => {
    const worksheet = XLSX.utils.aoa_to_sheet([
      ["Banner", "Banner copy", "after"],
      ["below", "covered", ""],
    ]);
    worksheet["!merges"] = [{ s: { r: 0, c: 0 }, e: { r: 1, c: 1 } }];
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, worksheet, "S");
    const bytes = XLSX.write(workbook, { type: "buffer", bookType: "xlsx" });
    const content = await read(new Uint8Array(bytes), "book.xlsx");
    if (content.kind !== "grid") throw new Error("not a grid");
    expect(content.sheets[0]!.rows.map((row) => row.filter(Boolean))).toEqual([
      [
        { text: "Banner", location: "S!A1" },
        { text: "after", location: "S!C1" },
      ],
    ]);
  });

  it("reads dates of a 1904 workbook", async () => {
    // Serial 42285 is 2019-10-09 in the 1904 date system (43747 in the 1900 one).
    const bytes = await workbookBytes((workbook) => {
      const cell = workbook.addWorksheet("S").getCell("A1");
      cell.value = 42285;
      cell.numFmt = "yyyy-mm-dd";
    });
    const entries = unzipSync(bytes);
    entries["xl/workbook.xml"] = strToU8(
      strFromU8(entries["xl/workbook.xml"]!).replace(
        "<workbookPr ",
        '<workbookPr date1904="1" ',
      ),
    );
    expect(
      cellAt(await read(zipSync(entries), "book.xlsx"), 0, "A1")?.text,
    ).toBe("2019-10-09");
  });

  it("reads a workbook whose first sheet id is not 1", async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet("Gone");
      workbook.addWorksheet("Kept").getCell("A1").value = "here";
      workbook.removeWorksheet(workbook.getWorksheet("Gone")!.id);
    });
    const content = await read(bytes, "book.xlsx");
    expect(
      content.kind === "grid" && content.sheets.map((sheet) => sheet.name),
    ).toEqual(["Kept"]);
  });
});

describe("readXlsx", () => {
  it("throws input.invalid for bytes that are not a workbook", async () => {
    const error = await readXlsx(
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      "bad.xlsx",
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Mds2Error);
    expect((error as Mds2Error).code).toBe("input.invalid");
    expect((error as Mds2Error).toLine()).toMatch(
      /^bad\.xlsx: not a readable \.xlsx workbook/,
    );
  });
});
