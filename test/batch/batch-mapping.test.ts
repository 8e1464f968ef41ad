import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCatalog,
  runCli,
  writeGoodForms,
  type CliResult,
} from "../helpers/batch-inputs.js";
import { csvText, LONG_ROWS } from "../helpers/mapping-fixtures.js";

const SLOW = 120_000;

let work: string;
let result: CliResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-mapping-"));
  await writeGoodForms(path.join(work, "in"), 3);
  await writeFile(path.join(work, "site-mapping.csv"), csvText(LONG_ROWS));
  result = await runCli(
    [
      "batch",
      "in",
      "-o",
      "out",
      "--jobs",
      "2",
      "--format",
      "json",
      "--mapping",
      "site-mapping.csv",
    ],
    work,
  );
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch --mapping", () => {
  it("parses every form", () => {
    expect(result.stderr).toContain("parsed 3, skipped 0, failed 0");
    expect(result.code).toBe(0);
  });

  it("assesses every form against the mapping file, not the built-in one", async () => {
    const db = openCatalog(path.join(work, "out", "catalog.sqlite"));
    const outputs = db
      .prepare("SELECT outputs FROM disclosures")
      .pluck()
      .all() as string[];
    const options = JSON.parse(
      db
        .prepare("SELECT options FROM runs WHERE id = 1")
        .pluck()
        .get() as string,
    ) as { mapping: string | null };
    db.close();

    expect(outputs).toHaveLength(3);
    expect(options.mapping).toBe("site-mapping.csv");
    for (const list of outputs) {
      const file = (JSON.parse(list) as string[]).find((name) =>
        name.endsWith("assessment.json"),
      );
      expect(file).toBeDefined();
      const assessment = JSON.parse(
        await readFile(path.join(work, "out", file!), "utf8"),
      ) as { mapping: { controls: number } };
      expect(assessment.mapping.controls).toBe(2);
    }
  });

  it("rejects a missing mapping file before any form is read", async () => {
    const missing = await runCli(
      ["batch", "in", "-o", "out-missing", "--mapping", "no-mapping.csv"],
      work,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-mapping\.csv/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });
});
