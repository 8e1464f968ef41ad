/** Re-runs with other assessment options: the note without --reassess, the replaced records with it. */

import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  openCatalog,
  runCli,
  writeGoodForms,
  type CliResult,
} from "../helpers/batch-inputs.js";
import { changedOptions } from "../../src/batch/run-options.js";
import { csvText, LONG_ROWS } from "../helpers/mapping-fixtures.js";

const SLOW = 240_000;
const FORMS = 3;

/** What one run leaves: the catalog's disclosures and findings, and the device files. */
interface BatchState {
  result: CliResult;
  /** ID of the run that recorded the disclosure, by SHA-256. */
  runIds: Record<string, number>;
  /** Device folder by SHA-256. */
  folders: Record<string, string>;
  /** Sorted "finding ID controls" lines by SHA-256. */
  findings: Record<string, string[]>;
  /** `mapping.controls` of each device's assessment.json, by SHA-256. */
  mappingControls: Record<string, number>;
  disclosureCount: number;
  deviceCount: number;
  integrity: unknown;
  foreignKeyProblems: unknown[];
  /** Files under devices/, relative to the output folder. */
  deviceFiles: string[];
}

let work: string;
let out: string;
let first: BatchState;
let noted: BatchState;
let reassessed: BatchState;
let repeated: BatchState;
let narrowed: BatchState;

async function runBatch(extra: string[]): Promise<BatchState> {
  const result = await runCli(
    ["batch", "in", "-o", "out", "--jobs", "2", ...extra],
    work,
  );
  return { result, ...(await readState()) };
}

async function readState(): Promise<Omit<BatchState, "result">> {
  const db = openCatalog(path.join(out, "catalog.sqlite"));
  try {
    const rows = db
      .prepare(
        "SELECT id, run_id, sha256, output_dir, outputs FROM disclosures",
      )
      .all() as {
      id: number;
      run_id: number;
      sha256: string;
      output_dir: string;
      outputs: string;
    }[];
    const state: Omit<BatchState, "result"> = {
      runIds: {},
      folders: {},
      findings: {},
      mappingControls: {},
      disclosureCount: rows.length,
      deviceCount: db
        .prepare("SELECT COUNT(*) FROM devices")
        .pluck()
        .get() as number,
      integrity: db.pragma("integrity_check", { simple: true }),
      foreignKeyProblems: db.pragma("foreign_key_check") as unknown[],
      deviceFiles: (await glob("devices/**", { cwd: out })).sort(),
    };

    const findingsOf = db.prepare(
      "SELECT finding_id, controls FROM findings WHERE disclosure_id = ?",
    );
    for (const row of rows) {
      state.runIds[row.sha256] = row.run_id;
      state.folders[row.sha256] = row.output_dir;
      state.findings[row.sha256] = (
        findingsOf.all(row.id) as { finding_id: string; controls: string }[]
      )
        .map((finding) => `${finding.finding_id} ${finding.controls}`)
        .sort();

      const assessmentFile = (JSON.parse(row.outputs) as string[]).find(
        (name) => name.endsWith(".assessment.json"),
      );
      const assessment = JSON.parse(
        await readFile(path.join(out, assessmentFile!), "utf8"),
      ) as { mapping: { controls: number } };
      state.mappingControls[row.sha256] = assessment.mapping.controls;
    }
    return state;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-reassess-"));
  out = path.join(work, "out");
  await writeGoodForms(path.join(work, "in"), FORMS);
  // Sorted after form-0.txt, so it is the copy that a run skips.
  await copyFile(
    path.join(work, "in", "form-0.txt"),
    path.join(work, "in", "zz-copy-of-form-0.txt"),
  );
  await writeFile(path.join(work, "site-mapping.csv"), csvText(LONG_ROWS));

  const mapping = ["--mapping", "site-mapping.csv"];
  first = await runBatch(["--format", "html,json"]);
  noted = await runBatch(["--format", "html,json", ...mapping]);
  reassessed = await runBatch([
    "--format",
    "html,json",
    ...mapping,
    "--reassess",
  ]);
  repeated = await runBatch(["--format", "html,json", ...mapping]);
  narrowed = await runBatch(["--format", "json", ...mapping, "--reassess"]);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch re-run with another --mapping", () => {
  it("parses every form the first time", () => {
    expect(first.result.code).toBe(0);
    expect(first.result.stderr).toContain("parsed 3, skipped 1, failed 0");
    expect(first.disclosureCount).toBe(FORMS);
    expect(Object.values(first.runIds)).toEqual([1, 1, 1]);
    expect(Object.values(first.mappingControls)).not.toContain(2);
  });

  it("prints one note naming the changed option", () => {
    expect(noted.result.code).toBe(0);
    expect(noted.result.stderr).toContain(
      "parsed 0, skipped 4 (4 already in the catalog), failed 0",
    );
    const notes = noted.result.stderr
      .split("\n")
      .filter((line) => line.startsWith("note:"));
    expect(notes).toEqual([
      "note: 4 inputs already in the catalog were not assessed again with this run's --mapping; add --reassess to update them",
    ]);
  });

  it("changes nothing without --reassess", () => {
    expect(noted.runIds).toEqual(first.runIds);
    expect(noted.findings).toEqual(first.findings);
    expect(noted.mappingControls).toEqual(first.mappingControls);
    expect(noted.deviceFiles).toEqual(first.deviceFiles);
  });

  it("prints no note when the options match the recording run", () => {
    expect(repeated.result.code).toBe(0);
    expect(repeated.result.stderr).toContain("parsed 0, skipped 4");
    expect(repeated.result.stderr).not.toContain("note:");
  });
});

describe("mds2 batch --reassess", () => {
  it("parses every form again and skips the same-run copy", () => {
    expect(reassessed.result.code).toBe(0);
    expect(reassessed.result.stderr).toContain(
      "parsed 3 (3 reassessed), skipped 1, failed 0",
    );
    expect(reassessed.result.stderr).toContain(
      "in/zz-copy-of-form-0.txt: same content as in/form-0.txt [duplicate]",
    );
  });

  it("rewrites every device assessment with the mapping", () => {
    expect(Object.keys(reassessed.mappingControls).sort()).toEqual(
      Object.keys(first.mappingControls).sort(),
    );
    for (const controls of Object.values(reassessed.mappingControls)) {
      expect(controls).toBe(2);
    }
  });

  it("replaces every disclosure's findings in the catalog", () => {
    for (const [sha256, findings] of Object.entries(first.findings)) {
      expect(reassessed.findings[sha256]).toBeDefined();
      expect(reassessed.findings[sha256]).not.toEqual(findings);
      expect(reassessed.runIds[sha256]).toBe(3);
    }
  });

  it("keeps one disclosure per content and no orphan device", () => {
    expect(reassessed.disclosureCount).toBe(FORMS);
    expect(Object.keys(reassessed.runIds)).toHaveLength(FORMS);
    expect(reassessed.deviceCount).toBe(first.deviceCount);
  });

  it("reuses the device folders", () => {
    expect(reassessed.folders).toEqual(first.folders);
    expect(reassessed.deviceFiles).toEqual(first.deviceFiles);
  });

  it("leaves a consistent catalog", () => {
    expect(reassessed.integrity).toBe("ok");
    expect(reassessed.foreignKeyProblems).toEqual([]);
    expect(narrowed.integrity).toBe("ok");
    expect(narrowed.foreignKeyProblems).toEqual([]);
  });

  it("records the reassessed count in the run stats", () => {
    const db = openCatalog(path.join(out, "catalog.sqlite"));
    try {
      const stats = db
        .prepare("SELECT stats FROM runs ORDER BY id")
        .pluck()
        .all() as string[];
      const counts = stats.map(
        (text) => (JSON.parse(text) as { reassessed: number }).reassessed,
      );
      expect(counts).toEqual([0, 0, FORMS, 0, FORMS]);
    } finally {
      db.close();
    }
  });

  it("removes the outputs of a dropped format", () => {
    expect(narrowed.result.code).toBe(0);
    expect(narrowed.result.stderr).toContain("parsed 3 (3 reassessed)");
    expect(narrowed.folders).toEqual(first.folders);
    expect(
      first.deviceFiles.filter((file) => file.endsWith(".html")),
    ).toHaveLength(FORMS);
    expect(narrowed.deviceFiles).toEqual(
      first.deviceFiles.filter((file) => !file.endsWith(".html")),
    );
  });
});

describe("changedOptions", () => {
  const recorded = {
    formats: ["html", "json"],
    mapping: null,
    evidence: [],
    platform: null,
    jobs: 2,
  };

  it.each([
    ["the same options", {}, []],
    ["formats in another order", { formats: ["json", "html"] }, []],
    ["another --jobs", { jobs: 4 }, []],
    ["a mapping file", { mapping: "site.csv" }, ["--mapping"]],
    ["an evidence file", { evidence: ["cis.xml"] }, ["--evidence"]],
    [
      "a platform and a format",
      { platform: "win10", formats: ["json"] },
      ["--platform", "--format"],
    ],
  ])("names the options changed by %s", (_case, change, expected) => {
    expect(changedOptions(recorded, { ...recorded, ...change })).toEqual(
      expected,
    );
  });

  it("skips options a run did not record", () => {
    const { platform: _platform, ...older } = recorded;
    expect(changedOptions(older, { ...recorded, platform: "win10" })).toEqual(
      [],
    );
  });
});
