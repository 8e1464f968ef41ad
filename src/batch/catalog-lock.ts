/**
 * The lock that lets one `mds2 batch` at a time write a catalog. Readers
 * (`mds2 catalog`) never take it.
 */

import Database from "better-sqlite3";
import { Mds2Error } from "../errors.js";

/** Suffix of the lock file kept beside the catalog. */
export const LOCK_SUFFIX = ".lock";

/**
 * Takes the write lock of `catalogFile` and returns the function that
 * releases it. Throws `Mds2Error` (`usage`) when another process has it.
 *
 * The lock is a write transaction held open on a small SQLite file beside
 * the catalog. SQLite takes it with an operating-system file lock (POSIX
 * `fcntl` locks, `LockFileEx` on Windows), which the system drops when the
 * holder exits, so a batch killed with SIGKILL leaves no stale lock. The
 * file itself stays: deleting it could let a waiting process lock a file
 * that is no longer in the folder.
 */
export function lockCatalog(
  catalogFile: string,
  startedAt: (catalogFile: string) => string | undefined,
): () => void {
  const file = catalogFile + LOCK_SUFFIX;
  let db: Database.Database | undefined;
  try {
    // timeout 0: a busy lock fails at once instead of waiting.
    db = new Database(file, { timeout: 0 });
    db.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    db?.close();
    if ((error as { code?: string }).code !== "SQLITE_BUSY") {
      throw new Mds2Error(
        "output.failed",
        `cannot create the catalog lock: ${(error as Error).message}`,
        { file, hint: "Check that the catalog's folder is writable." },
      );
    }
    const since = startedAt(catalogFile);
    throw new Mds2Error(
      "usage",
      `another mds2 batch is writing this catalog (started ${since ?? "moments ago"}); ` +
        "wait for it or use another -o/--db",
      { file: catalogFile },
    );
  }
  const held = db;
  heldLocks.add(held);
  return () => {
    heldLocks.delete(held);
    held.close();
  };
}

// better-sqlite3 closes a connection that is garbage collected, which would
// drop the lock, so every held connection stays referenced until released.
const heldLocks = new Set<Database.Database>();
