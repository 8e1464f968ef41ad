/** One running batch: dispatches inputs to the pool and records each outcome. */

import path from "node:path";
import { Mds2Error } from "../errors.js";
import { SEVERITIES, type Severity } from "../model/assessment.js";
import { writeOutputs } from "../render/write-outputs.js";
import {
  ALREADY_RECORDED_CODE,
  DUPLICATE_CODE,
  type Catalog,
  type RecordedOutputs,
} from "./catalog/index.js";
import {
  DeviceFolders,
  isInsideFolder,
  removeStaleOutputs,
} from "./device-folders.js";
import { hashFile, type HashedFile } from "./hash.js";
import type { InputFile } from "./inputs.js";
import { FilePool, TaskInterrupted } from "./pool.js";
import { silentProgress, type BatchProgress } from "./progress.js";
import type { BatchOptions } from "./options.js";
import { changedOptions, recordedOptions } from "./run-options.js";
import { Slots } from "./slots.js";
import { printable } from "../terminal-text.js";
import type { FileResult, FileTask, StageTimings } from "./task.js";

/** Base name of every device's outputs; the folder already names the device. */
export const DEVICE_REPORT_NAME = "report";

/** Failures printed while the batch runs; the summary lists them all. */
const MAX_FAILURES_NOTED = 20;

/** Batch options after defaults and checks; paths are absolute. */
export interface BatchSettings {
  outputDir: string;
  catalogFile: string;
  formats: string[];
  jobs: number;
  timeoutSeconds: number;
  maxMemoryMb: number;
}

export interface InputIssue {
  /** The input as named in messages. */
  name: string;
  code: string;
  reason: string;
}

/** Milliseconds summed over all files; `hash`, `write` and `record` run in the main thread. */
export interface StageTotals extends Required<StageTimings> {
  hash: number;
  write: number;
  record: number;
}

export interface BatchSummary {
  runId: number;
  status: "finished" | "interrupted";
  inputs: number;
  /** Includes the reassessed inputs. */
  parsed: number;
  /** Parsed again with `reassess`, replacing an earlier record. */
  reassessed: number;
  skipped: number;
  failed: number;
  /** Inputs left untouched because the batch was interrupted. */
  notProcessed: number;
  /** Skipped because an earlier run already recorded the same content. */
  alreadyRecorded: number;
  /**
   * Of `alreadyRecorded`, inputs whose recorded assessment used other values
   * of `changedOptions` than this run.
   */
  notReassessed: number;
  /** Command-line names of those options, e.g. `--mapping`. */
  changedOptions: string[];
  /** Other skips, in the order they were recorded. */
  skips: InputIssue[];
  failures: InputIssue[];
  findingsBySeverity: Record<Severity, number>;
  stages: StageTotals;
  elapsedMs: number;
  /** Peak resident memory of the process, worker threads included, in MB. */
  peakRssMb: number;
  /** CPU time of the process so far, all threads, in milliseconds. */
  cpuMs: number;
  jobs: number;
  catalogFile: string;
  /** Catalog report files: index.html, catalog.csv, catalog.xlsx. */
  reportFiles: string[];
}

/** The state of one running batch: counts, the pool and the folders handed out. */
export class BatchRun {
  readonly #catalog: Catalog;
  readonly #runId: number;
  readonly #settings: BatchSettings;
  readonly #options: BatchOptions;
  readonly #progress: BatchProgress;
  readonly #interrupt: AbortSignal;
  readonly #folders: DeviceFolders;
  /** First input name seen for each hash in this run. */
  readonly #seen = new Map<string, string>();
  /** Earlier records of the inputs being reassessed, by hash. */
  readonly #earlier = new Map<string, RecordedOutputs>();
  /** This run's options as the catalog records them. */
  readonly #runOptions: Record<string, unknown>;
  /** Assessment options that differ from those of an earlier run, by run ID. */
  readonly #changedByRun = new Map<number, string[]>();
  readonly #changedOptions = new Set<string>();

  readonly #skips: InputIssue[] = [];
  readonly #failures: InputIssue[] = [];
  readonly #findings = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, 0]),
  ) as Record<Severity, number>;
  readonly #stages: StageTotals = {
    read: 0,
    recognize: 0,
    normalize: 0,
    assess: 0,
    render: 0,
    hash: 0,
    write: 0,
    record: 0,
  };
  #parsed = 0;
  #reassessed = 0;
  #alreadyRecorded = 0;
  #notReassessed = 0;
  /** Worker threads started; 0 when every input was skipped before parsing. */
  #workers = 0;

  constructor(
    catalog: Catalog,
    runId: number,
    settings: BatchSettings,
    options: BatchOptions,
  ) {
    this.#catalog = catalog;
    this.#runId = runId;
    this.#settings = settings;
    this.#options = options;
    this.#progress = options.progress ?? silentProgress;
    this.#interrupt = options.signal ?? new AbortController().signal;
    this.#folders = new DeviceFolders(catalog.outputDirs());
    this.#runOptions = recordedOptions(options, settings);
  }

  get #done(): number {
    return this.#parsed + this.#skipped + this.#failures.length;
  }

  get #skipped(): number {
    return this.#skips.length + this.#alreadyRecorded;
  }

  /** Processes every input; returns `interrupted` when the signal fired first. */
  async processAll(inputs: InputFile[]): Promise<"finished" | "interrupted"> {
    // Started on the first file that needs parsing: a re-run that finds
    // everything recorded never pays for loading the workers.
    let pool: FilePool | undefined;
    // No more workers than inputs left, so one form never starts a worker per core.
    const startPool = (remaining: number): FilePool =>
      (pool ??= new FilePool({
        jobs: (this.#workers = Math.min(this.#settings.jobs, remaining)),
        timeoutSeconds: this.#settings.timeoutSeconds,
        maxMemoryMb: this.#settings.maxMemoryMb,
        taskModule: this.#options.taskModule,
      }));
    // Inputs are hashed and looked up one at a time, in input order, so the
    // first of two identical files is the one parsed. Each worker gets one
    // file at a time and is free again as soon as it returns the result.
    // At most two results per worker wait for their outputs to be written.
    const slots = new Slots(this.#settings.jobs);
    const writeSlots = new Slots(this.#settings.jobs * 2);
    const running = new Set<Promise<void>>();
    let unexpected: { error: unknown } | undefined;

    this.#progress.start(inputs.length);
    try {
      for (const [index, input] of inputs.entries()) {
        if (this.#interrupt.aborted || unexpected) break;
        if (input.skip) {
          this.#skip(input, undefined, input.skip.code, input.skip.reason);
          this.#reportProgress();
          continue;
        }
        const hashed = await this.#hash(input);
        if (!hashed || this.#skipKnown(input, hashed)) {
          this.#reportProgress();
          continue;
        }

        const release = await slots.acquire();
        if (this.#interrupt.aborted || unexpected) {
          release();
          break;
        }
        const task = this.#dispatch(
          input,
          hashed,
          startPool(inputs.length - index),
          release,
          writeSlots,
        )
          .catch((error: unknown) => {
            unexpected ??= { error };
          })
          .finally(() => {
            release();
            running.delete(task);
          });
        running.add(task);
      }
      await Promise.all(running);
    } finally {
      this.#progress.stop();
      if (this.#interrupt.aborted || unexpected) await pool?.destroy();
      else await pool?.close();
    }

    if (unexpected) throw unexpected.error;
    return this.#interrupt.aborted ? "interrupted" : "finished";
  }

  summarize(
    status: "finished" | "interrupted",
    inputs: number,
    startedAt: number,
  ): BatchSummary {
    return {
      runId: this.#runId,
      status,
      inputs,
      parsed: this.#parsed,
      reassessed: this.#reassessed,
      skipped: this.#skipped,
      failed: this.#failures.length,
      notProcessed: inputs - this.#done,
      alreadyRecorded: this.#alreadyRecorded,
      notReassessed: this.#notReassessed,
      changedOptions: [...this.#changedOptions],
      skips: this.#skips,
      failures: this.#failures,
      findingsBySeverity: this.#findings,
      stages: this.#stages,
      elapsedMs: performance.now() - startedAt,
      // maxRSS is in kilobytes and covers the worker threads, which share the process.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      cpuMs: processCpuMs(),
      jobs: this.#workers,
      catalogFile: this.#catalog.file,
      reportFiles: [],
    };
  }

  /** Parses one input in the pool, frees the worker's slot, then records the outcome. */
  async #dispatch(
    input: InputFile,
    hashed: HashedFile,
    pool: FilePool,
    releaseWorker: () => void,
    writeSlots: Slots,
  ): Promise<void> {
    let result: FileResult;
    try {
      result = await pool.run(this.#task(input, hashed), this.#interrupt);
    } catch (error) {
      if (error instanceof TaskInterrupted) return;
      throw error;
    }

    const releaseWrite = await writeSlots.acquire();
    releaseWorker();
    try {
      if (result.kind === "parsed") {
        await this.#recordParsed(input, hashed, result);
      } else if (result.kind === "skipped") {
        this.#skip(input, hashed.sha256, result.code, result.reason);
      } else {
        this.#fail(input, hashed.sha256, result.code, result.reason);
      }
    } finally {
      releaseWrite();
    }
    this.#reportProgress();
  }

  async #hash(input: InputFile): Promise<HashedFile | undefined> {
    const started = performance.now();
    try {
      return await hashFile(input.path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      this.#fail(
        input,
        undefined,
        "input.unreadable",
        `cannot read the file (${code})`,
      );
      return undefined;
    } finally {
      this.#stages.hash += performance.now() - started;
    }
  }

  /** Skips content recorded by an earlier run or seen earlier in this one; returns true when skipped. */
  #skipKnown(input: InputFile, hashed: HashedFile): boolean {
    // Same-run copies come first: by the time the copy is reached, the first
    // file may already be in the catalog.
    const first = this.#seen.get(hashed.sha256);
    if (first !== undefined) {
      this.#skip(
        input,
        hashed.sha256,
        DUPLICATE_CODE,
        `same content as ${first}`,
      );
      return true;
    }

    const known = this.#catalog.findContent(hashed.sha256);
    const earlier =
      known?.state === "parsed" && this.#options.reassess
        ? this.#catalog.recordedOutputs(hashed.sha256)
        : undefined;
    if (earlier) {
      this.#earlier.set(hashed.sha256, earlier);
    } else if (known?.state === "parsed") {
      this.#catalog.recordSkip(
        this.#runId,
        { path: input.path, sha256: hashed.sha256, size: hashed.size },
        ALREADY_RECORDED_CODE,
        `already in the catalog: parsed from ${known.path} in run ${known.runId}`,
      );
      this.#alreadyRecorded += 1;
      this.#compareOptions(known.runId);
      return true;
    }
    if (known?.state === "skipped") {
      this.#skip(input, hashed.sha256, known.code, known.reason);
      return true;
    }

    this.#seen.set(hashed.sha256, input.name);
    return false;
  }

  /** Counts an input left as recorded by `runId` when that run assessed with other options. */
  #compareOptions(runId: number): void {
    let changed = this.#changedByRun.get(runId);
    if (changed === undefined) {
      const recorded = this.#catalog.runOptions(runId);
      changed = recorded ? changedOptions(recorded, this.#runOptions) : [];
      this.#changedByRun.set(runId, changed);
    }
    if (changed.length === 0) return;

    this.#notReassessed += 1;
    for (const flag of changed) this.#changedOptions.add(flag);
  }

  #task(input: InputFile, hashed: HashedFile): FileTask {
    const task: FileTask = {
      path: input.path,
      name: input.name,
      sha256: hashed.sha256,
      formats: this.#settings.formats,
    };
    if (hashed.bytes) task.bytes = hashed.bytes;
    if (this.#options.mapping) task.mapping = this.#options.mapping;
    if (this.#options.evidence?.length) task.evidence = this.#options.evidence;
    if (this.#options.platform) task.platform = this.#options.platform;
    return task;
  }

  async #recordParsed(
    input: InputFile,
    hashed: HashedFile,
    result: Extract<FileResult, { kind: "parsed" }>,
  ): Promise<void> {
    // A reassessed input keeps its device folder. A stored folder outside the
    // output folder is not trusted, so such an input gets a new one.
    const earlier = this.#earlier.get(hashed.sha256);
    const outputDir =
      earlier && isInsideFolder(this.#settings.outputDir, earlier.outputDir)
        ? earlier.outputDir
        : this.#folders.allocate(result.disclosure, hashed.sha256);
    const writeStarted = performance.now();
    let written: string[];
    try {
      written = await writeOutputs(
        path.join(this.#settings.outputDir, outputDir),
        DEVICE_REPORT_NAME,
        result.outputs,
      );
    } catch (error) {
      const reason =
        error instanceof Mds2Error ? error.toLine() : String(error);
      this.#fail(input, hashed.sha256, "output.failed", reason);
      return;
    } finally {
      this.#stages.write += performance.now() - writeStarted;
    }

    // NOTE: when the process dies between the writes and the commit, a
    // reassessed device folder contains the new outputs and the catalog the old record.
    const recordStarted = performance.now();
    const outputs = written.map((file) =>
      toPosix(path.relative(this.#settings.outputDir, file)),
    );
    this.#catalog.recordParsed(
      this.#runId,
      { path: input.path, sha256: hashed.sha256, size: hashed.size },
      {
        disclosure: result.disclosure,
        assessment: result.assessment,
        timings: result.timings,
        outputDir,
        outputs,
        replace: earlier !== undefined,
      },
    );
    this.#stages.record += performance.now() - recordStarted;

    if (earlier) {
      // Only after the commit, so the catalog never lists a removed file.
      const notRemoved = await removeStaleOutputs(
        this.#settings.outputDir,
        earlier,
        outputs,
      );
      for (const file of notRemoved) {
        this.#progress.note(
          printable(
            `failed to delete ${file}, an output of ${input.name} the new assessment no longer writes; delete it by hand`,
          ),
        );
      }
      this.#reassessed += 1;
    }
    this.#parsed += 1;
    for (const finding of result.assessment.findings)
      this.#findings[finding.severity] += 1;
    for (const [stage, ms] of Object.entries(result.timings)) {
      this.#stages[stage as keyof StageTimings] += ms ?? 0;
    }
  }

  #skip(
    input: InputFile,
    sha256: string | undefined,
    code: string,
    reason: string,
  ): void {
    this.#catalog.recordSkip(
      this.#runId,
      { path: input.path, sha256 },
      code,
      reason,
    );
    this.#skips.push({ name: input.name, code, reason });
  }

  #fail(
    input: InputFile,
    sha256: string | undefined,
    code: string,
    reason: string,
  ): void {
    this.#catalog.recordFailure(
      this.#runId,
      { path: input.path, sha256 },
      code,
      reason,
    );
    this.#failures.push({ name: input.name, code, reason });
    if (this.#failures.length <= MAX_FAILURES_NOTED) {
      this.#progress.note(printable(`failed: ${input.name}: ${reason}`));
    } else if (this.#failures.length === MAX_FAILURES_NOTED + 1) {
      this.#progress.note("further failures are listed in the summary");
    }
  }

  #reportProgress(): void {
    this.#progress.update({
      done: this.#done,
      parsed: this.#parsed,
      skipped: this.#skipped,
      failed: this.#failures.length,
    });
  }
}

/** CPU time of the whole process since it started, worker threads and module loading included. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function toPosix(relative: string): string {
  return relative.split(path.sep).join("/");
}
