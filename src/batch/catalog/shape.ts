/** The schema version and tables of a SQLite file, read before it is used as a catalog. */

import type Database from "better-sqlite3";
import { Mds2Error } from "../../errors.js";
import { SCHEMA_VERSION } from "./schema.js";

export interface DatabaseShape {
  /** `PRAGMA user_version`: the catalog schema version, 0 for another database. */
  version: number;
  /** Names of the tables, SQLite's own left out. */
  tables: string[];
}

/** Reads the schema version and the table names of `db`. */
export function readShape(db: Database.Database): DatabaseShape {
  const version = db.pragma("user_version", { simple: true }) as number;
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .pluck()
    .all() as string[];
  return { version, tables };
}

/** Throws `Mds2Error` when `version` is newer than the schema this code reads. */
export function rejectNewerSchema(
  version: number,
  file: string,
  hint: string,
): void {
  if (version <= SCHEMA_VERSION) return;
  throw new Mds2Error(
    "input.invalid",
    `the catalog has schema version ${version}, newer than this mds2 reads (${SCHEMA_VERSION})`,
    { file, hint },
  );
}
