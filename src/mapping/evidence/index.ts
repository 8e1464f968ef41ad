/** Evidence loaders: CIS-CAT XCCDF/ARF results and CSV attestations. */

import { readFile } from "node:fs/promises";
import { Mds2Error } from "../../errors.js";
import { readError } from "../read-error.js";
import { parseCsvEvidence } from "./csv.js";
import { mergeEvidence, type EvidenceSet } from "./types.js";
import { parseXccdfEvidence } from "./xccdf.js";

export type { EvidenceItem, EvidenceSet } from "./types.js";
export { mergeEvidence } from "./types.js";
export { parseCsvEvidence } from "./csv.js";
export { parseCisRuleId, parseXccdfEvidence } from "./xccdf.js";

/**
 * Reads evidence bytes, XML (XCCDF or ARF) when the content starts with `<`,
 * CSV otherwise. Content with NUL bytes is neither and is rejected.
 */
export function parseEvidence(bytes: Uint8Array, file: string): EvidenceSet {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    throw new Mds2Error(
      "evidence.invalid",
      "not an XML or CSV evidence file (the content is binary)",
      {
        file,
        hint: "Give CIS-CAT XCCDF or ARF results, or a CSV attestation with control and result columns.",
      },
    );
  }
  const start = new TextDecoder("utf-8")
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (start.startsWith("<")) return parseXccdfEvidence(bytes, file);
  return parseCsvEvidence(bytes, file);
}

// Evidence is read as UTF-8, so a NUL byte among the first 8 KiB means binary content.
const BINARY_SNIFF_BYTES = 8192;

/** Reads and parses one evidence file. */
export async function readEvidenceFile(path: string): Promise<EvidenceSet> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw readError(error, path, "evidence");
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
