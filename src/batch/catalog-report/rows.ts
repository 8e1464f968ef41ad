/**
 * Reads the catalog rows that the catalog report shows: disclosures one at a
 * time in device order, and the few aggregates the page header needs.
 */

import { SEVERITIES, type Severity } from "../../model/assessment.js";
import { CAPABILITIES } from "../../model/capabilities.js";
import type { Catalog } from "../catalog/index.js";
import { readInputIssues, type InputIssue } from "../catalog/issues.js";

export interface DisclosureRow {
  id: number;
  deviceId: number;
  manufacturer: string;
  model: string;
  documentId: string | null;
  releaseDate: string | null;
  edition: string;
  format: string;
  platform: string | null;
  sourcePath: string;
  sha256: string;
  parsedAt: string;
  /** Output paths relative to the output folder, with `/`. */
  outputs: string[];
  /** Capability code to status; codes the assessment did not list are absent. */
  statuses: Map<string, string>;
  findings: Record<Severity, number>;
  /** True for the newest disclosure of its device. */
  latest: boolean;
}

export interface DeviceEntry {
  latest: DisclosureRow;
  /** Older disclosures of the same device, newest first. */
  earlier: DisclosureRow[];
}

/** An input whose latest outcome is a skip or a failure. */
export type IssueRow = InputIssue;

export interface RunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  inputs: number;
  parsed: number;
  skipped: number;
  failed: number;
}

/** Counts over the whole catalog. */
export interface CatalogTotals {
  devices: number;
  disclosures: number;
  /** Findings of the newest disclosure of each device, by severity. */
  latestFindings: Record<Severity, number>;
}

/** A disclosure row as stored: JSON text where the row has parsed values. */
type DisclosureRecordRow = Omit<
  DisclosureRow,
  "outputs" | "statuses" | "findings" | "latest"
> & { outputs: string; statuses: string; findings: string };

/** Newest first within a device: dated before undated, then the last parsed. */
const NEWEST_FIRST =
  "d.release_date IS NULL, d.release_date DESC, d.parsed_at DESC, d.id DESC";

// Statuses and finding counts come with each row from correlated subqueries,
// so no map over the whole catalog is kept while the rows stream. CROSS JOIN
// makes SQLite walk the devices in the order of their unique index and sort
// only each device's disclosures: sorting the whole join would first compute
// every row, subqueries included, into its sorter.
const DISCLOSURES_SQL = `
  SELECT d.id, d.device_id AS deviceId, v.manufacturer, v.model,
    d.document_id AS documentId, d.release_date AS releaseDate, d.edition, d.format,
    d.platform, d.source_path AS sourcePath, d.sha256, d.parsed_at AS parsedAt, d.outputs,
    (SELECT json_group_object(code, status) FROM capability_status
      WHERE disclosure_id = d.id) AS statuses,
    (SELECT json_group_object(severity, count) FROM
      (SELECT severity, COUNT(*) AS count FROM findings
        WHERE disclosure_id = d.id GROUP BY severity)) AS findings
  FROM devices v CROSS JOIN disclosures d ON d.device_id = v.id
  ORDER BY v.manufacturer COLLATE NOCASE, v.model COLLATE NOCASE, v.id, ${NEWEST_FIRST}`;

/**
 * Yields every disclosure, grouped by device, newest first within a device.
 * Until the iteration ends or is returned, better-sqlite3 (12) lets the
 * connection read but neither write nor close.
 */
export function* iterateDisclosures(
  catalog: Catalog,
): Generator<DisclosureRow, void, undefined> {
  const rows = catalog.db
    .prepare(DISCLOSURES_SQL)
    .iterate() as IterableIterator<DisclosureRecordRow>;
  let deviceId: number | undefined;
  for (const row of rows) {
    yield {
      ...row,
      outputs: JSON.parse(row.outputs) as string[],
      statuses: new Map(
        Object.entries(JSON.parse(row.statuses) as Record<string, string>),
      ),
      findings: findingCounts(row.findings),
      latest: row.deviceId !== deviceId,
    };
    deviceId = row.deviceId;
  }
}

/** Yields each device with its disclosures; memory keeps one device's rows at a time. */
export function* iterateDevices(
  catalog: Catalog,
): Generator<DeviceEntry, void, undefined> {
  let current: DeviceEntry | undefined;
  for (const row of iterateDisclosures(catalog)) {
    if (!row.latest && current) {
      current.earlier.push(row);
      continue;
    }
    if (current) yield current;
    current = { latest: row, earlier: [] };
  }
  if (current) yield current;
}

export function readCatalogTotals(catalog: Catalog): CatalogTotals {
  const counts = catalog.db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM devices v
           WHERE EXISTS (SELECT 1 FROM disclosures WHERE device_id = v.id)) AS devices,
         (SELECT COUNT(*) FROM disclosures) AS disclosures`,
    )
    .get() as { devices: number; disclosures: number };

  // Grouped by device too, so SQLite counts in index order instead of
  // sorting every finding by severity.
  const latestFindings = zeroCounts();
  const rows = catalog.db
    .prepare(
      `SELECT f.severity, COUNT(*) AS count
       FROM devices v JOIN findings f ON f.disclosure_id = (
         SELECT d.id FROM disclosures d WHERE d.device_id = v.id
         ORDER BY ${NEWEST_FIRST} LIMIT 1)
       GROUP BY v.id, f.severity`,
    )
    .iterate() as IterableIterator<{ severity: string; count: number }>;
  for (const { severity, count } of rows) {
    if (isSeverity(severity)) latestFindings[severity] += count;
  }

  return { ...counts, latestFindings };
}

export function readLatestRun(catalog: Catalog): RunRow | undefined {
  return catalog.db
    .prepare(
      `SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, inputs, parsed,
         skipped, failed
       FROM runs ORDER BY id DESC LIMIT 1`,
    )
    .get() as RunRow | undefined;
}

/** Returns the inputs whose latest outcome, over all runs, is a skip or a failure. */
export function readIssues(catalog: Catalog): IssueRow[] {
  return readInputIssues(catalog.db);
}

export function zeroCounts(): Record<Severity, number> {
  return Object.fromEntries(
    SEVERITIES.map((severity) => [severity, 0]),
  ) as Record<Severity, number>;
}

function findingCounts(json: string): Record<Severity, number> {
  const counts = zeroCounts();
  for (const [severity, count] of Object.entries(
    JSON.parse(json) as Record<string, number>,
  )) {
    if (isSeverity(severity)) counts[severity] = count;
  }
  return counts;
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** The capability columns of the report, in clause order. */
export const CAPABILITY_COLUMNS = CAPABILITIES.map(({ code, name }) => ({
  code,
  name,
}));
