/** Batch over files whose names carry terminal controls, and over symbolic links and special files in a walked folder. */

import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCatalog,
  runCli,
  textForm,
  type CliResult,
} from "../helpers/batch-inputs.js";

const SLOW = 240_000;

/** ESC [2J clears the screen, ESC ] 0; … BEL sets the window title, U+009B is a one-byte CSI, U+202E reverses the text. */
const CONTROLS = "\u001b[2J\u001b]0;TITLE\u0007\u009b31m\u202e";
const RAW_CONTROLS = ["\u001b", "\u0007", "\u009b", "\u202e"];

function rawControlsIn(text: string): string[] {
  return RAW_CONTROLS.filter((control) => text.includes(control));
}

let work: string;
let result: CliResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-names-"));
  const inputs = path.join(work, "in");
  const outside = path.join(work, "outside");
  await mkdir(inputs, { recursive: true });
  await mkdir(outside, { recursive: true });
  const form = (documentId: string): Promise<string> =>
    textForm({
      manufacturer: "Example Medical",
      model: `TM-${documentId}`,
      documentId,
      releaseDate: "2024-03-01",
    });
  await writeFile(path.join(inputs, `good-${CONTROLS}.txt`), await form("A"));
  await writeFile(path.join(inputs, `empty-${CONTROLS}.txt`), "");
  await writeFile(
    path.join(inputs, `random-${CONTROLS}.xlsx`),
    Buffer.from([0x13, 0x37, 0x00, 0xff, 0x42, 0x99, 0x01, 0x02]),
  );
  await writeFile(path.join(outside, "linked.txt"), await form("B"));
  await symlink(
    path.join(outside, "linked.txt"),
    path.join(inputs, "link-to-form.txt"),
  );
  result = await runCli(["batch", "in", "-o", "out", "--jobs", "1"], work);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch with hostile file names", () => {
  it("exits 1 for the empty file", () => {
    expect(result.stderr).toContain("mds2 batch done");
    expect(result.code).toBe(1);
  });

  it("escapes controls in file names", () => {
    const lines = result.stderr
      .split("\n")
      .filter((line) => line.includes("empty-") || line.includes("random-"));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(rawControlsIn(line)).toEqual([]);
    expect(result.stderr).toContain("\\u001B[2J");
  });

  it("prints no raw control character", () => {
    expect(rawControlsIn(result.stdout)).toEqual([]);
    expect(rawControlsIn(result.stderr)).toEqual([]);
  });
});

describe("mds2 batch with a symbolic link inside a walked folder", () => {
  it("records the link in the catalog", () => {
    const db = openCatalog(path.join(work, "out", "catalog.sqlite"));
    try {
      const paths = db
        .prepare(
          `SELECT source_path AS path FROM disclosures
           UNION ALL SELECT path FROM skips
           UNION ALL SELECT path FROM failures`,
        )
        .pluck()
        .all() as string[];
      expect(paths.some((p) => p.includes("link-to-form.txt"))).toBe(true);
    } finally {
      db.close();
    }
  });

  it("counts the link as an input", () => {
    // good, empty, random and the link
    expect(result.stderr).toContain("mds2 batch: 4 input files");
  });
});

describe("mds2 batch with links and special files inside a walked folder", () => {
  let special: CliResult;
  let folder: string;

  beforeAll(async () => {
    folder = path.join(work, "special");
    await mkdir(path.join(folder, "in"), { recursive: true });
    await writeFile(
      path.join(folder, "in", "form.txt"),
      await textForm({
        manufacturer: "Example Medical",
        model: "TM-S",
        documentId: "S",
        releaseDate: "2024-03-01",
      }),
    );
    await symlink(
      path.join(folder, "missing.txt"),
      path.join(folder, "in", "broken.txt"),
    );
    await symlink(
      path.join(work, "outside"),
      path.join(folder, "in", "dir-link"),
    );
    // A link back to its own folder: followed, it would never end.
    await symlink(path.join(folder, "in"), path.join(folder, "in", "loop"));
    execFileSync("mkfifo", [path.join(folder, "in", "pipe.txt")]);
    special = await runCli(["batch", "in", "-o", "out", "--jobs", "1"], folder);
  }, SLOW);

  it("counts every entry as an input", () => {
    expect(special.code).toBe(0);
    expect(special.stderr).toContain("mds2 batch: 5 input files");
    expect(special.stderr).toContain("parsed 1, skipped 4, failed 0");
  });

  it.each([
    [
      "broken.txt",
      "input.broken-link",
      "symbolic link to a missing or unreadable target (ENOENT)",
    ],
    [
      "dir-link",
      "input.not-a-file",
      "symbolic link to a folder, which batch does not follow",
    ],
    [
      "loop",
      "input.not-a-file",
      "symbolic link to a folder, which batch does not follow",
    ],
    ["pipe.txt", "input.not-a-file", "not a regular file but a FIFO"],
  ])("records %s as skipped with its reason", (name, code, reason) => {
    const db = openCatalog(path.join(folder, "out", "catalog.sqlite"));
    try {
      const row = db
        .prepare("SELECT code, reason FROM skips WHERE path = ?")
        .get(path.join(folder, "in", name)) as
        { code: string; reason: string } | undefined;
      expect(row?.code).toBe(code);
      expect(row?.reason).toContain(reason);
    } finally {
      db.close();
    }
  });
});
