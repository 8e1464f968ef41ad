/** The rows of the catalog exports: one per disclosure, newest first within a device. */

import { SEVERITIES } from "../../model/assessment.js";
import { CAPABILITY_COLUMNS, type CatalogView, type IssueRow } from "./view.js";
import { mainReport } from "./html.js";

export type Cell = string | number;

export interface Table {
  header: string[];
  rows: Cell[][];
}

/** One row per disclosure with its capability statuses and finding counts. */
export function disclosureTable(view: CatalogView): Table {
  const header = [
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
  const rows = view.disclosures.map((row) => [
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
  ]);
  return { header, rows };
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
