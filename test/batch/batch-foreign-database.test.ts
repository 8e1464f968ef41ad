/** Batch given a SQLite database that is not an mds2 catalog, or a catalog of a newer schema. */

import { createHash } from "node:crypto";
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile,
} from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, textForm, type CliResult } from "../helpers/batch-inputs.js";

const SLOW = 240_000;

let work: string;
let foreign: string;
let before: string;
let result: CliResult;

async function sha256(file: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(file))
    .digest("hex");
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "mds2-foreign-db-"));
  await mkdir(path.join(work, "in"), { recursive: true });
  await writeFile(
    path.join(work, "in", "form.txt"),
    await textForm({
      manufacturer: "Example Medical",
      model: "TM-DB",
      documentId: "TM-DB-1",
      releaseDate: "2024-03-01",
    }),
  );
  foreign = path.join(work, "inventory.db");
  const db = new Database(foreign);
  db.exec("CREATE TABLE assets (tag TEXT, room TEXT)");
  db.prepare("INSERT INTO assets VALUES (?, ?)").run("PUMP-17", "ICU 4");
  db.close();
  before = await sha256(foreign);
  result = await runCli(
    ["batch", "in", "-o", "out", "--db", "inventory.db"],
    work,
  );
}, SLOW);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("mds2 batch --db with a database of another program", () => {
  it("exits 2 and names the file", () => {
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("inventory.db");
  });

  it("leaves the database unchanged", async () => {
    expect(await sha256(foreign)).toBe(before);
    const db = new Database(foreign, { readonly: true });
    try {
      const tables = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .pluck()
        .all();
      expect(tables).toEqual(["assets"]);
    } finally {
      db.close();
    }
  });
});

describe("mds2 batch with a database it must not change", () => {
  it.each([
    [
      "another program's database as catalog.sqlite in the output folder",
      (db: Database.Database) => db.exec("CREATE TABLE assets (tag TEXT)"),
      "is not an mds2 catalog",
    ],
    [
      "a catalog of a newer schema",
      (db: Database.Database) => {
        db.exec("CREATE TABLE runs (id INTEGER PRIMARY KEY)");
        db.pragma("user_version = 99");
      },
      "has schema version 99, newer than this mds2 reads",
    ],
  ])(
    "%s exits 2 and leaves the file unchanged",
    async (label, build, message) => {
      const out = path.join(work, label.replace(/\W+/g, "-"));
      await mkdir(out, { recursive: true });
      const file = path.join(out, "catalog.sqlite");
      const db = new Database(file);
      build(db);
      db.close();
      const hash = await sha256(file);

      const outcome = await runCli(["batch", "in", "-o", out], work);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain(message);
      expect(await sha256(file)).toBe(hash);
      expect((await readdir(out)).sort()).toEqual(["catalog.sqlite"]);
    },
    SLOW,
  );
});
