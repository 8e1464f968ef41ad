/** Options of a batch run: inputs, outputs, pool limits and assessment sources. */

import type { BatchProgress } from "./progress.js";

export interface BatchOptions {
  /** Files, folders and globs. */
  inputs: string[];
  outputDir: string;
  /**
   * Catalog file; `outputDir/catalog.sqlite` when absent. NOTE: output paths
   * are stored relative to the output folder, so one catalog shared by two
   * output folders links the other folder's reports wrongly.
   */
  db?: string;
  formats?: string[];
  /** Worker threads; one per core when absent. */
  jobs?: number;
  timeoutSeconds?: number;
  maxMemoryMb?: number;
  mapping?: string;
  evidence?: string[];
  platform?: string;
  /**
   * Parses and assesses again the inputs an earlier run recorded as parsed,
   * replacing their catalog records and rewriting their device folders,
   * instead of skipping them.
   */
  reassess?: boolean;
  /** Testing hook; see `WorkerOptions.taskModule`. */
  taskModule?: string;
  progress?: BatchProgress;
  /** Aborting it stops the batch: running files are dropped, finished ones stay recorded. */
  signal?: AbortSignal;
  cwd?: string;
}
