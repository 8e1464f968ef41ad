/** `-o` given with no path: no command writes into the working folder. */

import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, textForm } from "../helpers/batch-inputs.js";

const SLOW = 240_000;

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-empty-o-"));
  await mkdir(path.join(work, "in"), { recursive: true });
  await writeFile(
    path.join(work, "in", "form.txt"),
    await textForm({
      manufacturer: "Example Medical",
      model: "TM-O",
      documentId: "TM-O-1",
      releaseDate: "2024-03-01",
    }),
  );
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch with an empty -o", () => {
  it.each([
    ["-o with no value", ["batch", "../in", "-o"]],
    ["-o with an empty string", ["batch", "../in", "-o", ""]],
  ])(
    "%s is a usage error and writes nothing",
    async (label, args) => {
      const cwd = path.join(work, label.replace(/\W+/g, "-"));
      await mkdir(cwd, { recursive: true });
      const result = await runCli(args, cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/-o|--output/);
      expect(await readdir(cwd)).toEqual([]);
    },
    SLOW,
  );
});

describe("other commands with an empty -o", () => {
  it.each([
    ["parse", ["parse", "../in/form.txt", "--json", "-o", ""]],
    ["report", ["report", "../in/form.txt", "-o", ""]],
    ["convert", ["convert", "../in/form.txt", "--to", "json", "-o"]],
  ])(
    "%s is a usage error and writes nothing",
    async (label, args) => {
      const cwd = path.join(work, `command-${label}`);
      await mkdir(cwd, { recursive: true });
      const result = await runCli(args, cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "-o/--output needs a file or folder name; got an empty value",
      );
      expect(await readdir(cwd)).toEqual([]);
    },
    SLOW,
  );
});
