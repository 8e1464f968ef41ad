/** The catalog a batch leaves behind: rollback journal mode, no run left running. */

import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCatalog,
  runCli,
  writeGoodForms,
  type CliResult,
} from "../helpers/batch-inputs.js";

const SLOW = 240_000;
const BROKEN_RESULT_TASK = fileURLToPath(
  new URL("./broken-result-task.mjs", import.meta.url),
);

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-catalog-state-"));
  await writeGoodForms(path.join(work, "in"), 2);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

function sidecarFiles(folder: string): Promise<string[]> {
  return readdir(folder).then((names) =>
    names.filter((name) => /-(wal|shm|journal)$/.test(name)),
  );
}

describe("catalog after mds2 batch", () => {
  let result: CliResult;

  beforeAll(async () => {
    result = await runCli(["batch", "in", "-o", "out", "--jobs", "1"], work);
  }, SLOW);

  it("is back in rollback journal mode", () => {
    expect(result.code).toBe(0);
    const db = openCatalog(path.join(work, "out", "catalog.sqlite"));
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("delete");
    } finally {
      db.close();
    }
  });

  it("has no -wal or -shm file", async () => {
    expect(await sidecarFiles(path.join(work, "out"))).toEqual([]);
  });

  it(
    "gets no -wal or -shm file from a query",
    async () => {
      const query = await runCli(["catalog", "devices", "out"], work);
      expect(query.code).toBe(0);
      expect(query.stdout).toContain("Vendor 0");
      expect(await sidecarFiles(path.join(work, "out"))).toEqual([]);
    },
    SLOW,
  );
});

describe("mds2 batch stopped by an unexpected error", () => {
  let result: CliResult;

  beforeAll(async () => {
    result = await runCli(["batch", "in", "-o", "out-broken"], work, {
      MDS2_BATCH_TASK_MODULE: BROKEN_RESULT_TASK,
    });
  }, SLOW);

  it("exits with an error", () => {
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("TypeError");
  });

  it("marks its run as failed", () => {
    const file = path.join(work, "out-broken", "catalog.sqlite");
    expect(existsSync(file)).toBe(true);
    const db = openCatalog(file);
    try {
      const statuses = db.prepare("SELECT status FROM runs").pluck().all();
      expect(statuses).toEqual(["failed"]);
    } finally {
      db.close();
    }
  });
});
