import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  sampleHn12013,
  writeHn12013FormPdf,
} from "../../src/samples/hn1-2013-form-pdf.js";
import { writeEditedCopy } from "../helpers/edited-workbook.js";
import {
  assessmentResultsSchema,
  componentDefinitionSchema,
} from "../helpers/oscal-minimal-schema.js";

const here = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(here, "../../dist/cli/main.js");
const NEMA = resolve(
  here,
  "../../../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function mds2(args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "node",
      [CLI, ...args],
      {
        maxBuffer: 32 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return {
      code: failure.code,
      stdout: failure.stdout,
      stderr: failure.stderr,
    };
  }
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);

describe("mds2 convert", () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "mds2-convert-"));
  });

  it("writes the 2019 layout workbook", async () => {
    const out = join(folder, "nema-2019.xlsx");
    const result = await mds2([
      "convert",
      NEMA,
      "--to",
      "xlsx-2019",
      "-o",
      out,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const answers = new Map<string, string>();
    workbook.getWorksheet("mds2-form")!.eachRow((row) => {
      answers.set(row.getCell(1).text, row.getCell(3).text);
    });

    expect(result.code).toBe(0);
    expect(answers.get("ALOF-1")).toBe("No");
    expect(answers.get("SAHD-15")).toBe("Yes");
    expect(answers.get("DOC-2")).toBe("Handheld Blood Glucose Monitor");
  });

  it("moves a 2013 PDF form to the 2019 layout", async () => {
    const input = join(folder, "legacy-2013.pdf");
    const out = join(folder, "legacy-2019.xlsx");
    await writeFile(input, await writeHn12013FormPdf(sampleHn12013()));

    const result = await mds2([
      "convert",
      input,
      "--to",
      "xlsx-2019",
      "-o",
      out,
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(out)) as unknown as ArrayBuffer);
    const rows = new Map<string, ExcelJS.Row>();
    workbook
      .getWorksheet("mds2-form")!
      .eachRow((row) => rows.set(row.getCell(1).text, row));
    const unplaced = workbook
      .getWorksheet("Not carried over")!
      .getColumn(1)
      .values.map(String);

    expect(result.code).toBe(0);
    expect(rows.get("AUDT-1")?.getCell(3).text).toBe("No");
    expect(rows.get("AUDT-1")?.getCell(5).text).toBe("2-1");
    expect(rows.get("MPII-3.3")?.getCell(3).text).toBe("Yes");
    expect(unplaced).toContain("4-1");
    expect(unplaced).not.toContain("2-1");
  });

  it.each([
    ["json", (text: string) => JSON.parse(text).edition, "HN 1-2019"],
    [
      "csv",
      (text: string) =>
        text.split("\n").some((line) => line.includes("ALOF-1")),
      true,
    ],
  ])("prints %s", async (format, read, expected) => {
    const result = await mds2(["convert", NEMA, "--to", format]);

    expect(result.code).toBe(0);
    expect(read(result.stdout)).toBe(expected);
  });

  it("prints the same valid OSCAL twice", async () => {
    const first = await mds2(["convert", NEMA, "--to", "oscal"]);
    const second = await mds2(["convert", NEMA, "--to", "oscal"]);
    const validate = ajv.compile(componentDefinitionSchema);

    expect(first.code).toBe(0);
    expect(
      validate(JSON.parse(first.stdout)),
      ajv.errorsText(validate.errors),
    ).toBe(true);
    expect(second.stdout).toBe(first.stdout);
  });

  it("prints valid assessment results", async () => {
    const result = await mds2([
      "convert",
      NEMA,
      "--to",
      "oscal",
      "--oscal-kind",
      "assessment-results",
      "--timestamp",
      "2026-02-03T04:05:06Z",
    ]);
    const document = JSON.parse(result.stdout);
    const validate = ajv.compile(assessmentResultsSchema);

    expect(result.code).toBe(0);
    expect(validate(document), ajv.errorsText(validate.errors)).toBe(true);
    expect(document["assessment-results"].results[0].start).toBe(
      "2026-02-03T04:05:06.000Z",
    );
  });

  it.each([
    [["convert", NEMA, "--to", "docx"], /Invalid values|Choices/],
    [
      ["convert", NEMA, "--to", "oscal", "--timestamp", "yesterday"],
      /invalid --timestamp "yesterday"/,
    ],
    [
      ["convert", "missing.xlsx", "--to", "json"],
      /missing\.xlsx: file not found/,
    ],
  ])("rejects %j with exit 2", async (args, message) => {
    const result = await mds2(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("mds2 diff", () => {
  let edited: string;

  beforeAll(async () => {
    edited = await writeEditedCopy(NEMA, { C50: "Yes", C265: "Perhaps" });
  });

  it("prints the changes as text", async () => {
    const result = await mds2(["diff", NEMA, edited]);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('ALOF-1: no "No" -> yes "Yes"');
    expect(result.stdout).toContain(
      'SAHD-1: no "No" -> unrecognized "Perhaps"',
    );
    expect(result.stdout).toContain("Findings appeared");
  });

  it("prints the changes as JSON", async () => {
    const result = await mds2(["diff", NEMA, edited, "--json"]);
    const diff = JSON.parse(result.stdout);

    expect(diff.schema).toBe("mds2.diff/1");
    expect(
      diff.answers.changed.map((change: { id: string }) => change.id),
    ).toEqual(["ALOF-1", "SAHD-1"]);
    expect(
      diff.findings.appeared.map((finding: { kind: string }) => finding.kind),
    ).toContain("unrecognized");
  });

  it.each([
    ["convert", (input: string) => ["convert", input, "--to", "json"]],
    ["diff", (input: string) => ["diff", NEMA, input]],
  ])("%s never writes over its input", async (_command, args) => {
    const input = await writeEditedCopy(NEMA, { C50: "Yes" });
    const before = await readFile(input);

    const result = await mds2([...args(input), "-o", input]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/would replace the input file/);
    expect(await readFile(input)).toEqual(before);
  });

  it("writes the output atomically to -o", async () => {
    const out = join(dirname(edited), "changes.txt");
    const result = await mds2(["diff", NEMA, edited, "-o", out]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe("");
    expect(await readFile(out, "utf8")).toContain("ALOF-1");
  });
});
