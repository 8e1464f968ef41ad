import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  LONG_HEADER,
  LONG_ROWS,
  WIDE_ROWS,
  csvText,
  workbookBytes,
  removeMappingFiles,
  writeMappingFiles,
} from "./helpers/mapping-fixtures.js";

const here = dirname(fileURLToPath(import.meta.url));
const CLI = resolve(here, "../dist/cli/main.js");

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function mds2(args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      "node",
      [CLI, ...args],
      {
        maxBuffer: 32 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let files: Record<string, string>;

afterAll(removeMappingFiles);

beforeAll(async () => {
  files = await writeMappingFiles({
    "long.csv": csvText(LONG_ROWS),
    "matrix.xlsx": await workbookBytes([{ name: "Matrix", rows: WIDE_ROWS }]),
    "bad.csv": csvText([
      LONG_HEADER,
      ["site.a", "A", "ALOFF", "", "", "", ""],
      ["", "B", "ALOF", "", "", "", ""],
      ["site.c", "C", "ALOF", "boss", "", "", ""],
    ]),
    "empty.csv": "",
  });
});

describe("mds2 mapping show", () => {
  it("prints the default built-in table", async () => {
    const result = await mds2(["mapping", "show"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^ID +Title +Capabilities +Platforms +CIS +Confidence/,
    );
    expect(result.stdout).toContain("win.screensaver.timeout");
    expect(result.stdout).toContain("141 controls (built-in)");
  });

  it("adds low-confidence rows with --include-low", async () => {
    const result = await mds2(["mapping", "show", "--include-low"]);
    expect(result.stdout).toContain("156 controls (built-in)");
  });

  it("filters by capability and platform", async () => {
    const result = await mds2([
      "mapping",
      "show",
      "--capability",
      "ALOF",
      "--platform",
      "win7",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("win.screensaver.timeout");
    expect(result.stdout).not.toContain("win.logon.machine-inactivity-limit");
    expect(result.stdout).not.toContain("win.audit.");
  });

  it("shows a user mapping given with --mapping", async () => {
    const result = await mds2([
      "mapping",
      "show",
      "--mapping",
      files["matrix.xlsx"]!,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("cis.1.1.4");
    expect(result.stdout).toContain("3 controls");
  });

  it("adds user controls with --mapping-extend", async () => {
    const result = await mds2([
      "mapping",
      "show",
      "--mapping-extend",
      files["long.csv"]!,
    ]);
    expect(result.stdout).toContain("site.screen-lock");
    expect(result.stdout).toContain("143 controls (built-in + ");
  });

  it.each(["amiga", "win 7"])(
    "rejects the unknown platform %s",
    async (platform) => {
      const result = await mds2(["mapping", "show", "--platform", platform]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown platform "${platform}"`);
      expect(result.stdout).toBe("");
    },
  );

  it("accepts a platform display name", async () => {
    const result = await mds2(["mapping", "show", "--platform", "Windows 7"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("win.screensaver.timeout");
  });

  it("rejects an unknown capability code", async () => {
    const result = await mds2(["mapping", "show", "--capability", "NOPE"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"NOPE" is not a capability code');
  });
});

describe("mds2 mapping validate", () => {
  it("prints the control count for a valid file", async () => {
    const result = await mds2(["mapping", "validate", files["long.csv"]!]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("valid: 2 controls\n");
  });

  it("lists every row error and exits 2", async () => {
    const result = await mds2(["mapping", "validate", files["bad.csv"]!]);
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /bad\.csv: row 2, field capability: "ALOFF" is not a capability code; use one of ALOF, AUDT/,
    );
    expect(lines[1]).toMatch(/bad\.csv: row 3, field id: is missing/);
    expect(lines[2]).toMatch(
      /bad\.csv: row 4, field role: "boss" is not a role/,
    );
    expect(lines[3]).toMatch(/^invalid: 3 row errors in .*bad\.csv$/);
  });

  it.each([
    ["missing.csv", "mapping file not found. Check the path."],
    [".", "is a folder, not a mapping file"],
  ])("names the unreadable path %s", async (name, message) => {
    const target = resolve(dirname(files["long.csv"]!), name);
    const result = await mds2(["mapping", "validate", target]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${target}: ${message}`);
    expect(result.stderr).not.toContain("--mapping");
  });

  it("exits 2 on an empty file", async () => {
    const result = await mds2(["mapping", "validate", files["empty.csv"]!]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the mapping file is empty");
  });

  it("exits 2 when a user mapping for show is invalid", async () => {
    const result = await mds2([
      "mapping",
      "show",
      "--mapping",
      files["bad.csv"]!,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /row 2, field capability: .* 2 more row errors; run mds2 mapping validate/,
    );
  });
});

describe("mds2 mapping export", () => {
  it("writes the same OSCAL file twice", async () => {
    const folder = dirname(files["long.csv"]!);
    const first = join(folder, "first.json");
    const second = join(folder, "second.json");
    expect(
      (await mds2(["mapping", "export", "--format", "oscal", "-o", first]))
        .code,
    ).toBe(0);
    expect(
      (await mds2(["mapping", "export", "--format", "oscal", "-o", second]))
        .code,
    ).toBe(0);
    const text = await readFile(first, "utf8");
    expect(text).toBe(await readFile(second, "utf8"));
    expect(
      JSON.parse(text)["mapping-collection"].mappings[0].maps.length,
    ).toBeGreaterThan(141);
  });

  it("prints JSON that validate accepts", async () => {
    const result = await mds2(["mapping", "export", "--include-low"]);
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout) as {
      schema: string;
      controls: unknown[];
    };
    expect(document.schema).toBe("mds2.mapping/1");
    expect(document.controls).toHaveLength(156);
    const paths = await writeMappingFiles({ "export.json": result.stdout });
    expect(
      (await mds2(["mapping", "validate", paths["export.json"]!])).stdout,
    ).toBe("valid: 156 controls\n");
  });

  it("writes CSV to a file", async () => {
    const out = join(dirname(files["long.csv"]!), "controls.csv");
    expect(
      (await mds2(["mapping", "export", "--format", "csv", "-o", out])).code,
    ).toBe(0);
    const text = await readFile(out, "utf8");
    expect(text.split("\n")[0]).toBe(
      "control id,title,capability,role,platforms,cis,questions,mechanism,key,expected,fact confidence,confidence,tension,notes,provenance",
    );
  });

  it("rejects its mapping as the output", async () => {
    const before = await readFile(files["long.csv"]!);
    const result = await mds2([
      "mapping",
      "export",
      "--mapping",
      files["long.csv"]!,
      "--format",
      "csv",
      "-o",
      files["long.csv"]!,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("would replace the input file");
    expect(await readFile(files["long.csv"]!)).toEqual(before);
  });

  it("rejects an unknown format", async () => {
    const result = await mds2(["mapping", "export", "--format", "yaml"]);
    expect(result.code).toBe(2);
  });

  it("rejects --mapping together with --mapping-extend", async () => {
    const result = await mds2([
      "mapping",
      "export",
      "--mapping",
      files["long.csv"]!,
      "--mapping-extend",
      files["long.csv"]!,
    ]);
    expect(result.code).toBe(2);
  });
});
