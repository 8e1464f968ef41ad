/**
 * Read-only queries over a batch catalog: devices with their latest
 * disclosure, findings, one device's disclosures as stored records, and the
 * inputs whose latest outcome was a skip or a failure. The database is opened
 * read-only, so no query can change it.
 */

import { existsSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Mds2Error } from "../../errors.js";
import { findQuestion } from "../../forms/editions.js";
import {
  SEVERITIES,
  type CapabilityStatus,
  type Claim,
  type Finding,
  type Severity,
} from "../../model/assessment.js";
import { CAPABILITIES, findCapability } from "../../model/capabilities.js";
import {
  EDITIONS,
  DISCLOSURE_SCHEMA,
  type Answer,
  type AnswerValue,
  type Disclosure,
  type Edition,
  type SourceFormat,
} from "../../model/disclosure.js";
import { CATALOG_FILE } from "../defaults.js";
import { readInputIssues, type InputIssue } from "./issues.js";
import { CATALOG_TABLES, SCHEMA_VERSION } from "./schema.js";
import { readShape, rejectNewerSchema } from "./shape.js";

export type { InputIssue } from "./issues.js";

export interface DeviceRow {
  id: number;
  manufacturer: string;
  model: string;
}

/** One disclosure row, without its answers and findings. */
export interface DisclosureSummary {
  id: number;
  deviceId: number;
  runId: number;
  sourcePath: string;
  sha256: string;
  size: number;
  edition: string;
  format: string;
  documentId: string | null;
  releaseDate: string | null;
  platform: string | null;
  parsedAt: string;
  /** Device folder relative to the batch output folder, with `/`. */
  outputDir: string;
  /** Output paths relative to the batch output folder, with `/`. */
  outputs: string[];
  answerCount: number;
}

/** A device with its latest disclosure, as `mds2 catalog devices` lists it. */
export interface DeviceSummary extends DeviceRow {
  disclosureCount: number;
  latest: DisclosureSummary;
  findings: Record<Severity, number>;
  /** Capability code to status in the latest disclosure. */
  statuses: Record<string, CapabilityStatus>;
}

export interface DeviceFilter {
  /** Text the manufacturer contains, compared without regard to case. */
  manufacturer?: string;
  /** Capability code; with `status`, only devices whose capability has it. */
  capability?: string;
  /** Without `capability`: devices with any capability in this status. */
  status?: CapabilityStatus;
}

export interface FindingFilter {
  /** Severities to keep; every severity when absent or empty. */
  severities?: readonly Severity[];
  /** Text the finding ID or kind contains, compared without regard to case. */
  rule?: string;
  /** Findings of every disclosure, not only of each device's latest one. */
  all?: boolean;
}

export interface CatalogFinding {
  device: DeviceRow;
  disclosure: {
    id: number;
    documentId: string | null;
    releaseDate: string | null;
    edition: string;
    latest: boolean;
  };
  finding: Finding;
}

export interface StoredCapability {
  code: string;
  name: string;
  status: CapabilityStatus;
  claim: Claim;
}

/** A disclosure rebuilt from the catalog, with the findings and statuses of its assessment. */
export interface StoredDisclosure {
  summary: DisclosureSummary;
  disclosure: Disclosure;
  findings: Finding[];
  capabilities: StoredCapability[];
}

/** Newest first: by release date (undated last), then by when it was parsed. */
const NEWEST_FIRST =
  "d.release_date IS NULL, d.release_date DESC, d.parsed_at DESC, d.id DESC";

/** Every disclosure with its recency within its device (1 is the newest) and the device's count. */
const RANKED_DISCLOSURES = `
  SELECT d.*,
    ROW_NUMBER() OVER (PARTITION BY d.device_id ORDER BY ${NEWEST_FIRST}) AS recency,
    COUNT(*) OVER (PARTITION BY d.device_id) AS disclosure_count
  FROM disclosures d`;

const SUMMARY_COLUMNS = `
  d.id, d.device_id AS deviceId, d.run_id AS runId, d.source_path AS sourcePath,
  d.sha256, d.size, d.edition, d.format, d.document_id AS documentId,
  d.release_date AS releaseDate, d.platform, d.parsed_at AS parsedAt,
  d.output_dir AS outputDir, d.outputs, d.answer_count AS answerCount`;

const OPEN_HINT =
  "Give the output folder of mds2 batch or the catalog.sqlite file in it.";

type SummaryRecord = Omit<DisclosureSummary, "outputs"> & { outputs: string };

export class CatalogReader {
  /** The catalog file that was opened. */
  readonly file: string;
  readonly #db: Database.Database;

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.#db = db;
  }

  /**
   * Opens the catalog at `location`, a batch output folder or a catalog
   * file, read-only. Throws `Mds2Error` when there is no catalog there or
   * the file is not one.
   */
  static open(location: string): CatalogReader {
    const file = catalogFile(location);
    let db: Database.Database | undefined;
    try {
      db = new Database(file, {
        readonly: true,
        fileMustExist: true,
        timeout: 5000,
      });
      checkCatalog(db, file);
      return new CatalogReader(file, db);
    } catch (error) {
      db?.close();
      if (error instanceof Mds2Error) throw error;
      if (isReadOnlyFolderError(error)) {
        throw new Mds2Error(
          "input.invalid",
          "cannot read the catalog: SQLite must create its shared-memory file (-shm) beside it, and the folder is not writable",
          {
            file,
            hint: "Copy the catalog with its -wal file to a writable folder, or query it as a user who can write to its folder.",
            cause: error,
          },
        );
      }
      throw new Mds2Error(
        "input.invalid",
        `not an mds2 catalog (${messageOf(error)})`,
        { file, hint: OPEN_HINT, cause: error },
      );
    }
  }

  close(): void {
    this.#db.close();
  }

  /** Lists devices with their latest disclosure, by manufacturer and model. */
  devices(filter: DeviceFilter = {}): DeviceSummary[] {
    const rows = this.#db
      .prepare(
        `SELECT v.id AS deviceId, v.manufacturer, v.model,
           d.disclosure_count AS disclosureCount, ${SUMMARY_COLUMNS}
         FROM (${RANKED_DISCLOSURES}) d JOIN devices v ON v.id = d.device_id
         WHERE d.recency = 1
         ORDER BY v.manufacturer COLLATE NOCASE, v.model COLLATE NOCASE, v.id`,
      )
      .all() as (SummaryRecord & {
      manufacturer: string;
      model: string;
      disclosureCount: number;
    })[];

    const manufacturer = filter.manufacturer?.toLowerCase();
    const selected =
      manufacturer === undefined
        ? rows
        : rows.filter((row) =>
            row.manufacturer.toLowerCase().includes(manufacturer),
          );
    const ids = selected.map((row) => row.id);
    const statuses = this.#statusesOf(ids);
    const findings = this.#severityCountsOf(ids);

    const devices = selected.map(
      ({ manufacturer: name, model, disclosureCount, ...record }) => ({
        id: record.deviceId,
        manufacturer: name,
        model,
        disclosureCount,
        latest: summaryOf(record),
        findings: findings.get(record.id) ?? zeroCounts(),
        statuses: statuses.get(record.id) ?? {},
      }),
    );
    return devices.filter((device) => matchesStatus(device, filter));
  }

  /**
   * Returns the devices that `text` names: the device with that numeric ID,
   * else the devices whose model or "manufacturer model" equals the text,
   * else those whose "manufacturer model" contains it, ignoring case.
   */
  matchDevices(text: string): DeviceRow[] {
    const all = this.#db
      .prepare(
        "SELECT id, manufacturer, model FROM devices ORDER BY manufacturer COLLATE NOCASE, model COLLATE NOCASE, id",
      )
      .all() as DeviceRow[];
    const search = text.replace(/\s+/g, " ").trim().toLowerCase();
    if (search === "") return [];

    if (/^\d+$/.test(search)) {
      const byId = all.filter((device) => device.id === Number(search));
      if (byId.length > 0) return byId;
    }
    const fullName = (device: DeviceRow) =>
      `${device.manufacturer} ${device.model}`.toLowerCase();
    const exact = all.filter(
      (device) =>
        device.model.toLowerCase() === search || fullName(device) === search,
    );
    if (exact.length > 0) return exact;
    return all.filter((device) => fullName(device).includes(search));
  }

  /** Returns the device's disclosures, newest first. */
  disclosuresOf(deviceId: number): DisclosureSummary[] {
    const rows = this.#db
      .prepare(
        `SELECT ${SUMMARY_COLUMNS} FROM disclosures d
         WHERE d.device_id = ? ORDER BY ${NEWEST_FIRST}`,
      )
      .all(deviceId) as SummaryRecord[];
    return rows.map(summaryOf);
  }

  /** Returns one disclosure by ID, or `undefined` when the catalog has none with it. */
  disclosure(id: number): DisclosureSummary | undefined {
    const row = this.#db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM disclosures d WHERE d.id = ?`)
      .get(id) as SummaryRecord | undefined;
    return row && summaryOf(row);
  }

  device(id: number): DeviceRow | undefined {
    return this.#db
      .prepare("SELECT id, manufacturer, model FROM devices WHERE id = ?")
      .get(id) as DeviceRow | undefined;
  }

  /** Returns the capability statuses of a disclosure in clause order. */
  capabilitiesOf(disclosureId: number): StoredCapability[] {
    const rows = this.#db
      .prepare(
        "SELECT code, status, claim FROM capability_status WHERE disclosure_id = ?",
      )
      .all(disclosureId) as Omit<StoredCapability, "name">[];
    return rows
      .map((row) => ({ ...row, name: findCapability(row.code)?.name ?? "" }))
      .sort((a, b) => clauseIndex(a.code) - clauseIndex(b.code));
  }

  /** Returns the findings of a disclosure, most severe first, in stored order within a severity. */
  findingsOf(disclosureId: number): Finding[] {
    const rows = this.#db
      .prepare(
        `SELECT ${FINDING_COLUMNS} FROM findings f
         WHERE f.disclosure_id = ? ORDER BY f.rowid`,
      )
      .all(disclosureId) as FindingRecord[];
    return sortBySeverity(rows.map(findingOf), (finding) => finding);
  }

  /** Lists findings across the catalog, most severe first, then by device, newest disclosure first. */
  findings(filter: FindingFilter = {}): CatalogFinding[] {
    const rows = this.#db
      .prepare(
        `SELECT v.id AS deviceId, v.manufacturer, v.model, d.id AS disclosureId,
           d.document_id AS documentId, d.release_date AS releaseDate, d.edition,
           d.recency = 1 AS latest, ${FINDING_COLUMNS}
         FROM findings f
           JOIN (${RANKED_DISCLOSURES}) d ON d.id = f.disclosure_id
           JOIN devices v ON v.id = d.device_id
         WHERE (? OR d.recency = 1)
         ORDER BY v.manufacturer COLLATE NOCASE, v.model COLLATE NOCASE, v.id,
           d.recency, f.rowid`,
      )
      .all(filter.all ? 1 : 0) as (FindingRecord & {
      deviceId: number;
      manufacturer: string;
      model: string;
      disclosureId: number;
      documentId: string | null;
      releaseDate: string | null;
      edition: string;
      latest: number;
    })[];

    const severities =
      filter.severities && filter.severities.length > 0
        ? new Set<string>(filter.severities)
        : undefined;
    const rule = filter.rule?.toLowerCase();
    const matching = rows.filter(
      (row) =>
        (!severities || severities.has(row.severity)) &&
        (rule === undefined ||
          row.findingId.toLowerCase().includes(rule) ||
          row.kind.toLowerCase().includes(rule)),
    );

    const findings = matching.map((row) => ({
      device: {
        id: row.deviceId,
        manufacturer: row.manufacturer,
        model: row.model,
      },
      disclosure: {
        id: row.disclosureId,
        documentId: row.documentId,
        releaseDate: row.releaseDate,
        edition: row.edition,
        latest: row.latest === 1,
      },
      finding: findingOf(row),
    }));
    return sortBySeverity(findings, (entry) => entry.finding);
  }

  /** Rebuilds a disclosure and its assessment's findings and statuses from the catalog. */
  storedDisclosure(id: number): StoredDisclosure | undefined {
    const summary = this.disclosure(id);
    if (!summary) return undefined;
    const device = this.device(summary.deviceId);
    const edition = asEdition(summary.edition);

    const answers = (
      this.#db
        .prepare(
          `SELECT question_id AS id, section, value, raw, comment, notes, location
           FROM answers WHERE disclosure_id = ? ORDER BY rowid`,
        )
        .all(id) as (Omit<Answer, "question" | "notes" | "comment"> & {
        comment: string | null;
        notes: string;
      })[]
    ).map((row) => answerOf(row, edition));

    const notes = (
      this.#db
        .prepare(
          "SELECT number, section, text, location FROM notes WHERE disclosure_id = ? ORDER BY rowid",
        )
        .all(id) as {
        number: number;
        section: string | null;
        text: string;
        location: string | null;
      }[]
    ).map((row) => ({
      number: row.number,
      text: row.text,
      ...(row.location !== null ? { location: row.location } : {}),
      ...(row.section !== null ? { section: row.section } : {}),
    }));

    const problems = (
      this.#db
        .prepare(
          `SELECT code, severity, message, location, question_id AS questionId
           FROM problems WHERE disclosure_id = ? ORDER BY rowid`,
        )
        .all(id) as {
        code: string;
        severity: Disclosure["problems"][number]["severity"];
        message: string;
        location: string | null;
        questionId: string | null;
      }[]
    ).map((row) => ({
      code: row.code,
      severity: row.severity,
      message: row.message,
      ...(row.location !== null ? { location: row.location } : {}),
      ...(row.questionId !== null ? { questionId: row.questionId } : {}),
    }));

    const disclosure: Disclosure = {
      schema: DISCLOSURE_SCHEMA,
      source: {
        file: summary.sourcePath,
        sha256: summary.sha256,
        format: summary.format as SourceFormat,
        size: summary.size,
      },
      // NOTE: an edition this version does not know is passed on as stored.
      edition: (edition ?? summary.edition) as Edition,
      device: {
        ...(device && device.manufacturer !== ""
          ? { manufacturer: device.manufacturer }
          : {}),
        ...(device && device.model !== "" ? { model: device.model } : {}),
        ...(summary.documentId !== null
          ? { documentId: summary.documentId }
          : {}),
        ...(summary.releaseDate !== null
          ? { releaseDate: summary.releaseDate }
          : {}),
      },
      answers,
      notes,
      problems,
    };
    return {
      summary,
      disclosure,
      findings: this.findingsOf(id),
      capabilities: this.capabilitiesOf(id),
    };
  }

  /** Returns the inputs whose latest outcome is a skip or a failure, failures first. */
  inputIssues(): InputIssue[] {
    return readInputIssues(this.#db);
  }

  /** Returns the output folder the run recorded, or `undefined` when it recorded none. */
  runOutputDir(runId: number): string | undefined {
    const options = this.#db
      .prepare("SELECT options FROM runs WHERE id = ?")
      .pluck()
      .get(runId) as string | undefined;
    if (options === undefined) return undefined;
    try {
      const parsed = JSON.parse(options) as { outputDir?: unknown };
      return typeof parsed.outputDir === "string"
        ? parsed.outputDir
        : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Resolves a disclosure's output paths. They are relative to the batch
   * output folder: the catalog's own folder when the device folder is there
   * (the default layout, and still right after the folder was moved), else
   * the output folder the run recorded.
   */
  outputPaths(summary: DisclosureSummary): string[] {
    const catalogFolder = path.dirname(this.file);
    const recorded = this.runOutputDir(summary.runId);
    const base =
      existsSync(path.join(catalogFolder, summary.outputDir)) ||
      recorded === undefined
        ? catalogFolder
        : recorded;
    return summary.outputs.map((output) => path.join(base, output));
  }

  #statusesOf(
    disclosureIds: number[],
  ): Map<number, Record<string, CapabilityStatus>> {
    const rows = this.#db
      .prepare(
        `SELECT disclosure_id AS id, code, status FROM capability_status
         WHERE disclosure_id IN (SELECT value FROM json_each(?))`,
      )
      .iterate(JSON.stringify(disclosureIds)) as IterableIterator<{
      id: number;
      code: string;
      status: CapabilityStatus;
    }>;
    const statuses = new Map<number, Record<string, CapabilityStatus>>();
    for (const { id, code, status } of rows) {
      let byCode = statuses.get(id);
      if (!byCode) {
        byCode = {};
        statuses.set(id, byCode);
      }
      byCode[code] = status;
    }
    return statuses;
  }

  #severityCountsOf(
    disclosureIds: number[],
  ): Map<number, Record<Severity, number>> {
    const rows = this.#db
      .prepare(
        `SELECT disclosure_id AS id, severity, COUNT(*) AS count FROM findings
         WHERE disclosure_id IN (SELECT value FROM json_each(?))
         GROUP BY disclosure_id, severity`,
      )
      .all(JSON.stringify(disclosureIds)) as {
      id: number;
      severity: string;
      count: number;
    }[];
    const counts = new Map<number, Record<Severity, number>>();
    for (const { id, severity, count } of rows) {
      let bySeverity = counts.get(id);
      if (!bySeverity) {
        bySeverity = zeroCounts();
        counts.set(id, bySeverity);
      }
      if (isSeverity(severity)) bySeverity[severity] = count;
    }
    return counts;
  }
}

/** Resolves a batch output folder to its catalog file; a file is taken as the catalog itself. */
function catalogFile(location: string): string {
  let isFolder: boolean;
  try {
    isFolder = statSync(location).isDirectory();
  } catch {
    throw new Mds2Error("input.not-found", "no such file or folder", {
      file: location,
      hint: OPEN_HINT,
    });
  }
  if (!isFolder) return location;

  const file = path.join(location, CATALOG_FILE);
  try {
    if (statSync(file).isFile()) return file;
  } catch {
    // Reported below, with the folder the user gave.
  }
  throw new Mds2Error("input.not-found", `the folder has no ${CATALOG_FILE}`, {
    file: location,
    hint: OPEN_HINT,
  });
}

/** Throws `Mds2Error` unless `db` has the catalog's tables in a schema version this code reads. */
function checkCatalog(db: Database.Database, file: string): void {
  const { version, tables } = readShape(db);
  rejectNewerSchema(version, file, "Use a newer mds2 to query it.");

  const missing = CATALOG_TABLES.filter((table) => !tables.includes(table));
  if (version < SCHEMA_VERSION || missing.length > 0) {
    const problem =
      missing.length > 0
        ? `no table ${missing.join(", ")}`
        : `schema version ${version}`;
    throw new Mds2Error(
      "input.invalid",
      `not an mds2 catalog (SQLite database with ${problem})`,
      { file, hint: OPEN_HINT },
    );
  }
}

const FINDING_COLUMNS = `
  f.finding_id AS findingId, f.kind, f.severity, f.capability, f.questions,
  f.controls, f.message, f.location`;

interface FindingRecord {
  findingId: string;
  kind: string;
  severity: Severity;
  capability: string | null;
  questions: string;
  controls: string;
  message: string;
  location: string | null;
}

function findingOf(row: FindingRecord): Finding {
  return {
    id: row.findingId,
    kind: row.kind,
    severity: row.severity,
    ...(row.capability !== null ? { capability: row.capability } : {}),
    questions: JSON.parse(row.questions) as string[],
    controls: JSON.parse(row.controls) as string[],
    message: row.message,
    ...(row.location !== null ? { location: row.location } : {}),
  };
}

function summaryOf(row: SummaryRecord): DisclosureSummary {
  return {
    id: row.id,
    deviceId: row.deviceId,
    runId: row.runId,
    sourcePath: row.sourcePath,
    sha256: row.sha256,
    size: row.size,
    edition: row.edition,
    format: row.format,
    documentId: row.documentId,
    releaseDate: row.releaseDate,
    platform: row.platform,
    parsedAt: row.parsedAt,
    outputDir: row.outputDir,
    outputs: JSON.parse(row.outputs) as string[],
    answerCount: row.answerCount,
  };
}

/**
 * Rebuilds an answer. The catalog does not store the question text or the
 * 2019 equivalents, so both come from the edition's data: the question is
 * this project's short label, not the form's own wording.
 */
function answerOf(
  row: Omit<Answer, "question" | "notes" | "comment"> & {
    comment: string | null;
    notes: string;
  },
  edition: Edition | undefined,
): Answer {
  const question = edition ? findQuestion(edition, row.id) : undefined;
  return {
    id: row.id,
    section: row.section,
    question: question?.label ?? "",
    value: row.value as AnswerValue,
    raw: row.raw,
    ...(row.comment !== null ? { comment: row.comment } : {}),
    notes: JSON.parse(row.notes) as number[],
    location: row.location,
    ...(question?.equivalents ? { equivalents: question.equivalents } : {}),
  };
}

function matchesStatus(device: DeviceSummary, filter: DeviceFilter): boolean {
  if (filter.status === undefined) return true;
  if (filter.capability !== undefined) {
    return device.statuses[filter.capability] === filter.status;
  }
  return Object.values(device.statuses).includes(filter.status);
}

function sortBySeverity<T>(items: T[], findingIn: (item: T) => Finding): T[] {
  // Array.prototype.sort is stable, so items keep their order within a severity.
  return items.sort(
    (a, b) =>
      SEVERITIES.indexOf(findingIn(a).severity) -
      SEVERITIES.indexOf(findingIn(b).severity),
  );
}

function clauseIndex(code: string): number {
  const index = CAPABILITIES.findIndex(
    (capability) => capability.code === code,
  );
  return index === -1 ? CAPABILITIES.length : index;
}

function asEdition(edition: string): Edition | undefined {
  return (EDITIONS as readonly string[]).includes(edition)
    ? (edition as Edition)
    : undefined;
}

function zeroCounts(): Record<Severity, number> {
  return Object.fromEntries(
    SEVERITIES.map((severity) => [severity, 0]),
  ) as Record<Severity, number>;
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/**
 * True for the errors of a read-only connection to a WAL database that
 * cannot create the `-shm` file: the batch leaves its catalog in WAL mode,
 * and SQLite needs that file even to read.
 */
function isReadOnlyFolderError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (
    typeof code === "string" &&
    (code.startsWith("SQLITE_READONLY") || code === "SQLITE_CANTOPEN")
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
