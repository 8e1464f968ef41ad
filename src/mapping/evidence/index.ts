/** Evidence loaders: CIS-CAT XCCDF/ARF results and CSV attestations. */

import { readFile } from "node:fs/promises";
import { Mds2Error } from "../../errors.js";
import { parseCsvEvidence } from "./csv.js";
import { mergeEvidence, type EvidenceSet } from "./types.js";
import { parseXccdfEvidence } from "./xccdf.js";

export type { EvidenceItem, EvidenceSet } from "./types.js";
export { mergeEvidence } from "./types.js";
export { parseCsvEvidence } from "./csv.js";
export { parseCisRuleId, parseXccdfEvidence } from "./xccdf.js";

/** Reads evidence bytes, XML (XCCDF or ARF) when the content starts with `<`, CSV otherwise. */
export function parseEvidence(bytes: Uint8Array, file: string): EvidenceSet {
  const start = new TextDecoder("utf-8")
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (start.startsWith("<")) return parseXccdfEvidence(bytes, file);
  return parseCsvEvidence(bytes, file);
}

/** Reads and parses one evidence file. */
export async function readEvidenceFile(path: string): Promise<EvidenceSet> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new Mds2Error("input.not-found", "cannot read the evidence file", {
      file: path,
      hint: "Check the path given to --evidence.",
      cause: error,
    });
  }
  return parseEvidence(bytes, path);
}

/** Reads every evidence file in order and merges their results. */
export async function readEvidenceFiles(
  paths: readonly string[],
): Promise<EvidenceSet> {
  const sets: EvidenceSet[] = [];
  for (const path of paths) sets.push(await readEvidenceFile(path));
  return mergeEvidence(sets);
}
