/** The inputs of a catalog whose latest outcome is a skip or a failure. */

import type Database from "better-sqlite3";
import { ALREADY_RECORDED_CODE } from "./index.js";

/** An input whose latest outcome, over all runs, is a skip or a failure. */
export interface InputIssue {
  state: "skipped" | "failed";
  path: string;
  sha256: string | null;
  code: string;
  reason: string;
  recordedAt: string;
  runId: number;
}

/**
 * Reads the inputs whose latest outcome is a skip or a failure, failures
 * first, then by path. A skip of content already in the catalog adds
 * nothing about an input, so it is left out.
 */
export function readInputIssues(db: Database.Database): InputIssue[] {
  // Only the parses of paths that also failed or were skipped can hide an
  // issue, so only those enter the sort. Of two outcomes of a path recorded
  // in the same millisecond, the one of the later run wins. Within a run, a
  // parse counts as later than a skip, and a skip as later than a failure.
  const issues = db
    .prepare(
      `WITH events AS (
         SELECT 'failed' AS state, 0 AS kind, id, path, sha256, code, reason,
           recorded_at AS recordedAt, run_id AS runId
         FROM failures
         UNION ALL
         SELECT 'skipped', 1, id, path, sha256, code, reason, recorded_at, run_id
         FROM skips WHERE code <> @alreadyRecorded
         UNION ALL
         SELECT 'parsed', 2, id, source_path, sha256, '', '', parsed_at, run_id
         FROM disclosures
         WHERE source_path IN (SELECT path FROM failures
           UNION SELECT path FROM skips WHERE code <> @alreadyRecorded)),
       ranked AS (
         SELECT *, ROW_NUMBER() OVER (
           PARTITION BY path ORDER BY recordedAt DESC, runId DESC, kind DESC, id DESC) AS rank
         FROM events)
       SELECT state, path, sha256, code, reason, recordedAt, runId
       FROM ranked WHERE rank = 1 AND state <> 'parsed'`,
    )
    .all({ alreadyRecorded: ALREADY_RECORDED_CODE }) as InputIssue[];

  return issues.sort(
    (a, b) => a.state.localeCompare(b.state) || a.path.localeCompare(b.path),
  );
}
