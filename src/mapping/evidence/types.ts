/** Configuration evidence: observed results of settings on one device build. */

import type { EvidenceResult } from "../../model/assessment.js";

/** One observed result, before it is matched to a control of the mapping. */
export interface EvidenceItem {
  /** The evidence file the result was read from. */
  source: string;
  /** The rule ID (XCCDF `idref`) or the control cell of a CSV row, as written. */
  id: string;
  result: EvidenceResult;
  /** A control ID of the mapping, when the evidence names one directly. */
  controlId?: string;
  /** CIS recommendation number, e.g. `19.1.3.4`. */
  recommendation?: string;
  /** Benchmark name, e.g. `CIS Microsoft Windows 7 Workstation Benchmark`. */
  benchmark?: string;
  /** Benchmark version, e.g. `3.2.0`. */
  benchmarkVersion?: string;
  level?: string;
  /** Title of the rule or recommendation, used when numbers do not match. */
  title?: string;
  /** The raw result text as written in the file, e.g. `notchecked`. */
  observed?: string;
  comment?: string;
  /** Place in the file, e.g. `rule-result 12` or `row 4`. */
  location?: string;
}

/** All evidence given for one assessment. */
export interface EvidenceSet {
  files: string[];
  items: EvidenceItem[];
}

/** Combines several evidence sets, keeping file and item order. */
export function mergeEvidence(sets: readonly EvidenceSet[]): EvidenceSet {
  return {
    files: sets.flatMap((set) => set.files),
    items: sets.flatMap((set) => set.items),
  };
}
