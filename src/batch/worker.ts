/**
 * Worker entry of the batch pool: runs one `FileTask` per call. The pool
 * loads the compiled `dist/batch/worker.js`.
 */

import { pathToFileURL } from "node:url";
import { workerData } from "node:worker_threads";
import type { FileResult, FileTask, ProcessFile } from "./task.js";

export interface WorkerOptions {
  /**
   * Testing hook: a JavaScript module whose `processFile` export replaces
   * the real pipeline, so tests can make files hang or exhaust memory.
   */
  taskModule?: string;
}

const processFile = await loadProcessFile(
  (workerData as WorkerOptions | undefined)?.taskModule,
);

export default function runTask(task: FileTask): Promise<FileResult> {
  const { started, ...file } = task;
  started?.postMessage("started");
  started?.close();
  return processFile(file);
}

async function loadProcessFile(
  taskModule: string | undefined,
): Promise<ProcessFile> {
  const specifier = taskModule
    ? pathToFileURL(taskModule).href
    : "./process-file.js";
  const loaded = (await import(specifier)) as { processFile?: unknown };
  if (typeof loaded.processFile !== "function") {
    throw new TypeError(`${specifier} does not export a processFile function`);
  }
  return loaded.processFile as ProcessFile;
}
