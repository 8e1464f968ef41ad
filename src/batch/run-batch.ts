/**
 * `mds2 batch` as a library function: many inputs through the worker pool
 * into per-device outputs, the catalog and the catalog report.
 */

import { existsSync } from "node:fs";
import { mkdir, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PLATFORMS, platformFromOption } from "../crossref/platform.js";
import { Mds2Error } from "../errors.js";
import { outputFormats } from "../render/index.js";
import {
  BatchRun,
  processCpuMs,
  type BatchSettings,
  type BatchSummary,
} from "./batch-run.js";
import { Catalog } from "./catalog/index.js";
import { LOCK_SUFFIX, lockCatalog } from "./catalog-lock.js";
import { REPORT_FILES, writeCatalogReport } from "./catalog-report/index.js";
import { collectInputs, type InputFile } from "./inputs.js";
import type { BatchOptions } from "./options.js";
import { recordedOptions } from "./run-options.js";

export type { BatchSummary, InputIssue, StageTotals } from "./batch-run.js";
export type { BatchOptions } from "./options.js";

import {
  CATALOG_FILE,
  DEFAULT_FORMATS,
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_SECONDS,
  MAX_JOBS,
  MAX_MEMORY_MB,
  MAX_TIMEOUT_SECONDS,
  MIN_MEMORY_MB,
} from "./defaults.js";

export {
  CATALOG_FILE,
  DEFAULT_FORMATS,
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_SECONDS,
};

/** Runs a batch and returns its summary. Throws `Mds2Error` (`usage`) for options it cannot run. */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const startedAt = performance.now();
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const settings = resolveSettings(options, cwd);
  // Before anything is created, so a rejected database leaves no trace.
  Catalog.check(settings.catalogFile);

  await prepareOutputFolder(settings.outputDir);
  await mkdir(path.dirname(settings.catalogFile), { recursive: true });
  const inputs = await findInputs(options.inputs, settings, cwd);

  const unlock = lockCatalog(settings.catalogFile, Catalog.runningSince);
  let catalog: Catalog;
  try {
    catalog = Catalog.open(settings.catalogFile);
  } catch (error) {
    unlock();
    throw error;
  }
  try {
    const runId = catalog.startRun(recordedOptions(options, settings));
    const run = new BatchRun(catalog, runId, settings, options);
    let status: "finished" | "interrupted";
    try {
      status = await run.processAll(inputs);
    } catch (error) {
      catalog.finishRun(runId, "failed", inputs.length, {});
      throw error;
    }

    const summary = run.summarize(status, inputs.length, startedAt);
    catalog.finishRun(runId, status, inputs.length, runStats(summary));
    const changed =
      summary.parsed > 0 || summary.failed > 0 || summary.skips.length > 0;
    const workbook = path.join(settings.outputDir, REPORT_FILES.xlsx);
    summary.reportFiles = await writeCatalogReport(
      catalog,
      settings.outputDir,
      {
        workbook: changed || !existsSync(workbook),
      },
    );

    // The report is part of the run's time and memory.
    summary.elapsedMs = performance.now() - startedAt;
    summary.peakRssMb = process.resourceUsage().maxRSS / 1024;
    summary.cpuMs = processCpuMs();
    catalog.setRunStats(runId, runStats(summary));
    return summary;
  } finally {
    catalog.close();
    unlock();
  }
}

function resolveSettings(options: BatchOptions, cwd: string): BatchSettings {
  const formats = options.formats ?? DEFAULT_FORMATS;
  const known = outputFormats();
  const unknown = formats.filter((format) => !known.includes(format));
  if (unknown.length > 0) {
    throw usageError(
      `unknown output format ${unknown.join(", ")}; choose from ${known.join(", ")}`,
    );
  }

  const jobs = options.jobs ?? os.availableParallelism();
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > MAX_JOBS)
    throw usageError(
      `--jobs must be a whole number of at least 1 and at most ${MAX_JOBS}, got ${jobs}`,
    );
  if (!(timeoutSeconds > 0))
    throw usageError(
      `--timeout must be a number of seconds above 0, got ${timeoutSeconds}`,
    );
  if (
    !Number.isInteger(maxMemoryMb) ||
    maxMemoryMb < MIN_MEMORY_MB ||
    maxMemoryMb > MAX_MEMORY_MB
  ) {
    throw usageError(
      `--max-memory must be a whole number of MB, at least ${MIN_MEMORY_MB} and at most ${MAX_MEMORY_MB}, got ${maxMemoryMb}`,
    );
  }
  if (options.platform !== undefined && !platformFromOption(options.platform)) {
    throw usageError(
      `unknown platform "${options.platform}"`,
      `Use one of: ${PLATFORMS.map((known) => known.id).join(", ")}.`,
    );
  }

  const outputDir = path.resolve(cwd, options.outputDir);
  const catalogFile = path.resolve(
    cwd,
    options.db ?? path.join(outputDir, CATALOG_FILE),
  );
  return {
    outputDir,
    catalogFile,
    formats: [...new Set(formats)],
    jobs,
    // A longer delay would overflow the timer and fire at once.
    timeoutSeconds: Math.min(timeoutSeconds, MAX_TIMEOUT_SECONDS),
    maxMemoryMb,
  };
}

async function prepareOutputFolder(folder: string): Promise<void> {
  const info = await stat(folder).catch(() => undefined);
  if (info && !info.isDirectory()) {
    throw usageError(
      `the output folder ${folder} is a file`,
      "Name a folder with -o.",
    );
  }
  await mkdir(folder, { recursive: true });
}

async function findInputs(
  patterns: string[],
  settings: BatchSettings,
  cwd: string,
): Promise<InputFile[]> {
  if (patterns.length === 0)
    throw usageError("no inputs given", "Name files, folders or globs.");
  let found: InputFile[];
  try {
    found = await collectInputs(patterns, {
      cwd,
      exclude: [settings.outputDir],
    });
  } catch (error) {
    if (error instanceof Mds2Error && error.code === "input.not-found") {
      throw usageError(error.message, error.hint);
    }
    throw error;
  }

  // The catalog may sit inside an input folder when --db points there.
  const catalogFiles = new Set(
    ["", "-wal", "-shm", "-journal", LOCK_SUFFIX, `${LOCK_SUFFIX}-journal`].map(
      (end) => settings.catalogFile + end,
    ),
  );
  const inputs = found.filter((input) => !catalogFiles.has(input.path));
  if (inputs.length === 0) {
    throw usageError(
      "no input files found",
      "Name files, folders or globs outside the output folder.",
    );
  }
  return inputs;
}

function usageError(message: string, hint?: string): Mds2Error {
  return new Mds2Error("usage", message, hint === undefined ? {} : { hint });
}

function runStats(summary: BatchSummary): Record<string, unknown> {
  return {
    stages: summary.stages,
    elapsedMs: summary.elapsedMs,
    peakRssMb: summary.peakRssMb,
    cpuMs: summary.cpuMs,
    jobs: summary.jobs,
    reassessed: summary.reassessed,
  };
}
