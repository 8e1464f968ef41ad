/**
 * `npm run bench`: builds fictional forms, runs `mds2 batch` over them twice
 * (the second run finds everything recorded) and writes `bench/RESULTS.md`.
 *
 *   node dist/bench/run.js [--count 1000] [--jobs N] [--max-memory MB] [--work bench/work]
 */

import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import writeFileAtomic from "write-file-atomic";
import { measureFloor } from "./floor.js";
import { writeBenchForms } from "./forms.js";
import {
  formatResults,
  type BenchResults,
  type RunFigures,
} from "./results.js";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI = fileURLToPath(new URL("../cli/main.js", import.meta.url));

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    jobs: { type: "string", default: String(os.availableParallelism()) },
    "max-memory": { type: "string" },
    work: { type: "string", default: path.join(REPO_ROOT, "bench", "work") },
  },
});

const count = Number(values.count);
const jobs = Number(values.jobs);
const maxMemory =
  values["max-memory"] === undefined ? undefined : Number(values["max-memory"]);
if (
  !Number.isInteger(count) ||
  count < 1 ||
  !Number.isInteger(jobs) ||
  jobs < 1
) {
  process.stderr.write(
    "bench: --count and --jobs must be whole numbers of at least 1\n",
  );
  process.exit(2);
}

const log = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

const formsFolder = path.join(values.work, `forms-${count}`);
const outFolder = path.join(values.work, `out-${count}`);
const forms = await writeBenchForms(formsFolder, count, log);
await rm(outFolder, { recursive: true, force: true });

const loadBefore = os.loadavg()[0] ?? 0;
log(`first run: ${count} forms, ${jobs} workers, JSON output`);
const first = await timeBatch();
log(`re-run over the same ${count} forms`);
const second = await timeBatch();

const workbooks = forms
  .filter((form) => form.kind === "xlsx")
  .map((form) => path.join(formsFolder, form.file));
const floor = await measureFloor(workbooks);

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
  first: readRun(1, first),
  second: readRun(2, second),
  floor,
  byFormat: readFormatTimings(),
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

/** Runs the batch CLI in its own process, so its peak memory is its own. */
async function timeBatch(): Promise<Timed> {
  const args = [
    CLI,
    "batch",
    formsFolder,
    "-o",
    outFolder,
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

function openCatalog(): Database.Database {
  return new Database(path.join(outFolder, "catalog.sqlite"), {
    readonly: true,
  });
}

function readRun(id: number, timed: Timed): RunFigures {
  const db = openCatalog();
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
function readFormatTimings(): BenchResults["byFormat"] {
  const db = openCatalog();
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
