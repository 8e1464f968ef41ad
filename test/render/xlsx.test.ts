import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { assess } from "../../src/crossref/index.js";
import { builtInMapping } from "../../src/mapping/built-in.js";
import type { Assessment } from "../../src/model/assessment.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure } from "../../src/parse.js";
import {
  parseLocation,
  renderAnnotatedXlsx,
  renderXlsx2019,
} from "../../src/render/xlsx/index.js";
import {
  SEVERITY_FILLS,
  STATUS_FILLS,
} from "../../src/render/xlsx/annotate.js";
import { MAX_CELL_TEXT, toXmlText } from "../../src/render/xlsx/xml-text.js";
import { disclosure2013 } from "../helpers/edition-2013-records.js";
import {
  prefixedNamespace,
  wholeColumnValidation,
} from "../helpers/workbook-fixtures.js";
import {
  packAssessment,
  packDisclosure,
} from "../helpers/evidence-pack-records.js";

const here = dirname(fileURLToPath(import.meta.url));
const nemaExample = join(
  here,
  "../../../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
}

function noteOf(cell: ExcelJS.Cell): string {
  const note = cell.note;
  if (typeof note === "string") return note;
  return note?.texts?.map((part) => part.text).join("") ?? "";
}

/** Maps the rows of the form sheet by the question ID in column A. */
function rowsById(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row) => {
    const id = row.getCell(1).text;
    if (/^[A-Z]+-\d/.test(id)) rows.set(id, row);
  });
  return rows;
}

/** Points the sample records at answer cells of the NEMA example worksheet. */
function nemaRecords(): { disclosure: Disclosure; assessment: Assessment } {
  const disclosure = packDisclosure();
  disclosure.source = { ...disclosure.source, file: "nema-example.xlsx" };
  const rows: Record<string, number> = {
    "ALOF-1": 50,
    "ALOF-2": 51,
    "AUDT-1": 56,
    "AUTH-1": 80,
  };
  disclosure.answers = disclosure.answers
    .filter((answer) => rows[answer.id] !== undefined)
    .map((answer) => ({
      ...answer,
      location: `mds2-form!C${rows[answer.id]}`,
    }));
  return { disclosure, assessment: packAssessment() };
}

describe("parseLocation", () => {
  it.each([
    ["mds2-form!D50", { sheet: "mds2-form", address: "D50" }],
    ["'My sheet'!$C$14", { sheet: "My sheet", address: "C14" }],
    ["'O''Brien'!A1", { sheet: "O'Brien", address: "A1" }],
    ["page 2, field ALOF-1", undefined],
    ["line 41", undefined],
  ])("reads %s", (location, expected) => {
    expect(parseLocation(location)).toEqual(expected);
  });
});

describe("renderAnnotatedXlsx", () => {
  it("shades and notes answer cells of the vendor workbook", async () => {
    const source = new Uint8Array(await readFile(nemaExample));
    const before = Buffer.from(source);
    const { disclosure, assessment } = nemaRecords();

    const workbook = await load(
      await renderAnnotatedXlsx(disclosure, assessment, {
        sourceBytes: source,
      }),
    );
    const form = workbook.getWorksheet("mds2-form");

    expect(form).toBeDefined();
    const alof = form!.getCell("C50");
    expect(alof.text).toBe("No");
    expect(fillOf(alof)).toBe(SEVERITY_FILLS.critical);
    expect(noteOf(alof)).toContain("screen saver timeout is 0");
    expect(noteOf(alof)).toContain("ALOF Automatic logoff: contradicted");
    expect(fillOf(form!.getCell("C51"))).toBe(STATUS_FILLS.contradicted);
    expect(fillOf(form!.getCell("C80"))).toBe(STATUS_FILLS.verified);
    expect(fillOf(form!.getCell("C56"))).toBe(SEVERITY_FILLS.high);
    expect(form!.getCell("B50").text).toContain("logoff");
    expect(Buffer.from(source)).toEqual(before);
  });

  it("adds the assessment sheet", async () => {
    const workbook = await load(
      await renderAnnotatedXlsx(packDisclosure(), packAssessment()),
    );
    const sheet = workbook.getWorksheet("mds2 assessment");
    const values = (row: number) =>
      (sheet?.getRow(row).values as unknown[])
        .slice(1)
        .map((value) => String(value ?? ""));

    expect(values(1)[0]).toBe(
      "The vendor's workbook was not given, so the answers are annotated in the 2019 layout.",
    );
    expect(values(3)).toEqual([
      "Capability",
      "Name",
      "Claim",
      "Status",
      "Questions",
      "Findings",
    ]);
    expect(values(4).slice(0, 4)).toEqual([
      "ALOF",
      "Automatic logoff",
      "claimed",
      "contradicted",
    ]);
    const findingsHeader = packAssessment().capabilities.length + 5;
    expect(values(findingsHeader)[0]).toBe("Severity");
    expect(values(findingsHeader + 1).slice(0, 2)).toEqual([
      "critical",
      "F-ALOF-2",
    ]);
  });

  it("annotates the 2019 layout for non-workbook inputs", async () => {
    const disclosure = packDisclosure();
    disclosure.source = { ...disclosure.source, format: "pdf-text" };

    const workbook = await load(
      await renderAnnotatedXlsx(disclosure, packAssessment()),
    );
    const row = rowsById(workbook.getWorksheet("mds2-form")!).get("ALOF-1");

    expect(row?.getCell(3).text).toBe("Yes");
    expect(fillOf(row!.getCell(3))).toBe(SEVERITY_FILLS.critical);
    expect(noteOf(row!.getCell(3))).toContain("F-ALOF-2");
  });
});

describe("renderXlsx2019", () => {
  it("lays out all 240 questions with the header row", async () => {
    const workbook = await load(await renderXlsx2019(packDisclosure()));
    const sheet = workbook.getWorksheet("mds2-form")!;
    const rows = rowsById(sheet);
    const header = sheet.getRow(5).values as unknown[];

    expect(header.slice(1, 5)).toEqual([
      "Question ID",
      "Question",
      "Answer",
      "See note",
    ]);
    expect(rows.size).toBe(240);
    expect(sheet.getCell("A1").text).toBe(
      "Manufacturer Disclosure Statement for Medical Device Security -- MDS2",
    );
    expect(sheet.getCell("B7").text).toBe(
      "DOCUMENT AND DEVICE DESCRIPTION (DOC)",
    );
    expect(rows.get("ALOF-2")?.getCell(3).text).toBe("Yes, 15 minutes");
    expect(rows.get("ALOF-1")?.getCell(4).text).toBe("See Note 1");
    expect(rows.get("SAHD-15")?.getCell(3).text).toBe("");
    expect(workbook.getWorksheet("Not carried over")).toBeUndefined();
  });

  it("keeps the notes block at the bottom", async () => {
    const workbook = await load(await renderXlsx2019(packDisclosure()));
    const sheet = workbook.getWorksheet("mds2-form")!;
    const last = sheet.getRow(sheet.rowCount);

    expect(last.getCell(1).text).toBe("Note 3");
    expect(last.getCell(2).text).toBe("Antivirus is managed by the hospital.");
  });

  it("moves 2013 answers and lists the unplaced ones", async () => {
    const workbook = await load(await renderXlsx2019(disclosure2013()));
    const rows = rowsById(workbook.getWorksheet("mds2-form")!);
    const unplaced = workbook.getWorksheet("Not carried over")!;
    const unplacedIds = unplaced.getColumn(1).values.slice(2).map(String);

    expect(rows.get("ALOF-1")?.getCell(3).text).toBe("Yes");
    expect(rows.get("ALOF-1")?.getCell(5).text).toBe("1-1");
    expect(rows.get("AUDT-1")?.getCell(3).text).toBe("No");
    expect(rows.get("ALOF-1")?.getCell(4).text).toBe("See Note 1");
    expect(rows.get("AUDT-1")?.getCell(4).text).toBe("See Note 2");
    expect(unplacedIds).toEqual(["4-1", "4-2", "B-1"]);
  });

  it("keeps vendor text starting with = as a string", async () => {
    const workbook = await load(await renderXlsx2019(disclosure2013()));
    const unplaced = workbook.getWorksheet("Not carried over")!;
    const cell = unplaced.getCell("E3");

    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x.example")');
  });
});

describe("toXmlText", () => {
  it.each([
    ["noncharacter U+FFFE", "a\uFFFEb", "a\uFFFDb"],
    ["noncharacter U+FFFF", "a\uFFFFb", "a\uFFFDb"],
    ["lone surrogate", "a\uD800b", "a\uFFFDb"],
    ["control character", "a\u0007b", "a\uFFFDb"],
    ["emoji and CJK", "😀 医疗", "😀 医疗"],
    ["tab and line break", "a\tb\r\nc", "a\tb\r\nc"],
  ])("replaces a %s as needed", (_case, input, expected) => {
    expect(toXmlText(input)).toBe(expected);
  });

  it("cuts text to the cell limit", () => {
    const text = toXmlText("A".repeat(100 * 1024));

    expect(text).toHaveLength(MAX_CELL_TEXT);
    expect(text.endsWith("(cut; full text in the JSON record)")).toBe(true);
  });
});

describe("workbook outputs with hostile vendor text", () => {
  const hostile = "=1+1 \uFFFE\uFFFF end";

  function hostileDisclosure(): Disclosure {
    const disclosure = packDisclosure();
    disclosure.notes[0]!.text = hostile;
    disclosure.answers[0]!.raw = hostile;
    disclosure.answers[0]!.value = "text";
    return disclosure;
  }

  it.each([
    ["2019 layout", () => renderXlsx2019(hostileDisclosure())],
    [
      "annotated workbook",
      () => renderAnnotatedXlsx(hostileDisclosure(), packAssessment()),
    ],
  ])("writes a %s that exceljs reads back", async (_name, render) => {
    const workbook = await load(await render());
    const texts: string[] = [];
    workbook.getWorksheet("mds2-form")!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "string") texts.push(cell.value);
      }),
    );

    expect(texts).toContain("=1+1 \uFFFD\uFFFD end");
  });
});

describe("renderAnnotatedXlsx on the NEMA example", () => {
  it("shades every answer of an assessed capability", async () => {
    const bytes = new Uint8Array(await readFile(nemaExample));
    const disclosure = await parseDisclosure(bytes, "nema-example.xlsx");
    const assessment = assess(disclosure, {
      mapping: builtInMapping(),
      today: "2026-01-01",
    });
    const assessed = new Set(
      assessment.capabilities.flatMap((capability) => capability.questions),
    );

    const workbook = await load(
      await renderAnnotatedXlsx(disclosure, assessment, { sourceBytes: bytes }),
    );
    const form = workbook.getWorksheet("mds2-form")!;
    const unshaded = disclosure.answers
      .filter((answer) => assessed.has(answer.id))
      .filter(
        (answer) =>
          fillOf(form.getCell(answer.location.split("!")[1]!)) === undefined,
      )
      .map((answer) => answer.id);

    expect(assessed.size).toBeGreaterThan(100);
    expect(unshaded).toEqual([]);
    expect(noteOf(form.getCell("C50"))).toMatch(
      /^mds2:\nALOF Automatic logoff: gap/,
    );
    expect(form.getCell("A50").text).toBe("ALOF-1");
    expect(fillOf(form.getCell("A50"))).toBeUndefined();
    expect(workbook.getWorksheet("mds2 assessment")?.rowCount).toBeGreaterThan(
      19,
    );
  });
});

describe("renderAnnotatedXlsx on awkward vendor workbooks", () => {
  it.each([
    [
      "whole-column validation",
      wholeColumnValidation,
      "mds2-form",
      "C50",
      "Capability",
    ],
    [
      "x: prefixed namespace",
      prefixedNamespace,
      "mds2-form",
      undefined,
      "exceljs cannot",
    ],
  ])(
    "annotates a workbook with %s",
    async (_name, build, sheetName, alofCell, firstLine) => {
      const bytes = build();
      const disclosure = await parseDisclosure(bytes, "vendor.xlsx");
      const assessment = assess(disclosure, {
        mapping: builtInMapping(),
        today: "2026-01-01",
      });

      const workbook = await load(
        await renderAnnotatedXlsx(disclosure, assessment, {
          sourceBytes: bytes,
        }),
      );
      const form = workbook.getWorksheet(sheetName)!;
      const address =
        alofCell ?? rowsById(form).get("ALOF-1")!.getCell(3).address;

      expect(noteOf(form.getCell(address))).toContain("ALOF Automatic logoff");
      expect(fillOf(form.getCell(address))).toBeDefined();
      expect(
        workbook.getWorksheet("mds2 assessment")!.getCell("A1").text,
      ).toMatch(new RegExp(`^${firstLine}`));
    },
  );

  it("says when the 2019 layout stands in for the vendor workbook", async () => {
    const bytes = prefixedNamespace();
    const disclosure = await parseDisclosure(bytes, "vendor.xlsx");
    const assessment = assess(disclosure, {
      mapping: builtInMapping(),
      today: "2026-01-01",
    });

    const workbook = await load(
      await renderAnnotatedXlsx(disclosure, assessment, { sourceBytes: bytes }),
    );

    expect(
      workbook.getWorksheet("mds2 assessment")!.getCell("A1").text,
    ).toContain("annotated in the 2019 layout instead");
  });
});
