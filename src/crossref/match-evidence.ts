/** Matches evidence results to the controls of a mapping. */

import type { ControlAssessment, EvidenceResult } from "../model/assessment.js";
import type { Control, Mapping } from "../mapping/control.js";
import type { EvidenceItem, EvidenceSet } from "../mapping/evidence/types.js";

export interface EvidenceMatch {
  /** Evidence items per control ID, in file order. */
  byControl: Map<string, EvidenceItem[]>;
  unmatched: EvidenceItem[];
}

/**
 * Matches each item by control ID, then by CIS recommendation number within a
 * compatible benchmark and version, then by the setting name in its title.
 * Recommendation numbers are scoped to a benchmark version, so a number is
 * only trusted when the benchmarks agree.
 */
export function matchEvidence(
  evidence: EvidenceSet | undefined,
  mapping: Mapping,
): EvidenceMatch {
  const byControl = new Map<string, EvidenceItem[]>();
  const unmatched: EvidenceItem[] = [];
  const byId = new Map(
    mapping.controls.map((control) => [control.id.toLowerCase(), control]),
  );
  const byTitle = new Map<string, Control[]>();
  for (const control of mapping.controls) {
    for (const key of titleKeys(control.title)) {
      byTitle.set(key, [...(byTitle.get(key) ?? []), control]);
    }
  }

  for (const item of evidence?.items ?? []) {
    const controls = matchItem(item, mapping, byId, byTitle);
    if (controls.length === 0) {
      unmatched.push(item);
      continue;
    }
    for (const control of controls) {
      byControl.set(control.id, [...(byControl.get(control.id) ?? []), item]);
    }
  }
  return { byControl, unmatched };
}

function matchItem(
  item: EvidenceItem,
  mapping: Mapping,
  byId: Map<string, Control>,
  byTitle: Map<string, Control[]>,
): Control[] {
  const direct = item.controlId
    ? byId.get(item.controlId.toLowerCase())
    : undefined;
  if (direct) return [direct];

  if (item.recommendation) {
    const numbered = mapping.controls.filter((control) =>
      control.cis.some(
        (reference) =>
          !isSectionReference(reference) &&
          reference.recommendation === item.recommendation &&
          sameBenchmark(reference, item),
      ),
    );
    // Without a benchmark name, a number shared by several controls is ambiguous.
    if (numbered.length === 1 || (numbered.length > 1 && item.benchmark))
      return numbered;
  }

  const title = item.title ? settingName(item.title) : undefined;
  return title ? (byTitle.get(title) ?? []) : [];
}

/** Returns true for a reference to a whole benchmark section (`19.1.3`), which names no single result. */
function isSectionReference(reference: object): boolean {
  return "section" in reference && reference.section === true;
}

/** Benchmarks agree when they name the same Windows release and, if both give one, the same version. */
function sameBenchmark(
  reference: { benchmark: string; version: string },
  item: EvidenceItem,
): boolean {
  if (!item.benchmark) return true;
  const referenceRelease = windowsRelease(reference.benchmark);
  const itemRelease = windowsRelease(item.benchmark);
  if (referenceRelease && itemRelease && referenceRelease !== itemRelease)
    return false;
  if (!referenceRelease || !itemRelease) {
    const a = normalize(reference.benchmark);
    const b = normalize(item.benchmark);
    if (!a.includes(b) && !b.includes(a)) return false;
  }
  if (item.benchmarkVersion && reference.version) {
    return sameVersion(item.benchmarkVersion, reference.version);
  }
  return true;
}

/** Versions agree part by part; an `x` part in either (`3.x`) matches anything from there on. */
function sameVersion(a: string, b: string): boolean {
  const parts = (version: string) =>
    version
      .replace(/^v/i, "")
      .replace(/(\.0)+$/, "")
      .split(".");
  const left = parts(a);
  const right = parts(b);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const x = left[index] ?? "0";
    const y = right[index] ?? "0";
    if (x.toLowerCase() === "x" || y.toLowerCase() === "x") return true;
    if (x !== y) return false;
  }
  return true;
}

function windowsRelease(name: string): string | undefined {
  const match = name.match(
    /windows[\s_]*(xp|8\.1|7|10|11|server[\s_]*\d{4}(?:[\s_]*r2)?)/i,
  );
  return match ? match[1]!.toLowerCase().replace(/[\s_]+/g, " ") : undefined;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, " ")
    .trim();
}

/**
 * Extracts the setting name from a CIS title: `(L1) Ensure 'Screen saver timeout' is set
 * to ...` and its rule-ID form `Ensure Screen saver timeout is set to ...`
 * both give `screen saver timeout`.
 */
export function settingName(title: string): string {
  const quoted = title.match(/['‘’"]([^'‘’"]+)['‘’"]/);
  let name = quoted ? quoted[1]! : title;
  name = name
    .replace(/^\s*\((?:L\d|BL|NG)\)\s*/i, "")
    .replace(/^\s*Ensure\s+/i, "");
  name = name.split(/\s+is\s+(?:set|configured|enabled|disabled)\b/i)[0]!;
  return normalizeTitle(name);
}

function normalizeTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Keys a control title is found under: as written, and without parenthesized parts. */
function titleKeys(title: string): string[] {
  const full = normalizeTitle(title);
  const bare = normalizeTitle(title.replace(/\([^)]*\)/g, " "));
  return full === bare ? [full] : [full, bare];
}

/** Precedence when several results exist for one control: a failure outweighs everything. */
const RESULT_RANK: EvidenceResult[] = [
  "fail",
  "pass",
  "error",
  "not-applicable",
  "not-checked",
];

/** Combines the evidence items of one control into one result. */
export function combineEvidence(
  items: EvidenceItem[] | undefined,
): ControlAssessment["evidence"] {
  if (!items || items.length === 0) return undefined;
  const decisive = [...items].sort(
    (a, b) => RESULT_RANK.indexOf(a.result) - RESULT_RANK.indexOf(b.result),
  )[0]!;
  const evidence: NonNullable<ControlAssessment["evidence"]> = {
    result: decisive.result,
    source: decisive.location
      ? `${decisive.source}: ${decisive.location}`
      : decisive.source,
  };
  if (decisive.observed) evidence.observed = decisive.observed;
  if (decisive.comment) evidence.comment = decisive.comment;
  return evidence;
}
