import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvText, LONG_ROWS } from "../helpers/mapping-fixtures.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("../..", import.meta.url));
const cli = path.join(root, "dist/cli/main.js");
const nema = path.join(
  root,
  "../shared/corpus/real/nema-hn1-2019-example-mds2-worksheet.xlsx",
);
const NEMA_BASE = "nema-hn1-2019-example-mds2-worksheet";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function mds2(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], {
      cwd: folder,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let folder = "";
beforeAll(async () => {
  expect(
    existsSync(cli),
    "build with npx tsc -p tsconfig.build.json first",
  ).toBe(true);
  folder = await mkdtemp(path.join(tmpdir(), "mds2-report-cli-"));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("mds2 report", () => {
  it("writes the HTML report and prints its path", async () => {
    const out = path.join(folder, "html");
    const result = await mds2("report", nema, "-o", out);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);

    const written = path.join(out, `${NEMA_BASE}.html`);
    expect(result.stdout).toBe(`${written}\n`);
    const html = await readFile(written, "utf8");
    expect(html).toContain("Handheld Blood Glucose Monitor");
    expect(html).toContain('id="answer-ALOF-1"');
    expect(await readdir(out)).toEqual([`${NEMA_BASE}.html`]);
  });

  it("writes into ./mds2-report by default", async () => {
    const result = await mds2("report", nema);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${path.join("mds2-report", `${NEMA_BASE}.html`)}\n`,
    );
    expect(
      existsSync(path.join(folder, "mds2-report", `${NEMA_BASE}.html`)),
    ).toBe(true);
  });

  it("writes JSON records and CSV tables", async () => {
    const out = path.join(folder, "data");
    const result = await mds2(
      "report",
      nema,
      "-o",
      out,
      "--format",
      "json,csv",
    );
    expect(result.code).toBe(0);

    const names = result.stdout
      .trim()
      .split("\n")
      .map((line) => path.basename(line));
    expect(names).toEqual([
      `${NEMA_BASE}.disclosure.json`,
      `${NEMA_BASE}.assessment.json`,
      `${NEMA_BASE}.answers.csv`,
      `${NEMA_BASE}.findings.csv`,
    ]);
    const disclosure = JSON.parse(
      await readFile(path.join(out, names[0] ?? ""), "utf8"),
    );
    const assessment = JSON.parse(
      await readFile(path.join(out, names[1] ?? ""), "utf8"),
    );
    expect(disclosure.schema).toBe("mds2.disclosure/1");
    expect(disclosure.answers).toHaveLength(240);
    expect(assessment.schema).toBe("mds2.assessment/1");
    expect(assessment.capabilities.length).toBeGreaterThan(0);
  });

  it("writes the PDF pack and annotated workbook", async () => {
    const out = path.join(folder, "documents");
    const result = await mds2(
      "report",
      nema,
      "-o",
      out,
      "--format",
      "pdf,xlsx",
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);

    const paths = result.stdout.trim().split("\n");
    expect(paths.map((line) => path.basename(line))).toEqual([
      `${NEMA_BASE}.pdf`,
      `${NEMA_BASE}.annotated.xlsx`,
    ]);
    const pdf = await readFile(paths[0] ?? "");
    const xlsx = await readFile(paths[1] ?? "");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(xlsx.subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("passes --platform to the assessment", async () => {
    const out = path.join(folder, "platform");
    const result = await mds2(
      "report",
      nema,
      "-o",
      out,
      "--format",
      "json",
      "--platform",
      "win7",
    );
    expect(result.code).toBe(0);
    const assessment = JSON.parse(
      await readFile(path.join(out, `${NEMA_BASE}.assessment.json`), "utf8"),
    );
    expect(assessment.platform.id).toBe("win7");
    expect(assessment.platform.from).toBe("option");
  });

  it("uses a mapping file given with --mapping", async () => {
    const mapping = path.join(folder, "site-mapping.csv");
    await writeFile(mapping, csvText(LONG_ROWS));
    const out = path.join(folder, "mapping");
    const result = await mds2(
      "report",
      nema,
      "-o",
      out,
      "--format",
      "json",
      "--mapping",
      mapping,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);

    const assessment = JSON.parse(
      await readFile(path.join(out, `${NEMA_BASE}.assessment.json`), "utf8"),
    );
    expect(assessment.mapping.controls).toBe(2);
  });

  it.each([
    [
      "a missing mapping",
      ["report", "FILE", "--mapping", "no-mapping.csv"],
      /no-mapping\.csv/,
    ],
    [
      "a missing file",
      ["report", "no-such-file.xlsx"],
      /no-such-file\.xlsx: file not found/,
    ],
    [
      "a file that is no MDS2 form",
      ["report", "not-a-form.txt"],
      /not-a-form\.txt/,
    ],
    [
      "an unknown format",
      ["report", "FILE", "--format", "html,docx"],
      /unknown report format "docx"/,
    ],
    [
      "an unknown platform",
      ["report", "FILE", "--platform", "amiga"],
      /unknown platform "amiga"/,
    ],
    ["no file", ["report"], /not enough non-option arguments/i],
  ])("exits 2 on %s", async (_case, args, message) => {
    await writeFile(
      path.join(folder, "not-a-form.txt"),
      "just some notes\nnothing to see\n",
    );
    const result = await mds2(
      ...args.map((arg) => (arg === "FILE" ? nema : arg)),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 when the output folder cannot be created", async () => {
    const blocker = path.join(folder, "blocker");
    await writeFile(blocker, "");
    const result = await mds2("report", nema, "-o", path.join(blocker, "out"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot create the output folder/);
  });
});
