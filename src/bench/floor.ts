/**
 * The workbook floor and the parse time compared with it, measured the same
 * way: in the benchmark process, one thread, file reads excluded. An untimed
 * pass over the first workbooks comes first, so neither side pays for
 * compiling its code.
 */

import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { recognize } from "../forms/index.js";
import { normalize } from "../normalize/index.js";
import { readSource } from "../read/index.js";

const SHEET_PART = /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/;

/** Workbooks read in the untimed pass before each measurement. */
const WARM_UP_FILES = 20;

export interface FloorResult {
  files: number;
  /** Total milliseconds spent unzipping and scanning, file reads excluded. */
  totalMs: number;
  /** Cells seen (`<c ` start tags), so the scan cannot be optimized away. */
  cells: number;
}

export interface ParseResult {
  files: number;
  /** Total milliseconds of read + recognize + normalize, file reads excluded. */
  totalMs: number;
  /** Answer count over all disclosures, so the work cannot be optimized away. */
  answers: number;
}

/**
 * Measures the floor a workbook reader cannot beat: unzips each workbook in
 * `files` with fflate and scans its sheet XML and shared strings once,
 * without parsing.
 */
export async function measureFloor(
  files: readonly string[],
): Promise<FloorResult> {
  const decoder = new TextDecoder();
  const scan = (bytes: Uint8Array): number => {
    const entries = unzipSync(bytes, {
      filter: (entry) => SHEET_PART.test(entry.name),
    });
    let cells = 0;
    for (const content of Object.values(entries)) {
      cells += countCells(decoder.decode(content));
    }
    return cells;
  };

  const { totalMs, count } = await timeEach(files, scan);
  return { files: files.length, totalMs, cells: count };
}

/** Measures the three stages of `parseDisclosure` on each workbook in `files`. */
export async function measureParse(
  files: readonly string[],
): Promise<ParseResult> {
  const parse = async (bytes: Uint8Array, file: string): Promise<number> => {
    const content = await readSource(bytes, file);
    const raw = recognize(content, file);
    const disclosure = normalize(raw, {
      file,
      sha256: "",
      format: content.format,
      size: bytes.length,
    });
    return disclosure.answers.length;
  };

  const { totalMs, count } = await timeEach(files, parse);
  return { files: files.length, totalMs, answers: count };
}

/** Runs `work` on each file after an untimed warm-up pass; returns the time and the summed counts. */
async function timeEach(
  files: readonly string[],
  work: (bytes: Uint8Array, file: string) => number | Promise<number>,
): Promise<{ totalMs: number; count: number }> {
  for (const file of files.slice(0, WARM_UP_FILES)) {
    await work(new Uint8Array(await readFile(file)), file);
  }

  let totalMs = 0;
  let count = 0;
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    const started = performance.now();
    count += await work(bytes, file);
    totalMs += performance.now() - started;
  }
  return { totalMs, count };
}

function countCells(xml: string): number {
  let count = 0;
  for (let at = xml.indexOf("<c "); at !== -1; at = xml.indexOf("<c ", at + 3))
    count += 1;
  return count;
}
