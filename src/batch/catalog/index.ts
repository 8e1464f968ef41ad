/**
 * The batch catalog: every disclosure, answer and finding of a batch output
 * folder in one SQLite file, plus the skipped and failed inputs of each run.
 */

import Database from "better-sqlite3";
import { Mds2Error } from "../../errors.js";
import type { Assessment } from "../../model/assessment.js";
import type { Disclosure } from "../../model/disclosure.js";
import { NOT_A_FORM_CODES, type StageTimings } from "../task.js";
import { CATALOG_TABLES, SCHEMA_SQL, SCHEMA_VERSION } from "./schema.js";
import { readShape, rejectNewerSchema } from "./shape.js";

/** Skip code of an input whose content an earlier run already parsed. */
export const ALREADY_RECORDED_CODE = "already-recorded";
/** Skip code of an input with the same content as another input of the same run. */
export const DUPLICATE_CODE = "duplicate";

/** `failed`: the run stopped on an unexpected error. */
export type RunStatus = "running" | "finished" | "interrupted" | "failed";

/** An input as the catalog records it. */
export interface CatalogInput {
  path: string;
  sha256?: string;
  size?: number;
}

export interface ParsedRecord {
  disclosure: Disclosure;
  assessment: Assessment;
  timings: StageTimings;
  /** Device folder relative to the batch output folder, with `/`. */
  outputDir: string;
  /** Output paths relative to the batch output folder, with `/`. */
  outputs: string[];
  /**
   * Replaces the disclosure recorded earlier with the same SHA-256: it is
   * deleted, with its answers, notes, problems, findings and statuses, in the
   * transaction that inserts this one.
   */
  replace?: boolean;
}

/** Device folder and output files of a disclosure, relative to the batch output folder, with `/`. */
export interface RecordedOutputs {
  outputDir: string;
  outputs: string[];
}

/** What the catalog has recorded about some content. */
export type KnownContent =
  | { state: "parsed"; path: string; runId: number }
  | { state: "skipped"; code: string; reason: string; runId: number };

export class Catalog {
  readonly file: string;
  readonly db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  private constructor(file: string, db: Database.Database) {
    this.file = file;
    this.db = db;
  }

  /** Opens or creates the catalog at `file`. Throws `Mds2Error` when it is not a usable catalog. */
  static open(file: string): Catalog {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { timeout: 5000 });
      // Checked before the first write, so a rejected file stays unchanged.
      rejectForeignDatabase(db, file);
      db.pragma("journal_mode = WAL");
      // In WAL mode NORMAL keeps every commit atomic; only the last commits
      // before a power loss may be lost, never half of one.
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      migrate(db);
      return new Catalog(file, db);
    } catch (error) {
      db?.close();
      if (error instanceof Mds2Error) throw error;
      throw new Mds2Error(
        "input.invalid",
        `cannot open the catalog: ${messageOf(error)}`,
        {
          file,
          hint: "Give another file with --db, or move this one away.",
          cause: error,
        },
      );
    }
  }

  /**
   * Closes the catalog, first leaving WAL mode for the rollback journal:
   * read-only queries of a catalog in WAL mode need `-wal` and `-shm` files
   * beside it, which a reader without write access cannot create.
   */
  close(): void {
    try {
      this.db.pragma("wal_checkpoint(TRUNCATE)");
      this.db.pragma("journal_mode = DELETE");
    } catch {
      // NOTE: a reader still open (an `mds2 catalog` query) keeps WAL mode
      // on; the next batch that ends with no reader switches it off.
    }
    this.db.close();
  }

  /**
   * Rejects an existing `file` that is not an mds2 catalog, or one of a newer
   * schema, without writing to it. `open` repeats the check; this one runs
   * before the batch takes its lock. Files it cannot read are left to `open`.
   */
  static check(file: string): void {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
    } catch {
      return;
    }
    try {
      rejectForeignDatabase(db, file);
    } catch (error) {
      if (error instanceof Mds2Error) throw error;
    } finally {
      db.close();
    }
  }

  /** Returns when the unfinished run in `file` started, if one is recorded; never throws. */
  static runningSince(file: string): string | undefined {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      const startedAt = db
        .prepare(
          "SELECT started_at FROM runs WHERE status = 'running' ORDER BY id DESC LIMIT 1",
        )
        .pluck()
        .get();
      return typeof startedAt === "string" ? startedAt : undefined;
    } catch {
      return undefined;
    } finally {
      db?.close();
    }
  }

  /**
   * Starts a run and returns its ID. Runs still marked `running` are from a
   * process that was killed, so they are marked `interrupted`.
   */
  startRun(options: unknown): number {
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE runs SET status = 'interrupted' WHERE status = 'running'",
        )
        .run();
      const result = this.db
        .prepare(
          "INSERT INTO runs (started_at, status, options) VALUES (?, 'running', ?)",
        )
        .run(now, JSON.stringify(options));
      return Number(result.lastInsertRowid);
    })();
  }

  finishRun(
    runId: number,
    status: RunStatus,
    inputs: number,
    stats: unknown,
  ): void {
    this.db
      .prepare(
        "UPDATE runs SET status = ?, finished_at = ?, inputs = ?, stats = ? WHERE id = ?",
      )
      .run(
        status,
        new Date().toISOString(),
        inputs,
        JSON.stringify(stats),
        runId,
      );
  }

  setRunStats(runId: number, stats: unknown): void {
    this.db
      .prepare("UPDATE runs SET stats = ? WHERE id = ?")
      .run(JSON.stringify(stats), runId);
  }

  /** Returns what an earlier run recorded for content with this hash, if anything. */
  findContent(sha256: string): KnownContent | undefined {
    const parsed = this.db
      .prepare(
        "SELECT source_path AS path, run_id AS runId FROM disclosures WHERE sha256 = ?",
      )
      .get(sha256) as { path: string; runId: number } | undefined;
    if (parsed) return { state: "parsed", ...parsed };

    const placeholders = NOT_A_FORM_CODES.map(() => "?").join(", ");
    const skipped = this.db
      .prepare(
        `SELECT code, reason, run_id AS runId FROM skips
         WHERE sha256 = ? AND code IN (${placeholders}) ORDER BY id DESC LIMIT 1`,
      )
      .get(sha256, ...NOT_A_FORM_CODES) as
      { code: string; reason: string; runId: number } | undefined;
    if (skipped) return { state: "skipped", ...skipped };
    return undefined;
  }

  /** Returns the device folder and output files recorded for content with this hash, if it was parsed. */
  recordedOutputs(sha256: string): RecordedOutputs | undefined {
    const row = this.#statement(
      "SELECT output_dir AS outputDir, outputs FROM disclosures WHERE sha256 = ?",
    ).get(sha256) as { outputDir: string; outputs: string } | undefined;
    if (!row) return undefined;
    const outputs = parseJson(row.outputs, []);
    return {
      outputDir: row.outputDir,
      outputs: Array.isArray(outputs) ? outputs.map(String) : [],
    };
  }

  /** Returns the options a run was started with, or `undefined` when the run or its JSON is missing. */
  runOptions(runId: number): Record<string, unknown> | undefined {
    const text = this.#statement("SELECT options FROM runs WHERE id = ?")
      .pluck()
      .get(runId);
    if (typeof text !== "string") return undefined;
    const options = parseJson(text, undefined);
    return typeof options === "object" && options !== null
      ? (options as Record<string, unknown>)
      : undefined;
  }

  /** Device output folders already recorded, relative to the output folder. */
  outputDirs(): string[] {
    const rows = this.db
      .prepare("SELECT output_dir FROM disclosures")
      .pluck()
      .all();
    return rows as string[];
  }

  /** Records one parsed file and everything derived from it in one transaction. */
  recordParsed(
    runId: number,
    input: CatalogInput,
    record: ParsedRecord,
  ): number {
    const write = this.db.transaction(() => {
      const { disclosure, assessment } = record;
      const replaced = record.replace
        ? this.#deleteDisclosure(input.sha256 ?? disclosure.source.sha256)
        : undefined;
      const deviceId = this.#deviceId(disclosure);
      const disclosureId = this.#insertDisclosure(
        runId,
        deviceId,
        input,
        record,
      );

      const answer = this.#statement(
        `INSERT INTO answers (disclosure_id, question_id, section, value, raw, comment, notes, location)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const item of disclosure.answers) {
        answer.run(
          disclosureId,
          item.id,
          item.section,
          item.value,
          item.raw,
          item.comment ?? null,
          JSON.stringify(item.notes),
          item.location,
        );
      }

      const note = this.#statement(
        "INSERT INTO notes (disclosure_id, number, section, text, location) VALUES (?, ?, ?, ?, ?)",
      );
      for (const item of disclosure.notes) {
        note.run(
          disclosureId,
          item.number,
          item.section ?? null,
          item.text,
          item.location ?? null,
        );
      }

      const problem = this.#statement(
        `INSERT INTO problems (disclosure_id, code, severity, message, location, question_id)
         VALUES (?, ?, ?, ?, ?, ?)`,
      );
      for (const item of disclosure.problems) {
        problem.run(
          disclosureId,
          item.code,
          item.severity,
          item.message,
          item.location ?? null,
          item.questionId ?? null,
        );
      }

      const finding = this.#statement(
        `INSERT INTO findings (disclosure_id, finding_id, kind, severity, capability, questions,
           controls, message, location)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const item of assessment.findings) {
        finding.run(
          disclosureId,
          item.id,
          item.kind,
          item.severity,
          item.capability ?? null,
          JSON.stringify(item.questions),
          JSON.stringify(item.controls),
          item.message,
          item.location ?? null,
        );
      }

      // OR REPLACE keeps the last entry should an assessment list a capability twice.
      const capability = this.#statement(
        "INSERT OR REPLACE INTO capability_status (disclosure_id, code, status, claim) VALUES (?, ?, ?, ?)",
      );
      for (const item of assessment.capabilities) {
        capability.run(disclosureId, item.code, item.status, item.claim);
      }

      if (replaced !== undefined && replaced !== deviceId) {
        this.#statement(
          `DELETE FROM devices WHERE id = ?
             AND NOT EXISTS (SELECT 1 FROM disclosures WHERE device_id = ?)`,
        ).run(replaced, replaced);
      }
      this.#statement("UPDATE runs SET parsed = parsed + 1 WHERE id = ?").run(
        runId,
      );
      return disclosureId;
    });
    return write();
  }

  recordSkip(
    runId: number,
    input: CatalogInput,
    code: string,
    reason: string,
  ): void {
    this.#recordOutcome("skips", "skipped", runId, input, code, reason);
  }

  recordFailure(
    runId: number,
    input: CatalogInput,
    code: string,
    reason: string,
  ): void {
    this.#recordOutcome("failures", "failed", runId, input, code, reason);
  }

  #recordOutcome(
    table: "skips" | "failures",
    counter: "skipped" | "failed",
    runId: number,
    input: CatalogInput,
    code: string,
    reason: string,
  ): void {
    this.db.transaction(() => {
      this.#statement(
        `INSERT INTO ${table} (run_id, path, sha256, code, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        runId,
        input.path,
        input.sha256 ?? null,
        code,
        reason,
        new Date().toISOString(),
      );
      this.#statement(
        `UPDATE runs SET ${counter} = ${counter} + 1 WHERE id = ?`,
      ).run(runId);
    })();
  }

  // Prepared statements are reused: a catalog records hundreds of rows per file.
  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  #deviceId(disclosure: Disclosure): number {
    const manufacturer = cleanName(disclosure.device.manufacturer);
    const model = cleanName(disclosure.device.model);
    this.#statement(
      "INSERT OR IGNORE INTO devices (manufacturer, model) VALUES (?, ?)",
    ).run(manufacturer, model);
    const id = this.#statement(
      "SELECT id FROM devices WHERE manufacturer = ? AND model = ?",
    )
      .pluck()
      .get(manufacturer, model);
    return id as number;
  }

  /**
   * Deletes the disclosure with this SHA-256 and returns its device ID. Its
   * child rows go with it through ON DELETE CASCADE, which `open` turns on.
   */
  #deleteDisclosure(sha256: string): number | undefined {
    const deviceId = this.#statement(
      "DELETE FROM disclosures WHERE sha256 = ? RETURNING device_id",
    )
      .pluck()
      .get(sha256);
    return deviceId as number | undefined;
  }

  #insertDisclosure(
    runId: number,
    deviceId: number,
    input: CatalogInput,
    record: ParsedRecord,
  ): number {
    const { disclosure, assessment } = record;
    const result = this.#statement(
      `INSERT INTO disclosures (device_id, run_id, source_path, sha256, size, edition, format,
           document_id, release_date, platform, parsed_at, output_dir, outputs, timings, answer_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      deviceId,
      runId,
      input.path,
      input.sha256 ?? disclosure.source.sha256,
      input.size ?? disclosure.source.size,
      disclosure.edition,
      disclosure.source.format,
      disclosure.device.documentId ?? null,
      disclosure.device.releaseDate ?? null,
      assessment.platform.id,
      new Date().toISOString(),
      record.outputDir,
      JSON.stringify(record.outputs),
      JSON.stringify(record.timings),
      disclosure.answers.length,
    );
    return Number(result.lastInsertRowid);
  }
}

/** Trims and collapses white space; an absent name is stored as the empty string. */
export function cleanName(name: string | undefined): string {
  return (name ?? "").replace(/\s+/g, " ").trim();
}

/**
 * Rejects a database of another program, which would otherwise get the
 * catalog tables added, and a catalog of a newer schema. An empty database
 * is a new catalog.
 */
function rejectForeignDatabase(db: Database.Database, file: string): void {
  const { version, tables } = readShape(db);
  rejectNewerSchema(
    version,
    file,
    "Use a newer mds2, or give another file with --db.",
  );

  const foreign = tables.filter((table) => !CATALOG_TABLES.includes(table));
  if (foreign.length > 0 || (tables.length > 0 && version === 0)) {
    throw new Mds2Error(
      "input.invalid",
      `the database is not an mds2 catalog (it has the table ${foreign[0] ?? tables[0]}` +
        ` and schema version ${version})`,
      {
        file,
        hint: "Give a new file or an mds2 catalog with --db, or another -o folder.",
      },
    );
  }
}

// One transaction, so a catalog never has its tables without its version.
function migrate(db: Database.Database): void {
  db.transaction(() => {
    db.exec(SCHEMA_SQL);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

function parseJson(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fallback;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
