import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatSummary } from "../../src/cli/commands/parse.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { NEMA_2019_XLSX } from "../helpers/workbook-fixtures.js";

// Runs the built CLI (`npm test` builds first through `pretest`).
const CLI = path.resolve(import.meta.dirname, "../../dist/cli/main.js");

function mds2(args: string[], input?: Buffer) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    input,
    encoding: "utf8",
  });
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

const TEXT_IDS = [
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
  "SAHD-15",
];

let folder: string;
const bad: Record<string, string> = {};

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "mds2-cli-parse-"));
  bad.empty = path.join(folder, "empty.xlsx");
  await writeFile(bad.empty, "");
  bad.random = path.join(folder, "random.xlsx");
  await writeFile(bad.random, randomBytes(4096));

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.addRow(["Item", "Cost"]);
  sheet.addRow(["Infusion pumps", 12000]);
  bad.noTable = path.join(folder, "budget.xlsx");
  await workbook.xlsx.writeFile(bad.noTable);

  // A text form whose first answer starts with a clear-screen sequence.
  const lines = TEXT_IDS.map(
    (id, index) =>
      `${id},Question ${id}?: ${index === 0 ? "\u001b[2J" : ""}Yes`,
  );
  bad.escape = path.join(folder, "escape.txt");
  await writeFile(bad.escape, `${lines.join("\n")}\n`);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("mds2 parse", () => {
  it("prints a summary", () => {
    const { status, stdout, stderr } = mds2(["parse", NEMA_2019_XLSX]);
    expect(status).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("HN 1-2019, 240 answers");
    expect(stdout).toContain(
      "Answers: yes 29, no 112, n/a 90, see note 1, unanswered 1, text 7",
    );
    expect(stdout).toContain("Problems: none");
  });

  it("prints the disclosure as JSON", () => {
    const { status, stdout } = mds2(["parse", NEMA_2019_XLSX, "--json"]);
    expect(status).toBe(0);
    const disclosure = JSON.parse(stdout);
    expect(disclosure.schema).toBe("mds2.disclosure/1");
    expect(disclosure.answers).toHaveLength(240);
    expect(disclosure.device.releaseDate).toBe("2019-10-09");
  });

  it("prints one CSV row per answer", () => {
    const { status, stdout } = mds2(["parse", NEMA_2019_XLSX, "--csv"]);
    expect(status).toBe(0);
    const rows: Record<string, string>[] = parseCsv(stdout, { columns: true });
    expect(rows).toHaveLength(240);
    expect(rows.find((row) => row.id === "RDMP-3")).toMatchObject({
      value: "yes",
      notes: "8",
      note_text: "www.companywebsite.com/support/thisdevice",
      location: "mds2-form!C248",
    });
  });

  it("writes the output file with -o", async () => {
    const out = path.join(folder, "nema.json");
    const { status, stdout } = mds2([
      "parse",
      NEMA_2019_XLSX,
      "--json",
      "-o",
      out,
    ]);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(JSON.parse(await readFile(out, "utf8")).answers).toHaveLength(240);
  });

  it("reads standard input for -", async () => {
    const { status, stdout } = mds2(
      ["parse", "-", "--json"],
      await readFile(NEMA_2019_XLSX),
    );
    expect(status).toBe(0);
    expect(JSON.parse(stdout).source.file).toBe("stdin");
  });

  it("rejects standard input over the size limit", () => {
    const result = spawnSync(process.execPath, [CLI, "parse", "-"], {
      input: Buffer.alloc(3 * 1024 * 1024),
      encoding: "utf8",
      env: { ...process.env, MDS2_MAX_INPUT_MB: "1" },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^mds2: stdin: the input file size .* exceeds the limit of 1 MB/,
    );
  });

  it("rejects its input as the output", async () => {
    const input = path.join(folder, "same.txt");
    await writeFile(input, await readFile(bad.escape!));
    const { status, stderr } = mds2(["parse", input, "--json", "-o", input]);
    expect(status).toBe(2);
    expect(stderr).toContain("would replace the input file");
    expect(await readFile(input)).toEqual(await readFile(bad.escape!));
  });

  it("rejects --json with --csv", () => {
    const { status, stderr } = mds2([
      "parse",
      NEMA_2019_XLSX,
      "--json",
      "--csv",
    ]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/mutually exclusive/);
  });

  it.each([
    ["empty", "empty.xlsx: the file is empty"],
    ["random", "random.xlsx: not a workbook"],
    ["noTable", "budget.xlsx: no MDS2 form found"],
  ])("exits 2 on the %s file with one line", (name, message) => {
    const { status, stdout, stderr } = mds2(["parse", bad[name]!]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a missing file", () => {
    const missing = path.join(folder, "missing.xlsx");
    const { status, stderr } = mds2(["parse", missing]);
    expect(status).toBe(2);
    expect(stderr).toBe(`mds2: ${missing}: file not found. Check the path.\n`);
  });
});

describe("parse summary", () => {
  it("escapes control characters from the form", () => {
    const { status, stdout } = mds2(["parse", bad.escape!]);
    expect(status).toBe(0);
    expect(stdout).toContain('the answer "\\u001B[2JYes"');
    expect(stdout).not.toContain("\u001b");
  });

  it("counts problems past ten of a code", () => {
    const disclosure = {
      source: { file: "form.xlsx", sha256: "", format: "xlsx" },
      edition: "HN 1-2019",
      device: {},
      answers: [],
      notes: [],
      problems: Array.from({ length: 25 }, (_, index) => ({
        code: "question.unknown",
        severity: "warning",
        message: `ZZZZ-${index} is not a question of this edition`,
        location: `S!C${index + 1}`,
      })),
    } as unknown as Disclosure;
    const lines = formatSummary(disclosure).trimEnd().split("\n");
    expect(lines).toContain("Problems: 25");
    expect(lines.filter((line) => line.includes("ZZZZ-"))).toHaveLength(10);
    expect(lines.at(-1)).toBe(
      "  … 15 more question.unknown problems; --json lists them all",
    );
  });
});
