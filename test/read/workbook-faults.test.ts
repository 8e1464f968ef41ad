import { beforeAll, describe, expect, it } from "vitest";
import type { Disclosure } from "../../src/model/disclosure.js";
import { parseDisclosure } from "../../src/parse.js";
import { strFromU8, unzipSync } from "fflate";
import { readSource } from "../../src/read/index.js";
import { readLimits } from "../../src/read/limits.js";
import { prescanWorkbook } from "../../src/read/xlsx-prescan.js";
import { readXlsx } from "../../src/read/xlsx.js";
import {
  checkboxAnswers,
  inlineStrings,
  isoDateCell,
  legacyXls,
  movedTableWithSheetsBefore,
  nemaBytes,
  prefixedNamespace,
  richTextHyperlink,
  sheetIdSeven,
  wholeColumnValidation,
} from "../helpers/workbook-fixtures.js";

type Summary = Record<string, string>;

/** `value|comment` of every answer, keyed by question ID. */
function summarize(disclosure: Disclosure): Summary {
  return Object.fromEntries(
    disclosure.answers.map((answer) => [
      answer.id,
      `${answer.value}|${answer.comment ?? ""}`,
    ]),
  );
}

let baseline: Disclosure;

beforeAll(async () => {
  baseline = await parseDisclosure(nemaBytes(), "nema.xlsx");
});

describe("workbook faults", () => {
  // Each fixture contains NEMA's example form, so every answer must read as in the original.
  it.each([
    ["whole-column list validation", wholeColumnValidation, "xlsx"],
    ["x:-prefixed SpreadsheetML", prefixedNamespace, "xlsx"],
    ["ISO-date cell", isoDateCell, "xlsx"],
    ["sheet id 7", sheetIdSeven, "xlsx"],
    ["inline strings", inlineStrings, "xlsx"],
    ["legacy .xls", legacyXls, "xls"],
    ["table moved, sheets before", movedTableWithSheetsBefore, "xlsx"],
  ] as const)("%s reads every answer", async (_name, build, format) => {
    const disclosure = await parseDisclosure(build(), "vendor.xlsx");
    expect(disclosure.source.format).toBe(format);
    expect(disclosure.answers).toHaveLength(240);
    expect(summarize(disclosure)).toEqual(summarize(baseline));
    expect(disclosure.device.releaseDate).toBe("2019-10-09");
  });

  it("baseline has the example's answers", () => {
    const answers = summarize(baseline);
    expect(baseline.answers).toHaveLength(240);
    expect(answers["ALOF-1"]).toBe("no|");
    expect(answers["ALOF-2"]).toBe("no|");
    expect(baseline.device.releaseDate).toBe("2019-10-09");
  });

  it("ISO-date cell comes out as an ISO date", async () => {
    const content = await readSource(isoDateCell(), "iso-date.xlsx");
    if (content.kind !== "grid") throw new Error("expected a grid");
    const cell = content.sheets[0]?.rows[11]?.[2];
    expect(cell?.text).toBe("2019-10-09");
    expect(cell?.location).toBe("mds2-form!C12");
  });

  it("moved table keeps its cell locations", async () => {
    const disclosure = await parseDisclosure(
      movedTableWithSheetsBefore(),
      "moved.xlsx",
    );
    const alof = disclosure.answers.find((answer) => answer.id === "ALOF-1");
    expect(alof?.location).toBe("Disclosure!E54");
  });

  it(".xls named .xlsx reads as xls", async () => {
    const disclosure = await parseDisclosure(legacyXls(), "renamed.xlsx");
    expect(disclosure.source.format).toBe("xls");
    expect(
      disclosure.answers.find((answer) => answer.id === "ALOF-1")?.location,
    ).toBe("mds2-form!C50");
  });

  it("rich text in a hyperlink reads as plain text", async () => {
    const content = await readSource(richTextHyperlink(), "rich.xlsx");
    if (content.kind !== "grid") throw new Error("expected a grid");
    expect(content.sheets[0]?.rows[9]?.[2]?.text).toBe(
      "Sales: sales@company.com",
    );
    const disclosure = await parseDisclosure(richTextHyperlink(), "rich.xlsx");
    expect(disclosure.device.contact).toBe("Sales: sales@company.com");
  });

  it("whole-column validation is clamped before exceljs", async () => {
    const content = await readSource(
      wholeColumnValidation(),
      "validation.xlsx",
    );
    if (content.kind !== "grid") throw new Error("expected a grid");
    expect(content.sheets[0]?.rows[49]?.[2]?.text).toBe("No");
  });

  it("whole-column validation is clamped to the used rows", () => {
    const entries = unzipSync(wholeColumnValidation());
    const prescan = prescanWorkbook(entries, "validation.xlsx", readLimits({}));
    const sheet = strFromU8(prescan.entries["xl/worksheets/sheet1.xml"]!);
    expect(prescan.changed).toBe(true);
    expect(sheet).toMatch(/sqref="B1:J349"/);
  });

  it("prefixed workbook fails in exceljs alone", async () => {
    await expect(
      readXlsx(prefixedNamespace(), "prefixed.xlsx"),
    ).rejects.toThrow(/not a readable/);
  });

  it("ISO-date cell is a bare number in exceljs alone", async () => {
    const content = await readXlsx(isoDateCell(), "iso-date.xlsx");
    if (content.kind !== "grid") throw new Error("expected a grid");
    expect(content.sheets[0]?.rows[11]?.[2]?.text).toBe("2019");
  });
});

describe("form-control checkboxes", () => {
  // Both answers are No in the example; the fixture empties the cells and
  // links a checked box to ALOF-1 and an unchecked one to ALOF-2.
  it("checked box reads Yes, unchecked No", async () => {
    const disclosure = await parseDisclosure(
      checkboxAnswers(),
      "checkboxes.xlsx",
    );
    const answers = summarize(disclosure);
    expect(answers["ALOF-1"]).toBe("yes|");
    expect(answers["ALOF-2"]).toBe("no|");
  });

  it("reports each box it read", async () => {
    const content = await readSource(checkboxAnswers(), "checkboxes.xlsx");
    const read = content.problems.filter(
      (problem) => problem.code === "checkbox.read",
    );
    expect(read.map((problem) => problem.location)).toEqual([
      "mds2-form!C50",
      "mds2-form!C51",
    ]);
  });

  it("unlinked box is reported, not read", async () => {
    const content = await readSource(checkboxAnswers(false), "unlinked.xlsx");
    const codes = content.problems.map((problem) => problem.code);
    expect(codes).toEqual(["checkbox.unlinked", "checkbox.unlinked"]);
  });
});
