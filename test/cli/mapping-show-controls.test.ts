/** Terminal control characters in a user mapping file, printed by mds2 mapping show. */

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../helpers/batch-inputs.js";

const SLOW = 240_000;
const TITLE = "Lock\u001b[2J screen\u202e";

let work: string;
let result: CliResult;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-mapping-show-"));
  const exported = await runCli(["mapping", "export", "--format", "csv"], work);
  const rows = parse(exported.stdout, { columns: true }) as Record<
    string,
    string
  >[];
  const first = rows[0]!;
  first["title"] = TITLE;
  await writeFile(
    path.join(work, "mapping.csv"),
    stringify([first], { header: true }),
  );
  result = await runCli(["mapping", "show", "--mapping", "mapping.csv"], work);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 mapping show with control characters in a title", () => {
  it("lists the edited control", () => {
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Lock");
  });

  it("shows the title with visible escapes", () => {
    expect(result.stdout).toContain("Lock\\u001B[2J screen\\u202E");
  });

  it("escapes ESC and U+202E", () => {
    expect(result.stdout.includes("\u001b"), "raw ESC on stdout").toBe(false);
    expect(result.stdout.includes("\u202e"), "raw U+202E on stdout").toBe(
      false,
    );
  });
});
