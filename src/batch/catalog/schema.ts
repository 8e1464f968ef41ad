/** Tables of the batch catalog (SQLite). `PRAGMA user_version` holds `SCHEMA_VERSION`. */

export const SCHEMA_VERSION = 1;

/** Every table `SCHEMA_SQL` creates; a database with any other table is not a catalog. */
export const CATALOG_TABLES: readonly string[] = [
  "runs",
  "devices",
  "disclosures",
  "answers",
  "notes",
  "problems",
  "findings",
  "capability_status",
  "skips",
  "failures",
];

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  -- running, finished, interrupted or failed (stopped on an unexpected error)
  status TEXT NOT NULL,
  inputs INTEGER NOT NULL DEFAULT 0,
  parsed INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  -- JSON: the options the run was started with
  options TEXT NOT NULL,
  -- JSON: time per stage, peak memory; set when the run ends
  stats TEXT
);

CREATE TABLE IF NOT EXISTS devices (
  id INTEGER PRIMARY KEY,
  manufacturer TEXT NOT NULL COLLATE NOCASE,
  model TEXT NOT NULL COLLATE NOCASE,
  UNIQUE (manufacturer, model)
);

CREATE TABLE IF NOT EXISTS disclosures (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES devices (id),
  run_id INTEGER NOT NULL REFERENCES runs (id),
  source_path TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  edition TEXT NOT NULL,
  format TEXT NOT NULL,
  document_id TEXT,
  release_date TEXT,
  platform TEXT,
  parsed_at TEXT NOT NULL,
  -- folder of the device outputs, relative to the batch output folder, with '/'
  output_dir TEXT NOT NULL,
  -- JSON array of output paths relative to the batch output folder
  outputs TEXT NOT NULL,
  -- JSON: milliseconds per stage
  timings TEXT NOT NULL,
  answer_count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS disclosures_device ON disclosures (device_id);

CREATE TABLE IF NOT EXISTS answers (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
  question_id TEXT NOT NULL,
  section TEXT NOT NULL,
  value TEXT NOT NULL,
  raw TEXT NOT NULL,
  comment TEXT,
  -- JSON array of the note numbers the answer refers to
  notes TEXT NOT NULL,
  location TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS answers_disclosure ON answers (disclosure_id, question_id);

CREATE TABLE IF NOT EXISTS notes (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  section TEXT,
  text TEXT NOT NULL,
  location TEXT
);
CREATE INDEX IF NOT EXISTS notes_disclosure ON notes (disclosure_id);

CREATE TABLE IF NOT EXISTS problems (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  location TEXT,
  question_id TEXT
);
CREATE INDEX IF NOT EXISTS problems_disclosure ON problems (disclosure_id);

CREATE TABLE IF NOT EXISTS findings (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
  finding_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  capability TEXT,
  -- JSON arrays of question IDs and control IDs
  questions TEXT NOT NULL,
  controls TEXT NOT NULL,
  message TEXT NOT NULL,
  location TEXT
);
CREATE INDEX IF NOT EXISTS findings_disclosure ON findings (disclosure_id, severity);

CREATE TABLE IF NOT EXISTS capability_status (
  disclosure_id INTEGER NOT NULL REFERENCES disclosures (id) ON DELETE CASCADE,
  code TEXT NOT NULL,
  status TEXT NOT NULL,
  claim TEXT NOT NULL,
  PRIMARY KEY (disclosure_id, code)
);

CREATE TABLE IF NOT EXISTS skips (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id),
  path TEXT NOT NULL,
  sha256 TEXT,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS skips_sha256 ON skips (sha256);

CREATE TABLE IF NOT EXISTS failures (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs (id),
  path TEXT NOT NULL,
  sha256 TEXT,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_sha256 ON failures (sha256);
`;
