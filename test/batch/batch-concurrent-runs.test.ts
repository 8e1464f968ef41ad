/** Two batch runs started at the same time on one output folder. */

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  finished,
  openCatalog,
  startCli,
  writeGoodForms,
  type CliResult,
} from "../helpers/batch-inputs.js";

const SLOW = 240_000;
const STACK_LINE = /^\s+at .+[(:]\d+/m;

let work: string;
let results: CliResult[];

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-concurrent-"));
  await writeGoodForms(path.join(work, "in"), 4);
  // Each file waits before it is read, so both runs find the same files
  // missing from the catalog and both try to record them.
  const env = { MDS2_TEST_DELAY_MS: "1500" };
  const args = ["batch", "in", "-o", "out", "--jobs", "1"];
  const first = startCli(args, work, env);
  const second = startCli(args, work, env);
  results = await Promise.all([finished(first), finished(second)]);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("two mds2 batch runs on the same output folder", () => {
  it("print no stack trace", () => {
    for (const result of results) {
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(result.stderr).not.toContain("SqliteError");
    }
  });

  it("exit with a documented code", () => {
    for (const result of results) expect([0, 1, 2]).toContain(result.code);
  });

  it("reject the later run with one line naming the other batch", () => {
    for (const result of results.filter((item) => item.code === 2)) {
      expect(result.stderr).toMatch(
        /another mds2 batch is writing this catalog \(started .+\); wait for it or use another -o\/--db/,
      );
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("leave no run marked as running", () => {
    const db = openCatalog(path.join(work, "out", "catalog.sqlite"));
    try {
      const statuses = db
        .prepare("SELECT status FROM runs")
        .pluck()
        .all() as string[];
      expect(statuses).not.toContain("running");
      const recorded = db
        .prepare("SELECT COUNT(DISTINCT sha256) FROM disclosures")
        .pluck()
        .get() as number;
      expect(recorded).toBe(4);
    } finally {
      db.close();
    }
  });
});
