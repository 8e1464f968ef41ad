/**
 * `npm run bench`: builds fictional forms, runs `mds2 batch` over them twice
 * (the second run finds everything recorded) and writes `bench/RESULTS.md`.
 *
 *   node dist/bench/run.js [--count 1000] [--jobs N] [--max-memory MB]
 *     [--memory-sizes 100,10000] [--work bench/work]
 *
 * `--memory-sizes` adds a first run over each of those numbers of forms, for
 * the peak memory of small and large catalogs.
 */

import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import writeFileAtomic from "write-file-atomic";
import { measureFloor, measureParse } from "./floor.js";
import { writeBenchForms } from "./forms.js";
import {
  formatResults,
  type BenchResults,
  type MemoryFigures,
  type RunFigures,
} from "./results.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    jobs: { type: "string", default: String(os.availableParallelism()) },
    "max-memory": { type: "string" },
    "memory-sizes": { type: "string", default: "" },
    work: { type: "string", default: path.join(REPO_ROOT, "bench", "work") },
  },
});

const count = Number(values.count);
const jobs = Number(values.jobs);
const maxMemory =
  values["max-memory"] === undefined ? undefined : Number(values["max-memory"]);
const memorySizes = values["memory-sizes"]
  .split(",")
  .filter((size) => size.trim() !== "")
  .map(Number);
if (
  ![count, jobs, ...memorySizes].every(
    (value) => Number.isInteger(value) && value >= 1,
  )
) {
  process.stderr.write(
    "bench: --count, --jobs and --memory-sizes must be whole numbers of at least 1\n",
  );
  process.exit(2);
}

const log = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

const formsFolder = formsFolderFor(count);
const outFolder = path.join(values.work, `out-${count}`);
const forms = await writeBenchForms(formsFolder, count, log);
await rm(outFolder, { recursive: true, force: true });

const loadBefore = os.loadavg()[0] ?? 0;
log(`first run: ${count} forms, ${jobs} workers, JSON output`);
const first = await timeBatch(formsFolder, outFolder);
log(`re-run over the same ${count} forms`);
const second = await timeBatch(formsFolder, outFolder);

const workbooks = forms
  .filter((form) => form.kind === "xlsx")
  .map((form) => path.join(formsFolder, form.file));
log(`floor and parse time over ${workbooks.length} workbooks, one thread`);
const floor = await measureFloor(workbooks);
const parse = await measureParse(workbooks);

const memory: MemoryFigures[] = [];
for (const size of memorySizes) {
  const folder = formsFolderFor(size);
  await writeBenchForms(folder, size, log);
  const out = path.join(values.work, `out-${size}-memory`);
  await rm(out, { recursive: true, force: true });
  log(`memory run: ${size} forms`);
  const timed = await timeBatch(folder, out);
  memory.push({ count: size, ...readRun(out, 1, timed) });
  await rm(out, { recursive: true, force: true });
}

const results: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpu: os.cpus()[0]?.model ?? "unknown",
    cores: os.availableParallelism(),
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    loadBefore,
  },
  count,
  jobs,
  maxMemoryMb: maxMemory,
  first: readRun(outFolder, 1, first),
  second: readRun(outFolder, 2, second),
  floor,
  parse,
  memory,
  byFormat: readFormatTimings(outFolder),
};

const text = formatResults(results);
process.stdout.write(text);
const resultsFile = path.join(REPO_ROOT, "bench", "RESULTS.md");
await writeFileAtomic(resultsFile, text);
log(`wrote ${resultsFile}`);

interface Timed {
  wallMs: number;
  exitCode: number | null;
}

function formsFolderFor(size: number): string {
  return path.join(values.work, `forms-${size}`);
}

/** Runs the batch CLI in its own process, so its peak memory is its own. */
async function timeBatch(forms: string, out: string): Promise<Timed> {
  const args = [
    CLI,
    "batch",
    forms,
    "-o",
    out,
    "--format",
    "json",
    "--jobs",
    String(jobs),
  ];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  return { wallMs: performance.now() - started, exitCode };
}

function openCatalog(out: string): Database.Database {
  return new Database(path.join(out, "catalog.sqlite"), {
    readonly: true,
  });
}

function readRun(out: string, id: number, timed: Timed): RunFigures {
  const db = openCatalog(out);
  try {
    const run = db
      .prepare(
        "SELECT inputs, parsed, skipped, failed, stats FROM runs WHERE id = ?",
      )
      .get(id) as {
      inputs: number;
      parsed: number;
      skipped: number;
      failed: number;
      stats: string;
    };
    const stats = JSON.parse(run.stats) as Pick<
      RunFigures,
      "stages" | "peakRssMb" | "elapsedMs"
    >;
    return { ...timed, ...run, ...stats };
  } finally {
    db.close();
  }
}

/** Mean milliseconds per form of each stage, per source format, from the first run. */
function readFormatTimings(out: string): BenchResults["byFormat"] {
  const db = openCatalog(out);
  try {
    const rows = db
      .prepare("SELECT format, timings FROM disclosures WHERE run_id = 1")
      .all() as {
      format: string;
      timings: string;
    }[];
    const byFormat: BenchResults["byFormat"] = {};
    for (const row of rows) {
      const timings = JSON.parse(row.timings) as Record<string, number>;
      const entry = (byFormat[row.format] ??= { forms: 0, totals: {} });
      entry.forms += 1;
      for (const [stage, ms] of Object.entries(timings)) {
        entry.totals[stage] = (entry.totals[stage] ?? 0) + ms;
      }
    }
    return byFormat;
  } finally {
    db.close();
  }
}
