/**
 * Reads a CSV attestation: one row per control or CIS recommendation with a
 * result and an optional comment, with or without a header row.
 */

import { parse } from "csv-parse/sync";
import { Mds2Error } from "../../errors.js";
import type { EvidenceResult } from "../../model/assessment.js";
import type { EvidenceItem, EvidenceSet } from "./types.js";

/** Result spellings people write in attestation sheets, lower case, spaces collapsed. */
const RESULT_SPELLINGS: Record<string, EvidenceResult> = {
  pass: "pass",
  passed: "pass",
  ok: "pass",
  yes: "pass",
  compliant: "pass",
  true: "pass",
  fixed: "pass",
  fail: "fail",
  failed: "fail",
  no: "fail",
  "non-compliant": "fail",
  noncompliant: "fail",
  "not compliant": "fail",
  false: "fail",
  "not checked": "not-checked",
  "not-checked": "not-checked",
  notchecked: "not-checked",
  "not tested": "not-checked",
  skipped: "not-checked",
  unchecked: "not-checked",
  "": "not-checked",
  "n/a": "not-applicable",
  na: "not-applicable",
  "not applicable": "not-applicable",
  notapplicable: "not-applicable",
  error: "error",
  unknown: "error",
};

/** Header names per column role, compared after lower-casing and trimming. */
const HEADER_NAMES = {
  control: [
    "control",
    "control id",
    "control_id",
    "id",
    "setting",
    "rule",
    "rule id",
  ],
  recommendation: [
    "recommendation",
    "cis",
    "cis recommendation",
    "recommendation number",
  ],
  benchmark: ["benchmark", "cis benchmark"],
  result: ["result", "status", "outcome", "evidence"],
  comment: ["comment", "comments", "note", "notes", "observed"],
} as const;

type Role = keyof typeof HEADER_NAMES;

const CIS_NUMBER = /^\d+(?:\.\d+)+$/;

/** Reads a CSV attestation; throws `evidence.invalid` naming the row at fault. */
export function parseCsvEvidence(bytes: Uint8Array, file: string): EvidenceSet {
  const rows = readRows(bytes, file);
  if (rows.length === 0) {
    throw new Mds2Error("evidence.invalid", "the CSV attestation has no rows", {
      file,
      hint: "Write one row per control: control or recommendation, result, comment.",
    });
  }

  const columns = headerColumns(rows[0]!);
  const firstDataRow = columns ? 1 : 0;
  const roles = columns ?? { control: 0, result: 1, comment: 2 };

  const items: EvidenceItem[] = [];
  for (let index = firstDataRow; index < rows.length; index++) {
    const item = readRow(rows[index]!, roles, `row ${index + 1}`, file);
    if (item) items.push(item);
  }
  return { files: [file], items };
}

function readRows(bytes: Uint8Array, file: string): string[][] {
  try {
    return parse(Buffer.from(bytes), {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new Mds2Error(
      "evidence.invalid",
      `invalid CSV: ${(error as Error).message}`,
      {
        file,
        ...(line ? { location: `line ${line}` } : {}),
        cause: error,
      },
    );
  }
}

/** Column index per role when the first row is a header, otherwise undefined. */
function headerColumns(
  row: string[],
): Partial<Record<Role, number>> | undefined {
  const columns: Partial<Record<Role, number>> = {};
  row.forEach((cell, index) => {
    const name = cell.toLowerCase().trim();
    for (const role of Object.keys(HEADER_NAMES) as Role[]) {
      if (
        columns[role] === undefined &&
        (HEADER_NAMES[role] as readonly string[]).includes(name)
      ) {
        columns[role] = index;
      }
    }
  });
  const names =
    columns.control !== undefined || columns.recommendation !== undefined;
  return names && columns.result !== undefined ? columns : undefined;
}

function readRow(
  row: string[],
  columns: Partial<Record<Role, number>>,
  location: string,
  file: string,
): EvidenceItem | undefined {
  const cell = (role: Role): string =>
    columns[role] === undefined ? "" : (row[columns[role]!] ?? "").trim();

  const control = cell("control");
  const recommendation = cell("recommendation");
  if (!control && !recommendation) {
    if (row.every((value) => value.trim() === "")) return undefined;
    throw new Mds2Error(
      "evidence.invalid",
      "the row names no control or recommendation",
      {
        file,
        location,
        hint: "Fill the first column with a control ID, a CIS recommendation number or a setting title.",
      },
    );
  }

  const observed = cell("result");
  const result = RESULT_SPELLINGS[observed.toLowerCase().replace(/\s+/g, " ")];
  if (!result) {
    throw new Mds2Error(
      "evidence.invalid",
      `result "${observed}" is not pass, fail or not checked`,
      {
        file,
        location,
        hint: "Write pass, fail, not checked or n/a in the result column.",
      },
    );
  }

  const item: EvidenceItem = {
    source: file,
    id: control || recommendation,
    result,
    location,
  };
  if (observed) item.observed = observed;
  if (CIS_NUMBER.test(recommendation)) item.recommendation = recommendation;
  if (CIS_NUMBER.test(control)) item.recommendation = control;
  else if (control) {
    item.controlId = control;
    item.title = control;
  }
  const benchmark = cell("benchmark");
  if (benchmark) item.benchmark = benchmark;
  const comment = cell("comment");
  if (comment) item.comment = comment;
  return item;
}
