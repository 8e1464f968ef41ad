/** The worker pool: one file per task, each with a time limit and a heap cap. */

import { MessageChannel, type Transferable } from "node:worker_threads";
import { Piscina } from "piscina";
import type { FileResult, FileTask } from "./task.js";
import type { WorkerOptions } from "./worker.js";

export interface PoolOptions {
  /** Number of worker threads. */
  jobs: number;
  /** Time limit per file, in seconds. */
  timeoutSeconds: number;
  /** Old-generation heap limit per worker, in MB. */
  maxMemoryMb: number;
  /** Testing hook passed to the worker; see `WorkerOptions.taskModule`. */
  taskModule?: string;
}

/** Raised by `FilePool.run` when the batch was interrupted while the file was in a worker. */
export class TaskInterrupted extends Error {
  constructor() {
    super("the batch was interrupted");
    this.name = "TaskInterrupted";
  }
}

/**
 * Young-generation size of each worker, in MB. V8's default on 64-bit
 * systems is about 48 MB (16 MB semi-spaces), mostly reserved and idle
 * between files. In one comparison over 1,000 forms with two workers, 12 MB
 * lowered the batch's peak memory from 471 to 397 MB (24 MB: 426 MB) for
 * about 10 % more CPU time in extra minor collections.
 * NOTE: measured on a machine shared with other work, so the figures are rough.
 */
const YOUNG_GENERATION_MB = 12;

export class FilePool {
  readonly options: PoolOptions;
  readonly #piscina: Piscina<FileTask, FileResult>;

  constructor(options: PoolOptions) {
    this.options = options;
    const workerData: WorkerOptions = { taskModule: options.taskModule };
    this.#piscina = new Piscina({
      filename: new URL("./worker.js", import.meta.url).href,
      minThreads: options.jobs,
      maxThreads: options.jobs,
      concurrentTasksPerWorker: 1,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxMemoryMb,
        maxYoungGenerationSizeMb: YOUNG_GENERATION_MB,
      },
      workerData,
    });
  }

  /**
   * Runs `task` in a worker. A file that runs past the time limit or the heap
   * cap, or crashes its worker, comes back as a `failed` result: piscina ends
   * that worker and starts a fresh one. Throws `TaskInterrupted` when
   * `interrupt` fires first.
   */
  async run(task: FileTask, interrupt: AbortSignal): Promise<FileResult> {
    // The time limit starts when a worker picks the file up, so neither the
    // queue nor a fresh worker loading its modules counts against the file.
    // AbortSignal.timeout would start at once, hence the timer on "started".
    const timeLimit = new AbortController();
    const channel = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    channel.port1.once("message", () => {
      timer = setTimeout(
        () => timeLimit.abort(),
        this.options.timeoutSeconds * 1000,
      );
    });

    const bytes = task.bytes === undefined ? undefined : ownBuffer(task.bytes);
    const transferList: Transferable[] = [channel.port2];
    if (bytes !== undefined) transferList.push(bytes.buffer as ArrayBuffer);
    const message: FileTask = { ...task, bytes, started: channel.port2 };

    try {
      return await this.#piscina.run(message, {
        signal: AbortSignal.any([timeLimit.signal, interrupt]),
        transferList,
      });
    } catch (error) {
      if (interrupt.aborted) throw new TaskInterrupted();
      if (timeLimit.signal.aborted) {
        return {
          kind: "failed",
          code: "timeout",
          reason: `timed out after ${this.options.timeoutSeconds} s; raise --timeout if the file is large`,
        };
      }
      return workerFailure(error, this.options.maxMemoryMb);
    } finally {
      clearTimeout(timer);
      channel.port1.close();
    }
  }

  /** Waits for running tasks, then stops the workers. */
  close(): Promise<void> {
    return this.#piscina.close();
  }

  /** Stops the workers at once, abandoning running tasks. */
  destroy(): Promise<void> {
    return this.#piscina.destroy();
  }
}

function workerFailure(error: unknown, maxMemoryMb: number): FileResult {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    return {
      kind: "failed",
      code: "out-of-memory",
      reason: `ran out of memory (limit ${maxMemoryMb} MB); raise --max-memory if the file is large`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    kind: "failed",
    code: "internal",
    reason: `the worker failed: ${message}`,
  };
}

// Transferring moves the whole ArrayBuffer, so a view into a shared pool is copied first.
function ownBuffer(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    return bytes;
  return new Uint8Array(bytes);
}
