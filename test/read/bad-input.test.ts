import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import * as XLSX from "@e965/xlsx";
import { strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Mds2Error } from "../../src/errors.js";
import { parseDisclosure } from "../../src/parse.js";
import { readLimits } from "../../src/read/limits.js";
import {
  encryptedOoxml,
  encryptedXls,
  missingSharedStrings,
  nemaBytes,
  oleWithoutWorkbook,
  randomBytes,
  zipBomb,
  zipNotWorkbook,
} from "../helpers/workbook-fixtures.js";

const run = promisify(execFile);
const CLI = resolve(import.meta.dirname, "../../dist/cli/main.js");

function notAFormWorkbook(): Uint8Array {
  const workbook = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([
    ["Quarter", "Revenue"],
    ["Q1", 100],
    ["Q2", 120],
  ]);
  XLSX.utils.book_append_sheet(workbook, sheet, "Sales");
  return new Uint8Array(
    XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer,
  );
}

function truncatedWorkbook(): Uint8Array {
  const bytes = nemaBytes();
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

// Input, the error code it must raise, and a phrase of the message.
const CASES: [
  name: string,
  build: () => Uint8Array,
  code: string,
  phrase: RegExp,
][] = [
  ["empty file", () => new Uint8Array(0), "input.empty", /empty/],
  ["truncated zip", truncatedWorkbook, "input.truncated", /truncated/],
  [
    "zip bomb",
    () => zipBomb(300),
    "input.too-large",
    /inflated size.*MDS2_MAX_INFLATED_MB/,
  ],
  [
    "zip bomb with false sizes",
    () => zipBomb(300, 1024),
    "input.truncated",
    /more than its declared/,
  ],
  [
    "random binary",
    () => randomBytes(8192, 7),
    "input.unsupported-format",
    /not a workbook/,
  ],
  [
    "zip of a Word file",
    zipNotWorkbook,
    "input.unsupported-format",
    /zip file but not a workbook/,
  ],
  [
    "encrypted OOXML",
    encryptedOoxml,
    "input.encrypted",
    /password is required/,
  ],
  ["encrypted .xls", encryptedXls, "input.encrypted", /password is required/],
  [
    "shared strings missing",
    missingSharedStrings,
    "input.invalid",
    /mds2-form!A1: .*no shared strings part/,
  ],
  [
    "OLE without workbook",
    oleWithoutWorkbook,
    "input.unsupported-format",
    /no Workbook stream/,
  ],
  ["workbook not a form", notAFormWorkbook, "input.not-mds2", /no MDS2 form/],
  [
    "text not a form",
    () => strToU8("Shopping list\nmilk: 2\nbread: 1\n"),
    "input.not-mds2",
    /no MDS2 form/,
  ],
];

describe("bad input", () => {
  it.each(CASES)("%s raises its error", async (_name, build, code, phrase) => {
    const error = await parseDisclosure(build(), "bad.xlsx").catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Mds2Error);
    expect((error as Mds2Error).code).toBe(code);
    expect((error as Mds2Error).file).toBe("bad.xlsx");
    expect((error as Mds2Error).toLine()).toMatch(phrase);
  });

  it.each([
    [
      "input size",
      { maxInputBytes: 1000 },
      /input file size.*MDS2_MAX_INPUT_MB/,
    ],
    [
      "zip entries",
      { maxZipEntries: 5 },
      /number of zip entries.*MDS2_MAX_ZIP_ENTRIES/,
    ],
    ["cells", { maxCells: 500 }, /number of cells.*MDS2_MAX_CELLS/],
  ] as const)("limit on %s is enforced", async (_name, override, phrase) => {
    const limits = { ...readLimits({}), ...override };
    const error = await parseDisclosure(nemaBytes(), "big.xlsx", {
      limits,
    }).catch((caught: unknown) => caught);
    expect((error as Mds2Error).code).toBe("input.too-large");
    expect((error as Mds2Error).toLine()).toMatch(phrase);
  });

  it("limits come from the environment", () => {
    const limits = readLimits({
      MDS2_MAX_INPUT_MB: "2",
      MDS2_MAX_CELLS: "abc",
    });
    expect(limits.maxInputBytes).toBe(2 * 1024 * 1024);
    expect(limits.maxCells).toBe(readLimits({}).maxCells);
  });
});

describe("bad input on the command line", () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), "mds2-bad-input-"));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it.each(CASES)("%s exits 2 with one line", async (name, build) => {
    const file = join(folder, `${name.replace(/\W+/g, "-")}.xlsx`);
    writeFileSync(file, build());
    const result = await run(process.execPath, [
      CLI,
      "parse",
      file,
      "--json",
    ]).then(
      () => ({ code: 0, stderr: "", stdout: "" }),
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    const lines = result.stderr.trimEnd().split("\n");
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe("");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});
