/** An unknown --platform is a usage error for batch, as it is for check. */

import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, textForm, type CliResult } from "../helpers/batch-inputs.js";

const SLOW = 240_000;

let work: string;
let result: CliResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-platform-"));
  await mkdir(path.join(work, "in"), { recursive: true });
  for (const index of [1, 2]) {
    await writeFile(
      path.join(work, "in", `form-${index}.txt`),
      await textForm({
        manufacturer: "Example Medical",
        model: `TM-P${index}`,
        documentId: `TM-P${index}-1`,
        releaseDate: "2024-03-01",
      }),
    );
  }
  result = await runCli(
    ["batch", "in", "-o", "out", "--platform", "win99"],
    work,
  );
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch --platform win99", () => {
  it("exits 2 with one message", () => {
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown platform "win99"');
  });

  it("records no input as failed", () => {
    expect(result.stderr).not.toContain("failed:");
    expect(existsSync(path.join(work, "out", "catalog.sqlite"))).toBe(false);
  });
});
