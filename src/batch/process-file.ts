/**
 * The real batch task, run inside a worker: read, recognize, normalize,
 * assess and render one file, timing each stage.
 */

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import {
  assess,
  loadAssessOptions,
  type AssessOptions,
} from "../crossref/index.js";
import { formatErrorLine, isMds2Error } from "../errors.js";
import { recognize } from "../forms/index.js";
import type { Source } from "../model/disclosure.js";
import { normalize } from "../normalize/index.js";
import { readSource } from "../read/index.js";
import { renderOutputs } from "../render/index.js";
import {
  NOT_A_FORM_CODES,
  type FileResult,
  type FileTask,
  type StageTimings,
} from "./task.js";

// Loaded once per worker: every task of a batch uses the same mapping and evidence.
let assessOptions: Promise<AssessOptions> | undefined;
let assessOptionsKey: string | undefined;

/** Processes one file; never throws, so every outcome reaches the catalog with its reason. */
export async function processFile(task: FileTask): Promise<FileResult> {
  try {
    return await runStages(task);
  } catch (error) {
    return describeError(error);
  }
}

async function runStages(task: FileTask): Promise<FileResult> {
  const timings: StageTimings = {};
  const time = async <T>(
    stage: keyof StageTimings,
    work: () => T | Promise<T>,
  ): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      timings[stage] = (timings[stage] ?? 0) + performance.now() - started;
    }
  };

  const bytes = await time("read", () => loadBytes(task));
  // These three stages are `parseDisclosure` in `src/parse.ts`, called one by one to time them.
  const content = await time("read", () => readSource(bytes, task.name));
  const raw = await time("recognize", () => recognize(content, task.name));
  const source: Source = {
    file: path.basename(task.path),
    sha256: task.sha256,
    format: content.format,
    size: bytes.length,
  };
  const disclosure = await time("normalize", () => normalize(raw, source));

  const options = await assessOptionsFor(task);
  const assessment = await time("assess", () => assess(disclosure, options));
  const outputs = await time("render", () =>
    renderOutputs(disclosure, assessment, task.formats, { sourceBytes: bytes }),
  );

  return {
    kind: "parsed",
    disclosure,
    assessment,
    outputs,
    timings,
  };
}

async function loadBytes(task: FileTask): Promise<Uint8Array> {
  if (task.bytes) return task.bytes;

  // Large files are hashed by the main thread while streaming, then read here.
  const bytes = await readFile(task.path);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  if (sha256 !== task.sha256) {
    throw new Error(
      "the file changed while the batch was reading it; run the batch again",
    );
  }
  return bytes;
}

function assessOptionsFor(task: FileTask): Promise<AssessOptions> {
  const key = JSON.stringify([task.mapping, task.evidence, task.platform]);
  if (assessOptions === undefined || assessOptionsKey !== key) {
    assessOptionsKey = key;
    assessOptions = loadAssessOptions(task);
  }
  return assessOptions;
}

function describeError(error: unknown): FileResult {
  if (isMds2Error(error)) {
    // The batch names the file itself, so the reason leaves it out.
    const reason = formatErrorLine(error.message, {
      location: error.location,
      hint: error.hint,
    });
    const kind = NOT_A_FORM_CODES.includes(error.code) ? "skipped" : "failed";
    return { kind, code: error.code, reason };
  }
  const message = error instanceof Error ? error.message : String(error);
  const frame =
    error instanceof Error ? error.stack?.split("\n")[1]?.trim() : undefined;
  return {
    kind: "failed",
    code: "internal",
    reason: frame
      ? `unexpected error: ${message} (${frame})`
      : `unexpected error: ${message}`,
  };
}
