/** `--` ends the options, so a file whose name starts with a dash can be named. */

import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, textForm } from "../helpers/batch-inputs.js";

const SLOW = 240_000;
const NAME = "-dash-form.txt";
const OPTION_NAME = "--help.txt";

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-dashdash-"));
  await mkdir(work, { recursive: true });
  await writeFile(
    path.join(work, NAME),
    await textForm({
      manufacturer: "Example Medical",
      model: "TM-Dash",
      documentId: "TM-DASH-1",
      releaseDate: "2024-03-01",
    }),
  );
  await copyFile(path.join(work, NAME), path.join(work, OPTION_NAME));
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 with -- before a file name that starts with a dash", () => {
  it("parse reads the file", async () => {
    const result = await runCli(["parse", "--json", "--", NAME], work);
    expect(result.stderr).not.toContain("Not enough non-option arguments");
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as {
      device: { model?: string; documentId?: string };
    };
    expect(record.device.model).toBe("TM-Dash");
    expect(record.device.documentId).toBe("TM-DASH-1");
  });

  it("check reads the file", async () => {
    const result = await runCli(["check", "--json", "--", NAME], work);
    expect(result.stderr).not.toContain("Not enough non-option arguments");
    const assessment = JSON.parse(result.stdout) as {
      device?: { model?: string };
    };
    expect(assessment.device?.model).toBe("TM-Dash");
  });

  it("parse reads a file named like an option", async () => {
    const result = await runCli(["parse", "--json", "--", OPTION_NAME], work);
    expect(result.code).toBe(0);
    const record = JSON.parse(result.stdout) as {
      source: { file?: string };
      device: { model?: string };
    };
    expect(record.source.file).toBe(OPTION_NAME);
    expect(record.device.model).toBe("TM-Dash");
  });

  it(
    "batch reads the file",
    async () => {
      const result = await runCli(["batch", "-o", "out", "--", NAME], work);
      expect(result.stderr).not.toContain("Not enough non-option arguments");
      expect(result.code).toBe(0);
      expect(result.stderr).toContain("parsed 1, skipped 0, failed 0");
    },
    SLOW,
  );
});
