/** The lock that keeps a second batch from writing a catalog. */

import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockCatalog } from "../../src/batch/catalog-lock.js";
import { REPO_ROOT } from "../helpers/batch-inputs.js";

let temp: string;
let catalogFile: string;

beforeEach(async () => {
  temp = await mkdtemp(path.join(os.tmpdir(), "mds2-lock-"));
  catalogFile = path.join(temp, "catalog.sqlite");
});

afterEach(async () => {
  await rm(temp, { recursive: true, force: true });
});

describe("lockCatalog", () => {
  it("rejects a second holder with the start time", () => {
    const release = lockCatalog(catalogFile, () => "2026-01-02T03:04:05Z");
    try {
      expect(() =>
        lockCatalog(catalogFile, () => "2026-01-02T03:04:05Z"),
      ).toThrow(
        "another mds2 batch is writing this catalog (started 2026-01-02T03:04:05Z)",
      );
    } finally {
      release();
    }
  });

  it("is free again after release", () => {
    lockCatalog(catalogFile, () => undefined)();
    const again = lockCatalog(catalogFile, () => undefined);
    expect(typeof again).toBe("function");
    again();
  });

  it("is free again after its holder is killed", async () => {
    const script = [
      `import { lockCatalog } from ${JSON.stringify(path.join(REPO_ROOT, "dist/batch/catalog-lock.js"))};`,
      `lockCatalog(${JSON.stringify(catalogFile)}, () => undefined);`,
      `process.stdout.write("locked\\n");`,
      "setInterval(() => {}, 1000);",
    ].join("\n");
    const holder = spawn(
      process.execPath,
      ["--input-type=module", "-e", script],
      {
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("locked")) resolve();
      });
      holder.on("exit", () => reject(new Error("the holder exited early")));
    });
    expect(() => lockCatalog(catalogFile, () => undefined)).toThrow(
      /another mds2 batch/,
    );

    const exited = new Promise((resolve) => holder.on("exit", resolve));
    holder.kill("SIGKILL");
    await exited;
    const release = lockCatalog(catalogFile, () => undefined);
    release();
  }, 60_000);
});
