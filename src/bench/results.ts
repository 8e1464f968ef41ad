/** The benchmark's figures and their Markdown page, `bench/RESULTS.md`. */

import type { StageTotals } from "../batch/index.js";
import type { FloorResult, ParseResult } from "./floor.js";

export interface RunFigures {
  /** Wall time of the whole CLI process, start-up included. */
  wallMs: number;
  /** Time the batch itself measured, from reading the options to writing the catalog report. */
  elapsedMs: number;
  exitCode: number | null;
  inputs: number;
  parsed: number;
  skipped: number;
  failed: number;
  stages: StageTotals;
  peakRssMb: number;
  /** CPU time of the batch process, all threads, start-up included; absent in older catalogs. */
  cpuMs?: number;
}

/** A first run over `count` forms, for the peak memory at that catalog size. */
export interface MemoryFigures extends RunFigures {
  count: number;
}

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGb: number;
    node: string;
    platform: string;
    /** One-minute load average when the benchmark started. */
    loadBefore: number;
  };
  count: number;
  jobs: number;
  /** Heap limit per worker given to the batch, in MB; the batch default when absent. */
  maxMemoryMb?: number;
  first: RunFigures;
  second: RunFigures;
  floor: FloorResult;
  /** Parse time of the same workbooks as the floor, measured alike. */
  parse: ParseResult;
  /** Extra first runs at other catalog sizes; empty unless `--memory-sizes` was given. */
  memory: MemoryFigures[];
  /** Per source format: parsed forms and summed milliseconds per stage. */
  byFormat: Record<string, { forms: number; totals: Record<string, number> }>;
}

const TARGETS = {
  formsSeconds: 30,
  floorRatio: 10,
  peakMb: 400,
  rerunSeconds: 3,
};

const PARSE_STAGES = ["read", "recognize", "normalize"];

/** Returns the results page. */
export function formatResults(results: BenchResults): string {
  const { first, second, machine } = results;
  const seconds = first.wallMs / 1000;
  const rate = first.parsed / (first.elapsedMs / 1000);
  const ratio = floorRatio(results);
  const peak = peakMemory(results);

  const lines = [
    "# Benchmark results",
    "",
    "Written by `npm run bench` (`src/bench/run.ts`): fictional forms built by the",
    "sample writers, then `mds2 batch --format json` over them in its own process,",
    "then the same command again over the unchanged inputs.",
    "",
    `- date: ${results.date}`,
    `- machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GB, ${machine.platform}`,
    `- node: ${machine.node}`,
    `- load average when the benchmark started: ${machine.loadBefore.toFixed(2)} ` +
      `(above the core count means other processes shared the CPU and every time is inflated)`,
    `- forms: ${results.count} (${formatMix(results)}), ${results.jobs} workers` +
      (results.maxMemoryMb ? `, --max-memory ${results.maxMemoryMb}` : ""),
    "",
    "## Against the targets",
    "",
    "| target | measured | met |",
    "|---|---|---|",
    `| ${results.count} forms parsed, assessed and recorded in under ${TARGETS.formsSeconds} s | ` +
      `${seconds.toFixed(1)} s (${rate.toFixed(1)} forms/s) | ${met(seconds < TARGETS.formsSeconds)} |`,
    `| workbook parsing within ${TARGETS.floorRatio}× the unzip-and-scan floor | ` +
      `${ratio === undefined ? "no workbooks" : `${ratio.toFixed(1)}×`} | ` +
      `${ratio === undefined ? "–" : met(ratio <= TARGETS.floorRatio)} |`,
    `| peak memory under ${TARGETS.peakMb} MB | ${peak.text} | ` +
      `${met(peak.mb < TARGETS.peakMb)} |`,
    `| re-run over unchanged inputs under ${TARGETS.rerunSeconds} s | ` +
      `${(second.wallMs / 1000).toFixed(1)} s | ${met(second.wallMs / 1000 < TARGETS.rerunSeconds)} |`,
    "",
    "## Runs",
    "",
    "| run | wall time | batch time | CPU time | parsed | skipped | failed | exit code | peak RSS |",
    "|---|---|---|---|---|---|---|---|---|",
    runRow("first", first),
    runRow("re-run", second),
    ...results.memory.map((run) => runRow(`first, ${run.count} forms`, run)),
    "",
    "Wall time includes starting Node and loading the modules; peak RSS is the",
    "batch process's `maxRSS`, which covers its worker threads. CPU time is the",
    "batch process's user + system time over all its threads, start-up included:",
    `on a machine with nothing else running, the wall time cannot drop below CPU`,
    `time / ${machine.cores} cores, which is ${cpuBound(first, machine.cores)} for the first run and`,
    `${cpuBound(second, machine.cores)} for the re-run.`,
    "",
    "## Time per stage (first run)",
    "",
    "Summed over all forms; worker stages add up across workers, so their sum",
    "can exceed the wall time.",
    "",
    "| stage | total | per parsed form |",
    "|---|---|---|",
    ...Object.entries(first.stages).map(
      ([stage, ms]) =>
        `| ${stage} | ${(ms / 1000).toFixed(2)} s | ${(ms / Math.max(first.parsed, 1)).toFixed(1)} ms |`,
    ),
    "",
    "## Time per form by source format (first run)",
    "",
    "| format | forms | read | recognize | normalize | assess |",
    "|---|---|---|---|---|---|",
    ...Object.entries(results.byFormat).map(([format, { forms, totals }]) => {
      const mean = (stage: string) =>
        `${((totals[stage] ?? 0) / forms).toFixed(1)} ms`;
      return `| ${format} | ${forms} | ${mean("read")} | ${mean("recognize")} | ${mean("normalize")} | ${mean("assess")} |`;
    }),
    "",
    "## Workbook floor and parse time",
    "",
    "Both figures come from the benchmark process, one thread, file reads",
    "excluded, each after an untimed pass over the first 20 workbooks.",
    "",
    `- floor: unzipping each workbook with fflate and scanning its sheet XML`,
    `  and shared strings for cells, without parsing: ${formatFloor(results.floor)}`,
    `- parsing: read + recognize + normalize, the stages of \`parseDisclosure\`:`,
    `  ${formatParse(results.parse)}`,
    `- the same stages inside the batch workers, two of them sharing the cores`,
    `  with the main thread's writes: ${formatWorkerParse(results)}`,
    "",
  ];
  return `${lines.join("\n")}\n`;
}

/** Returns the workbook parse time per form divided by the floor per form. */
export function floorRatio(results: BenchResults): number | undefined {
  const { floor, parse } = results;
  if (floor.files === 0 || parse.files === 0) return undefined;
  return parse.totalMs / parse.files / (floor.totalMs / floor.files);
}

/** Returns the highest peak memory over the first runs, with the form counts it covers. */
export function peakMemory(results: BenchResults): {
  mb: number;
  text: string;
} {
  const runs = [
    { count: results.count, peakRssMb: results.first.peakRssMb },
    ...results.memory,
  ].sort((left, right) => left.count - right.count);
  const mb = Math.max(...runs.map((run) => run.peakRssMb));
  const text = runs
    .map((run) => `${Math.round(run.peakRssMb)} MB at ${run.count} forms`)
    .join(", ");
  return { mb, text };
}

function parseMsPerForm(entry: {
  forms: number;
  totals: Record<string, number>;
}): number {
  const total = PARSE_STAGES.reduce(
    (sum, stage) => sum + (entry.totals[stage] ?? 0),
    0,
  );
  return total / entry.forms;
}

function formatFloor(floor: FloorResult): string {
  if (floor.files === 0) return "nothing (no workbooks)";
  return `${(floor.totalMs / floor.files).toFixed(2)} ms per workbook (${floor.files} workbooks, ${floor.cells} cells)`;
}

function formatParse(parse: ParseResult): string {
  if (parse.files === 0) return "nothing (no workbooks)";
  return `${(parse.totalMs / parse.files).toFixed(2)} ms per workbook (${parse.answers} answers)`;
}

function formatWorkerParse(results: BenchResults): string {
  const workbooks = results.byFormat.xlsx;
  if (!workbooks) return "nothing (no workbooks parsed)";
  return `${parseMsPerForm(workbooks).toFixed(2)} ms per workbook`;
}

function formatMix(results: BenchResults): string {
  return Object.entries(results.byFormat)
    .map(([format, { forms }]) => `${forms} ${format}`)
    .join(", ");
}

function cpuBound(run: RunFigures, cores: number): string {
  if (run.cpuMs === undefined) return "unknown";
  return `${(run.cpuMs / 1000 / cores).toFixed(1)} s`;
}

function runRow(name: string, run: RunFigures): string {
  const cpu =
    run.cpuMs === undefined ? "–" : `${(run.cpuMs / 1000).toFixed(1)} s`;
  return (
    `| ${name} | ${(run.wallMs / 1000).toFixed(2)} s | ${(run.elapsedMs / 1000).toFixed(2)} s | ${cpu} | ` +
    `${run.parsed} | ${run.skipped} | ${run.failed} | ${run.exitCode} | ${Math.round(run.peakRssMb)} MB |`
  );
}

function met(value: boolean): string {
  return value ? "yes" : "no";
}
