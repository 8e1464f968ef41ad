import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  finished,
  openCatalog,
  runCli,
  startCli,
  waitForDisclosures,
  writeBatchFolder,
  writeGoodForms,
  type BatchFolder,
  type CliResult,
} from "../helpers/batch-inputs.js";

const SLOW = 240_000;

let work: string;
let folder: BatchFolder;
let first: CliResult;
let second: CliResult;

function catalogFile(): string {
  return path.join(work, "out", "catalog.sqlite");
}

function batchArgs(out = "out"): string[] {
  return ["batch", "in", "-o", out, "--jobs", "2", "--timeout", "3"];
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-"));
  folder = await writeBatchFolder(path.join(work, "in"));
  first = await runCli(batchArgs(), work);
  second = await runCli(batchArgs(), work);
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch over a mixed folder", () => {
  it("exits 1 because inputs failed", () => {
    expect(first.stderr).toContain("mds2 batch done");
    expect(first.code).toBe(1);
  });

  it("prints counts per state in the summary", () => {
    const parsed = folder.good.length;
    const skipped = Object.keys(folder.skipped).length;
    const failed = Object.keys(folder.failed).length;
    expect(first.stderr).toContain(
      `parsed ${parsed}, skipped ${skipped}, failed ${failed}`,
    );
  });

  it("records every good form with its answers", () => {
    const db = openCatalog(catalogFile());
    const rows = db
      .prepare(
        `SELECT d.source_path AS path,
           (SELECT COUNT(*) FROM answers a WHERE a.disclosure_id = d.id) AS answers,
           (SELECT COUNT(*) FROM capability_status c WHERE c.disclosure_id = d.id) AS capabilities
         FROM disclosures d WHERE d.run_id = 1`,
      )
      .all() as { path: string; answers: number; capabilities: number }[];
    db.close();

    const paths = rows
      .map((row) => path.relative(folder.root, row.path))
      .sort();
    expect(paths).toEqual([...folder.good].sort());
    for (const row of rows) {
      expect(row.answers, row.path).toBeGreaterThan(200);
      expect(row.capabilities, row.path).toBe(19);
    }
  });

  it.each([
    ["skips", "skipped"],
    ["failures", "failed"],
  ] as const)("records %s with their codes and reasons", (table, key) => {
    const db = openCatalog(catalogFile());
    const rows = db
      .prepare(`SELECT path, code, reason FROM ${table} WHERE run_id = 1`)
      .all() as { path: string; code: string; reason: string }[];
    db.close();

    const codes = Object.fromEntries(
      rows.map((row) => [path.relative(folder.root, row.path), row.code]),
    );
    expect(codes).toEqual(folder[key]);
    for (const row of rows) expect(row.reason, row.path).not.toBe("");
  });

  it("gives the duplicate's reason as the first copy", () => {
    const db = openCatalog(catalogFile());
    const reason = db
      .prepare("SELECT reason FROM skips WHERE code = 'duplicate'")
      .pluck()
      .get();
    db.close();
    expect(reason).toBe(
      `same content as ${path.join("in", "forms", "vendor-1.txt")}`,
    );
  });

  it("names the time limit in the hanging file's failure", () => {
    expect(first.stderr).toMatch(/stuck\.hang: timed out after 3 s/);
  });

  it("never reads hidden files", () => {
    const db = openCatalog(catalogFile());
    const paths = db
      .prepare(
        "SELECT source_path FROM disclosures UNION SELECT path FROM skips UNION SELECT path FROM failures",
      )
      .pluck()
      .all() as string[];
    db.close();
    for (const hidden of folder.hidden) {
      expect(paths).not.toContain(path.join(folder.root, hidden));
    }
  });

  it("records the run with its counts", () => {
    const db = openCatalog(catalogFile());
    const run = db.prepare("SELECT * FROM runs WHERE id = 1").get() as Record<
      string,
      unknown
    >;
    db.close();
    expect(run.status).toBe("finished");
    expect(run.inputs).toBe(folder.good.length + 6);
    expect(run.parsed).toBe(folder.good.length);
    expect(run.skipped).toBe(4);
    expect(run.failed).toBe(2);
  });

  it("keeps two disclosures of one device side by side", () => {
    const db = openCatalog(catalogFile());
    const rows = db
      .prepare(
        `SELECT d.document_id AS documentId, d.output_dir AS outputDir FROM disclosures d
         JOIN devices v ON v.id = d.device_id WHERE v.model = 'NW-100 Infusion Pump'
         ORDER BY d.document_id`,
      )
      .all() as { documentId: string; outputDir: string }[];
    db.close();
    expect(rows.map((row) => row.documentId)).toEqual([
      "NW-100-MDS2",
      "NW-100-MDS2-R2",
    ]);
    expect(rows.map((row) => row.outputDir)).toEqual([
      "devices/Northwind-Medical/NW-100-Infusion-Pump/NW-100-MDS2",
      "devices/Northwind-Medical/NW-100-Infusion-Pump/NW-100-MDS2-R2",
    ]);
  });

  it("gives colliding device folders distinct names", () => {
    const db = openCatalog(catalogFile());
    const folders = db
      .prepare(
        "SELECT output_dir FROM disclosures WHERE document_id = 'TS-1' ORDER BY output_dir",
      )
      .pluck()
      .all() as string[];
    db.close();
    expect(folders).toHaveLength(2);
    expect(folders[0]).toBe("devices/Tailspin-b-Devices-b/TS-1/TS-1");
    expect(folders[1]).toMatch(
      /^devices\/Tailspin-b-Devices-b\/TS-1\/TS-1-[0-9a-f]{8}$/,
    );
  });

  it("sanitizes vendor text in device folders", () => {
    const db = openCatalog(catalogFile());
    const folder = db
      .prepare(
        "SELECT output_dir FROM disclosures WHERE document_id = '../../etc'",
      )
      .pluck()
      .get();
    db.close();
    expect(folder).toBe("devices/Fabrikam-Health/FH-Monitor-II/etc");
  });

  it("writes the chosen formats for each device", () => {
    const db = openCatalog(catalogFile());
    const outputs = db
      .prepare("SELECT outputs FROM disclosures")
      .pluck()
      .all() as string[];
    db.close();
    for (const list of outputs) {
      const files = JSON.parse(list) as string[];
      expect(files.map((file) => path.posix.basename(file)).sort()).toEqual([
        "report.assessment.json",
        "report.disclosure.json",
        "report.html",
      ]);
      for (const file of files)
        expect(existsSync(path.join(work, "out", file)), file).toBe(true);
    }
  });
});

describe("mds2 batch catalog report", () => {
  it("links each device to its report by a relative path", async () => {
    const html = await readFile(path.join(work, "out", "index.html"), "utf8");
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map(
      (match) => match[1] as string,
    );
    const reports = hrefs.filter((href) => href.startsWith("devices/"));

    const db = openCatalog(catalogFile());
    const devices = db
      .prepare("SELECT COUNT(*) FROM devices")
      .pluck()
      .get() as number;
    const disclosures = db
      .prepare("SELECT COUNT(*) FROM disclosures")
      .pluck()
      .get() as number;
    db.close();

    // Every disclosure is linked: the newest in its device's row, older ones as "earlier".
    expect(devices).toBe(5);
    expect(reports).toHaveLength(disclosures);
    for (const href of reports) {
      expect(href).not.toMatch(/^[a-z]+:|^\/|\.\./i);
      const target = path.join(
        work,
        "out",
        ...href.split("/").map(decodeURIComponent),
      );
      expect(existsSync(target), href).toBe(true);
    }
  });

  it("escapes vendor text and carries no script", async () => {
    const html = await readFile(path.join(work, "out", "index.html"), "utf8");
    expect(html).toContain("Tailspin &lt;b&gt;Devices&lt;/b&gt;");
    expect(html).not.toContain("<b>Devices</b>");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      `http-equiv="Content-Security-Policy" content="default-src 'none';`,
    );
  });

  it("lists the failures and skips with their reasons", async () => {
    const html = await readFile(path.join(work, "out", "index.html"), "utf8");
    expect(html).toContain("Failed inputs (2)");
    expect(html).toContain("Skipped inputs (4)");
    expect(html).toMatch(
      /stuck\.hang<\/bdi><\/td><td><code>timeout<\/code><\/td><td><bdi>timed out after 3 s/,
    );
  });

  it("exports CSV with formulas neutralized", async () => {
    const csv = await readFile(path.join(work, "out", "catalog.csv"), "utf8");
    const rows = parse(csv) as string[][];
    const header = rows[0] ?? [];
    const model = header.indexOf("model");
    expect(header.slice(0, 4)).toEqual([
      "manufacturer",
      "model",
      "document_id",
      "edition",
    ]);
    expect(rows).toHaveLength(1 + folder.good.length);
    const tailspin = rows.filter((row) => row[0] === "Tailspin <b>Devices</b>");
    expect(tailspin.map((row) => row[model])).toEqual(["'=TS(1)", "'=TS(1)"]);
  });

  it("exports an XLSX workbook", () => {
    expect(existsSync(path.join(work, "out", "catalog.xlsx"))).toBe(true);
  });
});

describe("mds2 batch re-run", () => {
  it("skips recorded content by sha256", () => {
    const db = openCatalog(catalogFile());
    const skips = db
      .prepare("SELECT path, code FROM skips WHERE run_id = 2")
      .all() as { path: string; code: string }[];
    const disclosures = db
      .prepare("SELECT COUNT(*) FROM disclosures WHERE run_id = 2")
      .pluck()
      .get();
    db.close();

    expect(disclosures).toBe(0);
    const codes = Object.fromEntries(
      skips.map((row) => [path.relative(folder.root, row.path), row.code]),
    );
    for (const good of folder.good)
      expect(codes[good], good).toBe("already-recorded");
    for (const [file, code] of Object.entries(folder.skipped)) {
      // The duplicate's content is recorded now, under its first name.
      expect(codes[file], file).toBe(
        code === "duplicate" ? "already-recorded" : code,
      );
    }
  });

  it("tries failed inputs again", () => {
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(
      `skipped ${folder.good.length + 4} (${folder.good.length + 1} already in the catalog)`,
    );
    expect(second.stderr).toContain("failed 2");
  });
});

describe("mds2 batch interrupted", () => {
  it(
    "leaves a consistent catalog after SIGKILL",
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-kill-"));
      await writeGoodForms(path.join(root, "in"), 12);
      const child = startCli(
        ["batch", "in", "-o", "out", "--jobs", "1", "--format", "json"],
        root,
        {
          MDS2_TEST_DELAY_MS: "300",
        },
      );
      const exit = finished(child);
      await waitForDisclosures(
        path.join(root, "out", "catalog.sqlite"),
        2,
        child,
      );
      child.kill("SIGKILL");
      expect((await exit).signal).toBe("SIGKILL");

      const db = openCatalog(path.join(root, "out", "catalog.sqlite"));
      const integrity = db.pragma("integrity_check", { simple: true });
      const orphans = db
        .prepare(
          `SELECT COUNT(*) FROM disclosures d
         WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.disclosure_id = d.id)
            OR NOT EXISTS (SELECT 1 FROM capability_status c WHERE c.disclosure_id = d.id)`,
        )
        .pluck()
        .get();
      const recorded = db
        .prepare("SELECT COUNT(*) FROM disclosures")
        .pluck()
        .get() as number;
      db.close();
      expect(integrity).toBe("ok");
      expect(orphans).toBe(0);
      expect(recorded).toBeLessThan(12);

      const rerun = await runCli(
        ["batch", "in", "-o", "out", "--jobs", "2", "--format", "json"],
        root,
      );
      expect(rerun.code).toBe(0);
      const after = openCatalog(path.join(root, "out", "catalog.sqlite"));
      const statuses = after
        .prepare("SELECT status FROM runs ORDER BY id")
        .pluck()
        .all();
      const total = after
        .prepare("SELECT COUNT(*) FROM disclosures")
        .pluck()
        .get();
      after.close();
      expect(statuses).toEqual(["interrupted", "finished"]);
      expect(total).toBe(12);
      await rm(root, { recursive: true, force: true });
    },
    SLOW,
  );

  it(
    "exits 130 after SIGINT and marks the run interrupted",
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-int-"));
      await writeGoodForms(path.join(root, "in"), 12);
      const child = startCli(
        ["batch", "in", "-o", "out", "--jobs", "1", "--format", "json"],
        root,
        {
          MDS2_TEST_DELAY_MS: "300",
        },
      );
      const exit = finished(child);
      await waitForDisclosures(
        path.join(root, "out", "catalog.sqlite"),
        1,
        child,
      );
      child.kill("SIGINT");
      const result = await exit;

      expect(result.code).toBe(130);
      expect(result.stderr).toContain("mds2 batch interrupted");
      const db = openCatalog(path.join(root, "out", "catalog.sqlite"));
      const run = db.prepare("SELECT status, parsed FROM runs").get() as {
        status: string;
        parsed: number;
      };
      const integrity = db.pragma("integrity_check", { simple: true });
      db.close();
      expect(run.status).toBe("interrupted");
      expect(run.parsed).toBeGreaterThanOrEqual(1);
      expect(integrity).toBe("ok");
      await rm(root, { recursive: true, force: true });
    },
    SLOW,
  );
});

describe("mds2 batch heap limit", () => {
  it(
    "records a file that runs out of memory as failed",
    async () => {
      const root = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-oom-"));
      await writeGoodForms(path.join(root, "in"), 2);
      await writeFile(path.join(root, "in", "huge.boom"), "x");
      const result = await runCli(
        [
          "batch",
          "in",
          "-o",
          "out",
          "--jobs",
          "1",
          "--max-memory",
          "128",
          "--format",
          "json",
        ],
        root,
      );

      expect(result.code).toBe(1);
      const db = openCatalog(path.join(root, "out", "catalog.sqlite"));
      const failure = db.prepare("SELECT code, reason FROM failures").get();
      const parsed = db
        .prepare("SELECT COUNT(*) FROM disclosures")
        .pluck()
        .get();
      db.close();
      expect(failure).toEqual({
        code: "out-of-memory",
        reason:
          "ran out of memory (limit 128 MB); raise --max-memory if the file is large",
      });
      expect(parsed).toBe(2);
      await rm(root, { recursive: true, force: true });
    },
    SLOW,
  );
});

describe("mds2 batch usage errors", () => {
  it.each([
    [
      "no input files",
      async (root: string) => ["batch", path.join(root, "empty"), "-o", "out"],
    ],
    [
      "an output folder that is a file",
      async (root: string) => {
        await writeFile(path.join(root, "taken"), "x");
        return ["batch", path.join(root, "in-one"), "-o", "taken"];
      },
    ],
  ])("exits 2 for %s", async (_name, prepare) => {
    const root = await mkdtemp(path.join(os.tmpdir(), "mds2-batch-usage-"));
    await writeGoodForms(path.join(root, "in-one"), 1);
    await writeGoodForms(path.join(root, "empty"), 0);
    const result = await runCli(await prepare(root), root);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mds2: /);
    await rm(root, { recursive: true, force: true });
  });
});
