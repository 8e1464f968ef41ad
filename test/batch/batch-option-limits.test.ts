/** Batch options at the edges of their range: a very long --timeout, more --jobs than inputs, values out of range. */

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCatalog, runCli, textForm } from "../helpers/batch-inputs.js";

const SLOW = 240_000;

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-limits-"));
  await mkdir(path.join(work, "in"), { recursive: true });
  await writeFile(
    path.join(work, "in", "form.txt"),
    await textForm({
      manufacturer: "Example Medical",
      model: "TM-1",
      documentId: "TM-1-MDS2",
      releaseDate: "2024-03-01",
    }),
  );
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function parsedCount(out: string): number {
  const db = openCatalog(path.join(work, out, "catalog.sqlite"));
  try {
    return db
      .prepare("SELECT COUNT(*) FROM disclosures")
      .pluck()
      .get() as number;
  } finally {
    db.close();
  }
}

describe("mds2 batch --timeout", () => {
  // 2,147,484 s is just over the largest delay a Node.js timer accepts (2^31 - 1 ms).
  it.each([["2147484"], ["100000000"]])(
    "parses a form with --timeout %s",
    async (seconds) => {
      const out = `out-timeout-${seconds}`;
      const result = await runCli(
        ["batch", "in", "-o", out, "--jobs", "1", "--timeout", seconds],
        work,
      );
      expect(result.stderr).not.toContain("timed out");
      expect(result.code).toBe(0);
      expect(parsedCount(out)).toBe(1);
    },
    SLOW,
  );
});

describe("mds2 batch --jobs", () => {
  it(
    "caps workers at the input count",
    async () => {
      const result = await runCli(
        ["batch", "in", "-o", "out-jobs", "--jobs", "6"],
        work,
      );
      expect(result.code).toBe(0);
      expect(parsedCount("out-jobs")).toBe(1);
      const workers = /(\d+) workers?/.exec(result.stderr);
      expect(workers).not.toBeNull();
      expect(Number(workers![1])).toBe(1);
    },
    SLOW,
  );
});

describe("mds2 batch with an option out of range", () => {
  it.each([
    [
      "--jobs",
      "abc",
      '--jobs must be a whole number of at least 1 and at most 256, got "abc"',
    ],
    [
      "--jobs",
      "0",
      "--jobs must be a whole number of at least 1 and at most 256, got 0",
    ],
    [
      "--jobs",
      "-2",
      "--jobs must be a whole number of at least 1 and at most 256, got -2",
    ],
    [
      "--jobs",
      "1.5",
      "--jobs must be a whole number of at least 1 and at most 256, got 1.5",
    ],
    [
      "--jobs",
      "1000",
      "--jobs must be a whole number of at least 1 and at most 256, got 1000",
    ],
    [
      "--timeout",
      "abc",
      '--timeout must be a number of seconds above 0, got "abc"',
    ],
    ["--timeout", "0", "--timeout must be a number of seconds above 0, got 0"],
    [
      "--timeout",
      "-5",
      "--timeout must be a number of seconds above 0, got -5",
    ],
    [
      "--max-memory",
      "NaN",
      '--max-memory must be a whole number of at least 64 and at most 1048576, got "NaN"',
    ],
    [
      "--max-memory",
      "32",
      "--max-memory must be a whole number of at least 64 and at most 1048576, got 32",
    ],
  ])(
    "%s %s is a usage error",
    async (option, value, message) => {
      const out = `out-rejected${option}-${value}`;
      const result = await runCli(
        ["batch", "in", "-o", out, option, value],
        work,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `mds2: ${message}\nRun mds2 --help for usage.\n`,
      );
      expect(existsSync(path.join(work, out))).toBe(false);
    },
    SLOW,
  );
});
