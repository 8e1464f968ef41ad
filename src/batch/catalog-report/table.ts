/** The rows of the catalog exports: one per disclosure, newest first within a device. */

import { SEVERITIES } from "../../model/assessment.js";
import { mainReport } from "./html.js";
import {
  CAPABILITY_COLUMNS,
  type DisclosureRow,
  type IssueRow,
} from "./rows.js";

export type Cell = string | number;

export interface Table {
  header: string[];
  rows: Iterable<Cell[]>;
}

export const DISCLOSURE_HEADER = [
  "manufacturer",
  "model",
  "document_id",
  "edition",
  "release_date",
  "latest",
  "format",
  "platform",
  ...CAPABILITY_COLUMNS.map(({ code }) => code),
  ...SEVERITIES,
  "report",
  "source_path",
  "sha256",
  "parsed_at",
];

/** Returns one row per disclosure with its statuses and finding counts, each made as `disclosures` yields it. */
export function disclosureTable(disclosures: Iterable<DisclosureRow>): Table {
  return { header: DISCLOSURE_HEADER, rows: mapRows(disclosures) };
}

function* mapRows(
  disclosures: Iterable<DisclosureRow>,
): Generator<Cell[], void, undefined> {
  for (const row of disclosures) yield disclosureCells(row);
}

function disclosureCells(row: DisclosureRow): Cell[] {
  return [
    row.manufacturer,
    row.model,
    row.documentId ?? "",
    row.edition,
    row.releaseDate ?? "",
    row.latest ? "yes" : "no",
    row.format,
    row.platform ?? "",
    ...CAPABILITY_COLUMNS.map(({ code }) => row.statuses.get(code) ?? ""),
    ...SEVERITIES.map((severity) => row.findings[severity]),
    mainReport(row.outputs) ?? "",
    row.sourcePath,
    row.sha256,
    row.parsedAt,
  ];
}

/** One row per input whose latest outcome is a skip or a failure. */
export function issueTable(issues: readonly IssueRow[]): Table {
  return {
    header: ["state", "path", "code", "reason", "sha256", "recorded_at"],
    rows: issues.map((issue) => [
      issue.state,
      issue.path,
      issue.code,
      issue.reason,
      issue.sha256 ?? "",
      issue.recordedAt,
    ]),
  };
}
