/** A workbook whose one cell points past the end of the shared strings. */

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, runCli, type CliResult } from "../helpers/batch-inputs.js";

const SLOW = 240_000;
const SAMPLE = path.join(REPO_ROOT, "samples/harbor-his220-infusion-pump.xlsx");
const SHEET = "xl/worksheets/sheet2.xml";
/** DOC-3 (device model) of the sample's "MDS2 2019" sheet. */
const MODEL_CELL = '<c r="D10" t="s"><v>19</v></c>';

let work: string;
let result: CliResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-bad-sst-"));
  const entries = unzipSync(new Uint8Array(await readFile(SAMPLE)));
  const sheet = strFromU8(entries[SHEET]!);
  expect(sheet).toContain(MODEL_CELL);
  entries[SHEET] = strToU8(
    sheet.replace(MODEL_CELL, '<c r="D10" t="s"><v>99999</v></c>'),
  );
  await writeFile(path.join(work, "vendor.xlsx"), zipSync(entries));
  result = await runCli(["parse", "vendor.xlsx", "--json"], work);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface ParsedRecord {
  device: { manufacturer?: string; model?: string };
  answers: { id: string; value: string; raw: string; location: string }[];
  problems: {
    code: string;
    severity: string;
    message: string;
    location?: string;
  }[];
}

describe("mds2 parse of a workbook with a shared-string index out of range", () => {
  it("reads the form", () => {
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as ParsedRecord;
    expect(record.device.manufacturer).toBe("Harbor Infusion Systems");
    expect(record.answers).toHaveLength(240);
  });

  it("reads D10 as empty", () => {
    const record = JSON.parse(result.stdout) as ParsedRecord;
    expect(record.device.model).toBeUndefined();
    const model = record.answers.find((answer) => answer.id === "DOC-3");
    expect(model).toMatchObject({
      raw: "",
      value: "unanswered",
      location: "MDS2 2019!D10",
    });
  });

  it("reports D10 as a problem", () => {
    const record = JSON.parse(result.stdout) as ParsedRecord;
    const problems = record.problems.filter(
      (problem) => problem.code === "cell.invalid",
    );
    expect(problems).toEqual([
      {
        code: "cell.invalid",
        severity: "warning",
        message:
          "the shared string index 99999 is out of range, so the cell is read as empty",
        location: "MDS2 2019!D10",
      },
    ]);
  });

  it("reports no missing form", () => {
    expect(result.stderr).not.toContain("no MDS2 form found");
    expect(result.stderr).not.toContain("(1 sheet)");
  });
});
