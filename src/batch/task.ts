/**
 * What the batch hands a worker for one file and what it gets back. The pool
 * and the catalog depend only on these types, never on how a task parses.
 */

import type { MessagePort } from "node:worker_threads";
import type { Assessment } from "../model/assessment.js";
import type { Disclosure } from "../model/disclosure.js";
import type { RenderedFile } from "../render/index.js";

export interface FileTask {
  /** Absolute path of the input. */
  path: string;
  /** The input's name in messages. */
  name: string;
  sha256: string;
  /** The file's bytes when the main thread read it whole; otherwise the worker reads `path`. */
  bytes?: Uint8Array;
  /** Output formats to render, e.g. `html`, `json`. */
  formats: string[];
  /** File of a user mapping; the built-in mapping when absent. */
  mapping?: string;
  /** Evidence files (CIS-CAT results, CSV attestations). */
  evidence?: string[];
  /** Platform ID that overrides detection, e.g. `win7`. */
  platform?: string;
  /** Port the worker posts to when it starts the file; the pool's time limit starts then. */
  started?: MessagePort;
}

/** Milliseconds spent in each stage of one file. */
export interface StageTimings {
  read?: number;
  recognize?: number;
  normalize?: number;
  assess?: number;
  render?: number;
}

export type FileResult =
  | {
      kind: "parsed";
      disclosure: Disclosure;
      assessment: Assessment;
      outputs: RenderedFile[];
      timings: StageTimings;
    }
  | { kind: "skipped"; code: string; reason: string }
  | { kind: "failed"; code: string; reason: string };

/** The function a task module exports as `processFile`; it runs inside a worker. */
export type ProcessFile = (task: FileTask) => Promise<FileResult>;

/** Error codes that mean "not an MDS2 form": the input is skipped, not failed. */
export const NOT_A_FORM_CODES: readonly string[] = [
  "input.not-mds2",
  "input.unsupported-format",
];
