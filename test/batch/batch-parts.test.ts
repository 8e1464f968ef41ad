import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Catalog } from "../../src/batch/catalog/index.js";
import { reportHref } from "../../src/batch/catalog-report/html.js";
import { DeviceFolders } from "../../src/batch/device-folders.js";
import { collectInputs } from "../../src/batch/inputs.js";
import { MAX_SEGMENT_LENGTH, safeSegment } from "../../src/batch/safe-name.js";
import { Mds2Error } from "../../src/errors.js";
import {
  sampleAssessment,
  sampleDisclosure,
} from "../helpers/sample-report.js";

let temp: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-parts-"));
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("safeSegment", () => {
  it.each([
    ["Acme Medical", "Acme-Medical"],
    ["../../etc", "etc"],
    ["a/b\\c:d", "a-b-c-d"],
    ["Ünïcödé Médical", "Unicode-Medical"],
    ["日本光電工業 株式会社", "日本光電工業-株式会社"],
    ["삼성메디슨", "삼성메디슨"],
    ["Evil\u202Egpj.exe", "Evil-gpj.exe"],
    ["a\u0000b\u001b[2J", "a-b-2J"],
    ["CON", "CON_"],
    ["lpt1.txt", "lpt1.txt_"],
    ["...", "fallback"],
    ["", "fallback"],
    ["  --x..y--  ", "x.y"],
  ])("turns %j into %j", (text, expected) => {
    expect(safeSegment(text, "fallback")).toBe(expected);
  });

  it("cuts long names", () => {
    expect(safeSegment("x".repeat(200), "fallback")).toHaveLength(
      MAX_SEGMENT_LENGTH,
    );
  });

  it("keeps surrogate pairs whole when cutting", () => {
    const segment = safeSegment(`${"x".repeat(47)}𠀀𠀁`, "fallback");
    expect(segment).toBe("x".repeat(47));
  });

  it("returns the fallback for undefined", () => {
    expect(safeSegment(undefined, "unknown")).toBe("unknown");
  });
});

describe("DeviceFolders", () => {
  const sha = "ab".repeat(32);
  const otherSha = "cd".repeat(32);

  it("builds the folder from manufacturer, model and document ID", () => {
    const folders = new DeviceFolders();
    expect(folders.allocate(sampleDisclosure(), sha)).toBe(
      "devices/Acme-Medical-Devices-Co/Infusor-X1/ACME-MDS2-0042",
    );
  });

  it("appends a hash prefix when the folder is taken", () => {
    const folders = new DeviceFolders();
    folders.allocate(sampleDisclosure(), sha);
    expect(folders.allocate(sampleDisclosure(), otherSha)).toBe(
      "devices/Acme-Medical-Devices-Co/Infusor-X1/ACME-MDS2-0042-cdcdcdcd",
    );
  });

  it("treats folders of earlier runs as taken, ignoring case", () => {
    const folders = new DeviceFolders([
      "devices/acme-medical-devices-co/infusor-x1/acme-mds2-0042",
    ]);
    expect(folders.allocate(sampleDisclosure(), sha)).toMatch(/-abababab$/);
  });

  it("uses a hash prefix when the document ID is missing", () => {
    const disclosure = sampleDisclosure();
    delete disclosure.device.documentId;
    expect(new DeviceFolders().allocate(disclosure, sha)).toBe(
      "devices/Acme-Medical-Devices-Co/Infusor-X1/abababababab",
    );
  });
});

describe("collectInputs", () => {
  beforeEach(async () => {
    const files = [
      "a/one.xlsx",
      "a/b/two.pdf",
      "a/.hidden.xlsx",
      "a/.git/three.xlsx",
      "out/report.json",
    ];
    for (const file of files) {
      await mkdir(path.dirname(path.join(temp, file)), { recursive: true });
      await writeFile(path.join(temp, file), "x");
    }
  });

  it("walks folders and leaves out hidden files", async () => {
    const inputs = await collectInputs(["a"], { cwd: temp });
    expect(inputs.map((input) => input.name)).toEqual([
      path.join("a", "b", "two.pdf"),
      path.join("a", "one.xlsx"),
    ]);
  });

  it("leaves out the output folder", async () => {
    const inputs = await collectInputs(["."], { cwd: temp, exclude: ["out"] });
    expect(inputs.map((input) => input.name)).not.toContain(
      path.join("out", "report.json"),
    );
    expect(inputs).toHaveLength(2);
  });

  it("expands globs", async () => {
    const inputs = await collectInputs(["a/**/*.pdf"], { cwd: temp });
    expect(inputs.map((input) => input.path)).toEqual([
      path.join(temp, "a", "b", "two.pdf"),
    ]);
  });

  it("takes a hidden file named on its own", async () => {
    const inputs = await collectInputs(["a/.hidden.xlsx"], { cwd: temp });
    expect(inputs).toHaveLength(1);
  });

  it("rejects a pattern that matches nothing", async () => {
    await expect(
      collectInputs(["nothing/*.xlsx"], { cwd: temp }),
    ).rejects.toMatchObject({
      code: "input.not-found",
    });
  });
});

describe("Catalog", () => {
  const input = { path: "/forms/acme.xlsx", sha256: "ab".repeat(32), size: 10 };
  const record = () => ({
    disclosure: sampleDisclosure(),
    assessment: sampleAssessment(),
    timings: { read: 1 },
    outputDir: "devices/Acme/Infusor-X1/ACME-MDS2-0042",
    outputs: ["devices/Acme/Infusor-X1/ACME-MDS2-0042/report.html"],
  });

  it("records a disclosure with its answers, findings and statuses", () => {
    const catalog = Catalog.open(path.join(temp, "catalog.sqlite"));
    const runId = catalog.startRun({});
    const id = catalog.recordParsed(runId, input, record());
    const count = (table: string) =>
      catalog.db
        .prepare(`SELECT COUNT(*) FROM ${table} WHERE disclosure_id = ?`)
        .pluck()
        .get(id);

    expect(count("answers")).toBe(sampleDisclosure().answers.length);
    expect(count("findings")).toBe(sampleAssessment().findings.length);
    expect(count("capability_status")).toBe(
      sampleAssessment().capabilities.length,
    );
    expect(catalog.findContent(input.sha256)).toEqual({
      state: "parsed",
      path: input.path,
      runId,
    });
    catalog.close();
  });

  it("rolls back a disclosure that cannot be recorded whole", () => {
    const catalog = Catalog.open(path.join(temp, "catalog.sqlite"));
    const runId = catalog.startRun({});
    catalog.recordParsed(runId, input, record());

    expect(() => catalog.recordParsed(runId, input, record())).toThrow(
      /UNIQUE/,
    );
    const answers = catalog.db
      .prepare("SELECT COUNT(*) FROM answers")
      .pluck()
      .get();
    const parsed = catalog.db.prepare("SELECT parsed FROM runs").pluck().get();
    expect(answers).toBe(sampleDisclosure().answers.length);
    expect(parsed).toBe(1);
    catalog.close();
  });

  it.each([
    [
      "input.not-mds2",
      { state: "skipped", code: "input.not-mds2", reason: "no form", runId: 1 },
    ],
    ["duplicate", undefined],
  ])(
    "remembers a %s skip only when it says the content is not a form",
    (code, expected) => {
      const catalog = Catalog.open(path.join(temp, "catalog.sqlite"));
      const runId = catalog.startRun({});
      catalog.recordSkip(
        runId,
        { path: "/x.txt", sha256: "cd".repeat(32) },
        code,
        "no form",
      );
      expect(catalog.findContent("cd".repeat(32))).toEqual(expected);
      catalog.close();
    },
  );

  it("marks runs left running as interrupted", () => {
    const file = path.join(temp, "catalog.sqlite");
    const first = Catalog.open(file);
    first.startRun({});
    first.close();
    const second = Catalog.open(file);
    second.startRun({});
    const statuses = second.db
      .prepare("SELECT status FROM runs ORDER BY id")
      .pluck()
      .all();
    second.close();
    expect(statuses).toEqual(["interrupted", "running"]);
  });

  it("rejects a catalog of a newer schema", () => {
    const file = path.join(temp, "catalog.sqlite");
    const db = new Database(file);
    db.pragma("user_version = 99");
    db.close();
    expect(() => Catalog.open(file)).toThrow(Mds2Error);
  });

  it("rejects a file that is not SQLite", async () => {
    const file = path.join(temp, "catalog.sqlite");
    await writeFile(
      file,
      "not a database, just text that is long enough to have a header",
    );
    expect(() => Catalog.open(file)).toThrow(/cannot open the catalog/);
  });
});

describe("reportHref", () => {
  it.each([
    [
      ["devices/a b/x/report.json", "devices/a b/x/report.html"],
      "devices/a%20b/x/report.html",
    ],
    [
      [
        "devices/a/x/report.assessment.json",
        "devices/a/x/report.disclosure.json",
      ],
      "devices/a/x/report.assessment.json",
    ],
    [["../outside/report.html"], undefined],
    [["/etc/report.html"], undefined],
    [["javascript:alert(1)/report.html"], undefined],
    [[], undefined],
  ])("links %j as %j", (outputs, expected) => {
    expect(reportHref(outputs)).toBe(expected);
  });
});
