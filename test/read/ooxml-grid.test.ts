import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildForm, benchKind } from "../../src/bench/forms.js";
import { Mds2Error } from "../../src/errors.js";
import { readSource } from "../../src/read/index.js";
import { readLimits, type ReadLimits } from "../../src/read/limits.js";
import {
  readOoxmlGrid,
  type OoxmlGridResult,
} from "../../src/read/ooxml-grid.js";
import { readWithSheetJS } from "../../src/read/sheetjs.js";
import type { SourceContent } from "../../src/read/source-content.js";
import {
  checkWorkbook,
  columnName,
  prescanWorkbook,
} from "../../src/read/xlsx-prescan.js";
import { packEntries, unzipWithLimits } from "../../src/read/zip.js";
import { SAMPLE_2019_PROFILES } from "../../src/samples/hn1-2019-profiles.js";
import { buildSample2019Workbook } from "../../src/samples/hn1-2019-workbook.js";
import { plainWorkbook } from "../helpers/batch-inputs.js";
import { writeEditedCopy } from "../helpers/edited-workbook.js";
import {
  buildOoxmlWorkbook,
  type WorkbookSpec,
} from "../helpers/ooxml-workbook.js";
import {
  checkboxAnswers,
  inlineStrings,
  isoDateCell,
  movedTableWithSheetsBefore,
  NEMA_2019_XLSX,
  prefixedNamespace,
  REAL_CORPUS,
  richTextHyperlink,
  sheetIdSeven,
  wholeColumnValidation,
} from "../helpers/workbook-fixtures.js";

const testFolder = resolve(fileURLToPath(import.meta.url), "..");
const SAMPLES = resolve(testFolder, "../../samples");
const FILE = "book.xlsx";

interface BothReaders {
  fast: OoxmlGridResult;
  /** The fast reader on its own, without sheets decoded beforehand. */
  fastAlone: OoxmlGridResult;
  sheetJs: SourceContent;
}

/** Reads `bytes` with the fast reader and with the SheetJS path `readWorkbookZip` falls back to. */
function readBoth(
  bytes: Uint8Array,
  limits: ReadLimits = readLimits({}),
): BothReaders {
  const entries = unzipWithLimits(bytes, FILE, limits);
  const checked = checkWorkbook(entries, FILE, limits);
  const fast = readOoxmlGrid(entries, FILE, limits, checked.sheetXml);
  const fastAlone = readOoxmlGrid(entries, FILE, limits);
  const prescan = prescanWorkbook(entries, FILE, limits, checked);
  const sheetJs = readWithSheetJS(
    packEntries(prescan.entries),
    FILE,
    "xlsx",
    limits,
  );
  return { fast, fastAlone, sheetJs };
}

function grid(result: OoxmlGridResult): SourceContent {
  if (!result.handled)
    throw new Error(`the fast reader declined: ${result.reason}`);
  return result.content;
}

/** Texts of a grid's sheet as `{ C14: "text" }`. */
function texts(content: SourceContent, sheet = 0): Record<string, string> {
  if (content.kind !== "grid") throw new Error("not a grid");
  const found: Record<string, string> = {};
  for (const row of content.sheets[sheet]?.rows ?? []) {
    for (const cell of row) {
      if (cell) found[cell.location.split("!")[1]!] = cell.text;
    }
  }
  return found;
}

function expectSameGrid({ fast, fastAlone, sheetJs }: BothReaders): void {
  expect(grid(fast)).toStrictEqual(sheetJs);
  expect(grid(fastAlone)).toStrictEqual(sheetJs);
}

const corpusWorkbooks = readdirSync(REAL_CORPUS).filter((name) =>
  /\.xls[xm]$/i.test(name),
);

describe("readOoxmlGrid against SheetJS", () => {
  it("finds real workbooks to compare", () => {
    expect(corpusWorkbooks).toContain(
      "nema-hn1-2019-example-mds2-worksheet.xlsx",
    );
  });

  it.each(corpusWorkbooks)("reads real %s as SheetJS does", (name) => {
    const bytes = new Uint8Array(readFileSync(resolve(REAL_CORPUS, name)));
    expectSameGrid(readBoth(bytes));
  });

  const sampleWorkbooks = readdirSync(SAMPLES).filter((name) =>
    name.endsWith(".xlsx"),
  );

  it.each(sampleWorkbooks)("reads sample %s as SheetJS does", (name) => {
    const bytes = new Uint8Array(readFileSync(resolve(SAMPLES, name)));
    expectSameGrid(readBoth(bytes));
  });

  it.each([
    ["whole-column validation", wholeColumnValidation],
    ["sheet id 7", sheetIdSeven],
    ["inline strings", inlineStrings],
    ["rich-text hyperlink", richTextHyperlink],
    ["checkbox controls", () => checkboxAnswers(true)],
    ["unlinked checkbox controls", () => checkboxAnswers(false)],
    ["table moved, sheets before", movedTableWithSheetsBefore],
  ])("reads the %s fixture as SheetJS does", (_name, build) => {
    expectSameGrid(readBoth(build()));
  });

  it("reads a workbook exceljs wrote as SheetJS does", async () => {
    expectSameGrid(readBoth(await plainWorkbook()));
  });

  it("reads an edited copy saved by exceljs as SheetJS does", async () => {
    const copy = await writeEditedCopy(NEMA_2019_XLSX, {
      C14: "Yes & <no> _x0041_ \u00e9",
    });
    const result = readBoth(new Uint8Array(readFileSync(copy)));
    expectSameGrid(result);
    // exceljs 4.4.0 writes `_x0041_` unescaped, so SheetJS reads it as `A`.
    expect(texts(result.sheetJs).C14).toBe("Yes & <no> A \u00e9");
  });

  it.each(SAMPLE_2019_PROFILES.map((profile) => [profile.name, profile]))(
    "reads the %s sample workbook as SheetJS does",
    async (_name, profile) => {
      expectSameGrid(readBoth(await buildSample2019Workbook(profile)));
    },
  );

  // The benchmark's workbooks: the first eight indexes whose kind is xlsx.
  const benchIndexes = Array.from({ length: 40 }, (_, index) => index)
    .filter((index) => benchKind(index) === "xlsx")
    .slice(0, 8);

  it.each(benchIndexes)(
    "reads benchmark workbook %i as SheetJS does",
    async (index) => {
      const bytes = (await buildForm("xlsx", index)) as Uint8Array;
      expectSameGrid(readBoth(bytes));
    },
  );
});

describe("readOoxmlGrid on seeded random cell data", () => {
  // Rows and cells with and without references, every cell type, escapes,
  // date styles, merges and both date systems, in the attribute order Excel
  // writes and in others, with and without white space between elements.
  it("reads 300 random workbooks as SheetJS does", () => {
    const random = seededRandom(20_240_601);
    for (let index = 0; index < 300; index += 1) {
      expectSameGrid(readBoth(buildOoxmlWorkbook(randomWorkbook(random))));
    }
  });
});

describe("readOoxmlGrid declines", () => {
  it.each([
    ["x:-prefixed SpreadsheetML", prefixedNamespace, /prefix/],
    ["ISO-date cell", isoDateCell, /cell type "d"/],
  ])("the %s fixture", (_name, build, reason) => {
    const { fast, sheetJs } = readBoth(build());
    expect(fast.handled).toBe(false);
    expect(declineReason(fast)).toMatch(reason);
    expect(sheetJs.kind).toBe("grid");
  });

  const worksheet = (cells: string) => ({
    sheets: [{ name: "S", cells }],
  });

  it.each<[string, WorkbookSpec, RegExp]>([
    [
      "a chartsheet",
      {
        sheets: [
          { name: "S", cells: '<row r="1"><c r="A1"><v>1</v></c></row>' },
          { name: "Chart", kind: "chartsheet" },
        ],
      },
      /chartsheet/,
    ],
    [
      "strict OOXML",
      {
        ...worksheet('<row r="1"><c r="A1"><v>1</v></c></row>'),
        namespace: "http://purl.oclc.org/ooxml/spreadsheetml/main",
      },
      /transitional/,
    ],
    [
      "a comment in the cell data",
      worksheet('<row r="1"><!-- note --><c r="A1"><v>1</v></c></row>'),
      /comment/,
    ],
    [
      "a prefixed cell",
      worksheet(
        '<row r="1"><x:c xmlns:x="urn:x" r="A1"><x:v>1</x:v></x:c></row>',
      ),
      /element other than a cell/,
    ],
    [
      "a number format id above 392",
      {
        ...worksheet('<row r="1"><c r="A1" s="1"><v>1</v></c></row>'),
        numberFormats: { 400: "0.0" },
        cellFormats: [0, 400],
      },
      /too high/,
    ],
    [
      "cell metadata of an unknown type",
      {
        ...worksheet('<row r="1"><c r="A1" cm="1"><v>1</v></c></row>'),
        extraParts: {
          "xl/metadata.xml":
            '<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
            '<metadataTypes count="1"><metadataType name="XLDAPR"/></metadataTypes>' +
            '<cellMetadata count="1"><bk><rc t="2" v="0"/></bk></cellMetadata></metadata>',
        },
        extraOverrides: {
          "/xl/metadata.xml":
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml",
        },
      },
      /metadata record/,
    ],
    [
      "a hyperlink range without a column",
      {
        sheets: [
          {
            name: "S",
            cells: '<row r="1"><c r="A1"><v>1</v></c></row>',
            after:
              '<hyperlinks><hyperlink ref="1:2" location="S!A1"/></hyperlinks>',
          },
        ],
      },
      /hyperlink on 1:2/,
    ],
    [
      "a phonetic run that is not closed",
      {
        sharedStrings: [
          "<t>a</t>",
          '<r><t>b</t></r><rPh sb="0" eb="1"><t>x</t>',
        ],
        sheets: [
          { name: "S", cells: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' },
        ],
      },
      /phonetic run/,
    ],
    [
      "an attribute SheetJS reads as the reference",
      worksheet('<row r="1"><c r="A1" x:r="B1"><v>1</v></c></row>'),
      /unexpected cell tag/,
    ],
  ])("a workbook with %s", (_name, spec, reason) => {
    const limits = readLimits({});
    const entries = unzipWithLimits(buildOoxmlWorkbook(spec), FILE, limits);
    const fast = readOoxmlGrid(entries, FILE, limits);
    expect(fast.handled).toBe(false);
    expect(declineReason(fast)).toMatch(reason);
  });
});

describe("readOoxmlGrid rules", () => {
  const read = (spec: WorkbookSpec) => {
    const both = readBoth(buildOoxmlWorkbook(spec));
    expectSameGrid(both);
    return both.sheetJs;
  };

  it("decodes entities, character references and _xHHHH_ escapes", () => {
    const content = read({
      sharedStrings: [
        "<t>A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</t>",
        "<t>&#233;t&#xE9; &#x4E2D; &#X41;</t>",
        "<t>_x0041__x000a_B _X0043_ &#95;x0044_</t>",
        '<t xml:space="preserve">line\r\nbreak </t>',
        "<t>&AMP;</t>",
      ],
      sheets: [
        {
          name: "A&amp;B",
          cells:
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' +
            '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>',
        },
      ],
    });
    if (content.kind !== "grid") throw new Error("not a grid");
    expect(content.sheets[0]!.name).toBe("A&B");
    const cells = texts(content);
    expect(cells.A1).toBe(`A & B <c> "d" 'e'`);
    expect(cells.B1).toBe("\u00e9t\u00e9 \u4e2d )");
    expect(cells.C1).toBe("A\nB C D");
    expect(cells.D1).toBe("line\nbreak ");
    expect(cells.E1).toBe("\u0000");
  });

  it("unescapes formula strings twice, as SheetJS does", () => {
    const cells = texts(
      read(
        worksheetSpec(
          '<row r="1"><c r="A1" t="str"><f>B1</f><v>&amp;lt;b&amp;gt;</v></c>' +
            '<c r="B1" t="str"><f>C1</f><v>caf\u00e9 &#233;</v></c>' +
            '<c r="C1" t="str"><f>D1</f><v></v></c></row>',
        ),
      ),
    );
    expect(cells.A1).toBe("<b>");
    expect(cells.B1).toBe("caf\u00e9 \ufffd");
    expect(cells.C1).toBeUndefined();
  });

  it("leaves phonetic runs out of shared strings", () => {
    const cells = texts(
      read({
        sharedStrings: [
          '<t>\u6f22\u5b57</t><rPh sb="0" eb="2"><t>\u304b\u3093\u3058</t></rPh><phoneticPr fontId="1"/>',
          '<r><t>East </t></r><rPh sb="0" eb="1"><t>\u30a4</t></rPh><r><rPr><b/></rPr><t>West</t></r>',
        ],
        sheets: [
          {
            name: "S",
            cells:
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>',
          },
        ],
      }),
    );
    expect(cells).toEqual({ A1: "\u6f22\u5b57", B1: "East West" });
  });

  it("reads inline strings, plain and rich", () => {
    const cells = texts(
      read(
        worksheetSpec(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>plain &amp; simple</t></is></c>' +
            '<c r="B1" t="inlineStr"><is><r><t>ri</t></r><r><rPr><i/></rPr><t>ch</t></r></is></c>' +
            '<c r="C1" t="inlineStr"/></row>',
        ),
      ),
    );
    expect(cells).toEqual({ A1: "plain & simple", B1: "rich" });
  });

  it("places rows and cells without a reference as SheetJS does", () => {
    const cells = texts(
      read(
        worksheetSpec(
          '<row><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c></row>' +
            '<row r="4"><c r="C4"><v>3</v></c><c><v>4</v></c></row>' +
            '<row r="6"/><row><c t="b"><v>1</v></c></row>' +
            "<row></row>" +
            '<row><c r="B9"><v>9</v></c></row>',
        ),
      ),
    );
    expect(cells).toEqual({
      A1: "a",
      B1: "2",
      C4: "3",
      D4: "4",
      A5: "TRUE",
      B9: "9",
    });
  });

  it("reads booleans, errors and numbers", () => {
    const cells = texts(
      read(
        worksheetSpec(
          '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>' +
            '<c r="C1" t="b"><v>true</v></c><c r="D1" t="b"/></row>' +
            '<row r="2"><c r="A2" t="e"><v>#DIV/0!</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="e"/></row>' +
            '<row r="3"><c r="A3"><v>1E3</v></c><c r="B3" t="n"><v>-0.5</v></c>' +
            '<c r="C3"><v>0.30000000000000004</v></c><c r="D3"><v></v></c><c r="E3"><f>A3</f></c></row>',
        ),
      ),
    );
    expect(cells).toEqual({
      A1: "TRUE",
      B1: "FALSE",
      C1: "TRUE",
      D1: "FALSE",
      A2: "#DIV/0!",
      B2: "#N/A",
      A3: "1000",
      B3: "-0.5",
      C3: "0.30000000000000004",
    });
  });

  it("reads dates from built-in, implicit and custom formats", () => {
    const cells = texts(
      read({
        numberFormats: {
          164: "yyyy-mm-dd",
          165: "0.00",
          166: '"Day "0',
          167: "[h]:mm",
        },
        // s: 0 General, 1 m/d/yy, 2 implicit m/d/yy, 3-6 custom, 7 h:mm
        cellFormats: [0, 14, 27, 164, 165, 166, 167, 20],
        sheets: [
          {
            name: "S",
            cells:
              '<row r="1"><c r="A1" s="1"><v>43747</v></c><c r="B1" s="2"><v>43747</v></c>' +
              '<c r="C1" s="3"><v>43747.5</v></c><c r="D1" s="4"><v>43747</v></c>' +
              '<c r="E1" s="5"><v>43747</v></c><c r="F1" s="6"><v>1.25</v></c>' +
              '<c r="G1" s="7"><v>0.75</v></c><c r="H1" s="0"><v>43747</v></c></row>' +
              '<row r="2"><c r="A2" s="1"><v>60</v></c><c r="B2" s="1"><v>59</v></c>' +
              '<c r="C2" s="1"><v>1</v></c><c r="D2" s="01"><v>43747</v></c><c r="E2" s="9"><v>43747</v></c></row>',
          },
        ],
      }),
    );
    expect(cells).toEqual({
      A1: "2019-10-09",
      B1: "2019-10-09",
      C1: "2019-10-09T12:00:00",
      D1: "43747",
      E1: "43747",
      F1: "1900-01-01T06:00:00",
      G1: "1899-12-31T18:00:00",
      H1: "43747",
      A2: "60",
      B2: "1900-02-28",
      C2: "1900-01-01",
      D2: "43747",
      E2: "43747",
    });
  });

  it("decides dates for every format id up to 81 as SheetJS does", () => {
    const ids = Array.from({ length: 82 }, (_, id) => id);
    const cells = ids
      .map(
        (id) =>
          `<row r="${id + 1}"><c r="A${id + 1}" s="${id}"><v>43747.25</v></c></row>`,
      )
      .join("");
    const found = texts(
      read({ cellFormats: ids, sheets: [{ name: "S", cells }] }),
    );
    // Built in: 14-22 and 45-47; implicit in SheetJS: 27-36, 50-58, 71-81.
    expect(found.A15).toBe("2019-10-09T06:00:00");
    expect(found.A28).toBe("2019-10-09T06:00:00");
    expect(found.A1).toBe("43747.25");
    expect(found.A50).toBe("43747.25");
  });

  it("reads dates of a 1904 workbook", () => {
    const cells = texts(
      read({
        workbookProperties: 'date1904="1"',
        cellFormats: [0, 14],
        sheets: [
          {
            name: "S",
            cells:
              '<row r="1"><c r="A1" s="1"><v>42285</v></c><c r="B1" s="1"><v>-1402</v></c></row>',
          },
        ],
      }),
    );
    expect(cells).toEqual({ A1: "2019-10-09", B1: "60" });
  });

  it("keeps merged text at the master cell only", () => {
    const cells = texts(
      read(
        worksheetSpec(
          '<row r="1"><c r="A1" t="inlineStr"><is><t>Banner</t></is></c><c r="B1" t="inlineStr"><is><t>covered</t></is></c>' +
            '<c r="D1" t="inlineStr"><is><t>after</t></is></c></row>' +
            '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c></row>',
          '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="D1:XFD1048576"/></mergeCells>',
        ),
      ),
    );
    expect(cells).toEqual({ A1: "Banner", D1: "after" });
  });

  it("keeps the last of two cells at one reference", () => {
    const cells = texts(
      read({
        sharedStrings: ["<t>unused</t>"],
        sheets: [
          {
            name: "S",
            cells:
              '<row r="1"><c r="A1"><v>1</v></c><c r="A1" t="inlineStr"><is><t>second</t></is></c>' +
              '<c r="B1"><v>2</v></c><c r="B1" t="s"/></row>',
          },
        ],
      }),
    );
    expect(cells).toEqual({ A1: "second", B1: "2" });
  });

  it("reads hidden sheets and empty dialog sheets", () => {
    const content = read({
      sheets: [
        { name: "Shown", cells: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        {
          name: "Hidden",
          state: "hidden",
          cells: '<row r="2"><c r="B2"><v>2</v></c></row>',
        },
        { name: "Very hidden", state: "veryHidden", cells: "" },
        { name: "Dialog", kind: "dialogsheet" },
      ],
    });
    if (content.kind !== "grid") throw new Error("not a grid");
    expect(content.sheets.map((sheet) => sheet.name)).toEqual([
      "Shown",
      "Hidden",
      "Very hidden",
      "Dialog",
    ]);
    expect(texts(content, 1)).toEqual({ B2: "2" });
    expect(content.sheets[3]!.rows).toEqual([]);
  });

  it("enforces the cell limit as readWithSheetJS does", () => {
    // One cell in column CV makes a row of 100 cells in the grid.
    const bytes = buildOoxmlWorkbook(
      worksheetSpec('<row r="1"><c r="CV1"><v>1</v></c></row>'),
    );
    const limits = { ...readLimits({}), maxCells: 50 };
    const entries = unzipWithLimits(bytes, FILE, limits);
    const fastError = captureError(() => readOoxmlGrid(entries, FILE, limits));
    const sheetJsError = captureError(() =>
      readWithSheetJS(bytes, FILE, "xlsx", limits),
    );
    expect(fastError).toBeInstanceOf(Mds2Error);
    expect((fastError as Mds2Error).code).toBe("input.too-large");
    expect((fastError as Mds2Error).message).toBe(
      (sheetJsError as Mds2Error).message,
    );
  });
});

describe("readOoxmlGrid beyond SheetJS", () => {
  // SheetJS 0.20.3 leaves out a whole sheet, silently, when one cell of it
  // has a shared string index out of range. The fast reader keeps the sheet,
  // reads that cell as empty and reports it, so here the two readers differ
  // on purpose.
  const spec: WorkbookSpec = {
    sharedStrings: ["<t>kept</t>"],
    sheets: [
      {
        name: "Form",
        cells:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>99999</v></c>' +
          '<c r="C1"><v>3</v></c></row>',
      },
      { name: "Other", cells: '<row r="1"><c r="A1"><v>1</v></c></row>' },
    ],
  };

  it("keeps a sheet with a shared string index out of range", () => {
    const { fast, fastAlone, sheetJs } = readBoth(buildOoxmlWorkbook(spec));
    const content = grid(fast);
    if (content.kind !== "grid" || sheetJs.kind !== "grid")
      throw new Error("not a grid");

    expect(content.sheets.map((sheet) => sheet.name)).toEqual([
      "Form",
      "Other",
    ]);
    expect(texts(content, 0)).toEqual({ A1: "kept", C1: "3" });
    expect(content.problems).toEqual([
      {
        code: "cell.invalid",
        severity: "warning",
        message:
          "the shared string index 99999 is out of range, so the cell is read as empty",
        location: "Form!B1",
      },
    ]);
    expect(grid(fastAlone)).toStrictEqual(content);
    // The other sheet still reads as SheetJS reads it.
    expect(content.sheets[1]).toStrictEqual(sheetJs.sheets[1]);
  });

  it("reports the sheet SheetJS leaves out", () => {
    const { sheetJs } = readBoth(buildOoxmlWorkbook(spec));
    if (sheetJs.kind !== "grid") throw new Error("not a grid");

    expect(sheetJs.sheets.map((sheet) => sheet.name)).toEqual([
      "Form",
      "Other",
    ]);
    expect(sheetJs.sheets[0]!.rows).toEqual([]);
    expect(sheetJs.problems).toHaveLength(1);
    expect(sheetJs.problems[0]).toMatchObject({
      code: "sheet.unreadable",
      severity: "warning",
      location: "Form",
    });
  });

  it("lists at most 20 cells with an index out of range", () => {
    const cells = Array.from(
      { length: 25 },
      (_, row) =>
        `<row r="${row + 1}"><c r="A${row + 1}" t="s"><v>${500 + row}</v></c></row>`,
    ).join("");
    const limits = readLimits({});
    const entries = unzipWithLimits(
      buildOoxmlWorkbook({
        sharedStrings: ["<t>a</t>"],
        ...worksheetSpec(cells),
      }),
      FILE,
      limits,
    );
    const content = grid(readOoxmlGrid(entries, FILE, limits));

    expect(content.problems).toHaveLength(21);
    expect(content.problems[19]!.location).toBe("S!A20");
    expect(content.problems[20]!.message).toBe(
      "5 more cells have a shared string index out of range and are read as empty",
    );
  });
});

describe("readSource on an OOXML workbook", () => {
  it("applies checkboxes to the fast grid", async () => {
    const content = await readSource(checkboxAnswers(true), FILE);
    const cells = texts(content);
    expect(cells.C50).toBe("Yes");
    expect(cells.C51).toBe("No");
  });

  it("falls back to SheetJS when the fast reader declines", async () => {
    const content = await readSource(isoDateCell(), FILE);
    expect(texts(content).C12).toBe("2019-10-09");
  });
});

function declineReason(result: OoxmlGridResult): string {
  return result.handled ? "(handled)" : result.reason;
}

function worksheetSpec(cells: string, after?: string): WorkbookSpec {
  return { sheets: [{ name: "S", cells, ...(after ? { after } : {}) }] };
}

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

type Random = () => number;

function seededRandom(seed: number): Random {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const RANDOM_TEXTS = [
  "a",
  "A &amp; B",
  "&#233;",
  "_x0041_",
  "x&#x4E2D;y",
  "&lt;t&gt;",
  "1",
  "line\r\nnext",
  " sp ",
  "&AMP;",
  "_X0042_",
  "\u00e9\u4e2d",
];

function randomWorkbook(random: Random): WorkbookSpec {
  const pick = <T>(values: readonly T[]): T =>
    values[Math.floor(random() * values.length)]!;
  let cells = "";
  let row = 0;
  for (let rowIndex = 0; rowIndex < 8; rowIndex += 1) {
    row += 1 + Math.floor(random() * 2);
    if (random() < 0.1) {
      cells += `<row r="${row}"/>`;
      continue;
    }
    const reference = random() < 0.8 ? ` r="${row}"` : "";
    const extra =
      random() < 0.3 ? ' spans="1:5" ht="15" x14ac:dyDescent="0.25"' : "";
    cells += `<row${reference}${extra}>${random() < 0.2 ? "\n  " : ""}`;
    let column = Math.floor(random() * 3);
    for (let cellIndex = 0; cellIndex < 5; cellIndex += 1) {
      cells += randomCell(random, pick, row, column);
      column += 1 + Math.floor(random() * 2);
    }
    cells += `</row>${random() < 0.2 ? "\n" : ""}`;
  }
  const first = `${columnName(1 + Math.floor(random() * 3))}${1 + Math.floor(random() * 4)}`;
  const last = `${columnName(4 + Math.floor(random() * 3))}${3 + Math.floor(random() * 6)}`;
  return {
    sharedStrings: [
      "<t>a</t>",
      "<t>&amp;b</t>",
      '<t xml:space="preserve"> c </t>',
      "<r><t>d</t></r><r><t>e</t></r>",
      "<t>f</t><rPh><t>g</t></rPh>",
      "",
    ],
    numberFormats: { 164: "yyyy-mm-dd", 165: "0.0" },
    cellFormats: [0, 14, 164, 165, 27, 20],
    ...(random() < 0.3 ? { workbookProperties: 'date1904="1"' } : {}),
    sheets: [
      {
        name: "S&amp;1",
        cells,
        after:
          random() < 0.5
            ? `<mergeCells count="1"><mergeCell ref="${first}:${last}"/></mergeCells>`
            : "",
      },
    ],
  };
}

function randomCell(
  random: Random,
  pick: <T>(values: readonly T[]) => T,
  row: number,
  column: number,
): string {
  const reference =
    random() < 0.8 ? ` r="${columnName(column + 1)}${row}"` : "";
  const style = random() < 0.5 ? ` s="${Math.floor(random() * 6)}"` : "";
  switch (
    pick(["n", "n", "s", "s", "str", "b", "e", "inline", "bare", "empty"])
  ) {
    case "n": {
      const formula = random() < 0.2 ? "<f>A1</f>" : "";
      const value = pick(["1", "43747", "0.5", "-3", "60", "1E3", "59.25", ""]);
      return `<c${reference}${style}>${formula}<v>${value}</v></c>`;
    }
    case "s": {
      const index = Math.floor(random() * 6);
      // The type before the style and reference, with white space inside.
      return random() < 0.3
        ? `<c t="s"${style}${reference}>\n <v>${index}</v>\n</c>\n`
        : `<c${reference}${style} t="s"><v>${index}</v></c>`;
    }
    case "str":
      return `<c${reference}${style} t="str"><f>B1</f><v>${pick(RANDOM_TEXTS)}</v></c>`;
    case "b": {
      const value =
        random() < 0.8 ? `<v>${pick(["0", "1", "true", "x"])}</v>` : "";
      return `<c${reference} t="b">${value}</c>`;
    }
    case "e":
      return `<c${reference} t="e"><v>${pick(["#N/A", "#DIV/0!", "#REF!"])}</v></c>`;
    case "inline": {
      const text = pick([
        `<t>${pick(RANDOM_TEXTS)}</t>`,
        `<r><t>${pick(RANDOM_TEXTS)}</t></r><r><t>2</t></r>`,
        "",
      ]);
      return `<c${reference}${style} t="inlineStr"><is>${text}</is></c>`;
    }
    case "bare":
      return `<c${reference}${style}/>`;
    default:
      return `<c${reference}${style}><v></v></c>`;
  }
}
