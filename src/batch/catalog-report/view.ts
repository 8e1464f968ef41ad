/** Reads the catalog into the rows that the catalog report and its exports show. */

import { SEVERITIES, type Severity } from "../../model/assessment.js";
import { CAPABILITIES } from "../../model/capabilities.js";
import type { Catalog } from "../catalog/index.js";
import { ALREADY_RECORDED_CODE } from "../catalog/index.js";

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

export interface IssueRow {
  state: "skipped" | "failed";
  path: string;
  sha256: string | null;
  code: string;
  reason: string;
  recordedAt: string;
}

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

export interface CatalogView {
  run: RunRow | undefined;
  devices: DeviceEntry[];
  /** Every disclosure, grouped by device, newest first within a device. */
  disclosures: DisclosureRow[];
  /** Inputs whose latest outcome is a skip or a failure. */
  issues: IssueRow[];
}

/** A disclosure row as stored: its outputs are JSON text, the rest is derived later. */
type DisclosureRecordRow = Omit<
  DisclosureRow,
  "outputs" | "statuses" | "findings" | "latest"
> & { outputs: string };

/** Reads devices, their disclosures, statuses, finding counts and the open issues. */
export function readCatalogView(catalog: Catalog): CatalogView {
  const disclosures = readDisclosures(catalog);

  const devices: DeviceEntry[] = [];
  let current: DeviceEntry | undefined;
  for (const row of disclosures) {
    if (current && current.latest.deviceId === row.deviceId) {
      current.earlier.push(row);
      continue;
    }
    row.latest = true;
    current = { latest: row, earlier: [] };
    devices.push(current);
  }

  return {
    run: readLatestRun(catalog),
    devices,
    disclosures,
    issues: readIssues(catalog),
  };
}

function readDisclosures(catalog: Catalog): DisclosureRow[] {
  const rows = catalog.db
    .prepare(
      `SELECT d.id, d.device_id AS deviceId, v.manufacturer, v.model,
         d.document_id AS documentId, d.release_date AS releaseDate, d.edition, d.format,
         d.platform, d.source_path AS sourcePath, d.sha256, d.parsed_at AS parsedAt, d.outputs
       FROM disclosures d JOIN devices v ON v.id = d.device_id
       ORDER BY v.manufacturer COLLATE NOCASE, v.model COLLATE NOCASE, v.id,
         d.release_date IS NULL, d.release_date DESC, d.parsed_at DESC, d.id DESC`,
    )
    .all() as DisclosureRecordRow[];

  const statuses = new Map<number, Map<string, string>>();
  // Rows are read one at a time: a catalog of 10,000 disclosures has about
  // 190,000 of them, and one array of them added about 20 MB to the peak.
  const statusRows = catalog.db
    .prepare("SELECT disclosure_id AS id, code, status FROM capability_status")
    .iterate() as IterableIterator<{
    id: number;
    code: string;
    status: string;
  }>;
  for (const { id, code, status } of statusRows) {
    let byCode = statuses.get(id);
    if (!byCode) {
      byCode = new Map();
      statuses.set(id, byCode);
    }
    byCode.set(code, status);
  }

  const findings = new Map<number, Record<Severity, number>>();
  const countRows = catalog.db
    .prepare(
      `SELECT disclosure_id AS id, severity, COUNT(*) AS count
       FROM findings GROUP BY disclosure_id, severity`,
    )
    .all() as { id: number; severity: string; count: number }[];
  for (const { id, severity, count } of countRows) {
    let bySeverity = findings.get(id);
    if (!bySeverity) {
      bySeverity = zeroCounts();
      findings.set(id, bySeverity);
    }
    if (isSeverity(severity)) bySeverity[severity] = count;
  }

  return rows.map((row) => ({
    ...row,
    outputs: JSON.parse(row.outputs) as string[],
    statuses: statuses.get(row.id) ?? new Map(),
    findings: findings.get(row.id) ?? zeroCounts(),
    latest: false,
  }));
}

function readLatestRun(catalog: Catalog): RunRow | undefined {
  return catalog.db
    .prepare(
      `SELECT id, started_at AS startedAt, finished_at AS finishedAt, status, inputs, parsed,
         skipped, failed
       FROM runs ORDER BY id DESC LIMIT 1`,
    )
    .get() as RunRow | undefined;
}

/**
 * Returns the inputs whose latest outcome, over all runs, is a skip or a
 * failure. Skips of content already in the catalog say nothing new about an
 * input, so they are left out.
 */
function readIssues(catalog: Catalog): IssueRow[] {
  const events = catalog.db
    .prepare(
      `SELECT 'failed' AS state, path, sha256, code, reason, recorded_at AS recordedAt
         FROM failures
       UNION ALL
       SELECT 'skipped', path, sha256, code, reason, recorded_at FROM skips WHERE code <> ?
       UNION ALL
       SELECT 'parsed', source_path, sha256, '', '', parsed_at FROM disclosures
       ORDER BY recordedAt`,
    )
    .all(ALREADY_RECORDED_CODE) as (Omit<IssueRow, "state"> & {
    state: string;
  })[];

  const latest = new Map<string, (typeof events)[number]>();
  for (const event of events) latest.set(event.path, event);

  return [...latest.values()]
    .filter(
      (event): event is IssueRow =>
        event.state === "skipped" || event.state === "failed",
    )
    .sort(
      (a, b) => a.state.localeCompare(b.state) || a.path.localeCompare(b.path),
    );
}

export function zeroCounts(): Record<Severity, number> {
  return Object.fromEntries(
    SEVERITIES.map((severity) => [severity, 0]),
  ) as Record<Severity, number>;
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** The capability columns of the report, in clause order. */
export const CAPABILITY_COLUMNS = CAPABILITIES.map(({ code, name }) => ({
  code,
  name,
}));
