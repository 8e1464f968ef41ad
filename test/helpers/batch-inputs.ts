/** Input folders for batch tests: good forms, broken files, non-forms, a duplicate and a hanging file. */

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import ExcelJS from "exceljs";
import { MEDICAPTURE_TEXT, NEMA_2019_XLSX } from "./workbook-fixtures.js";

const helpersFolder = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(helpersFolder, "../..");
export const CLI = path.join(REPO_ROOT, "dist/cli/main.js");
export const STAND_IN_TASK = path.join(
  helpersFolder,
  "batch-stand-in-task.mjs",
);

export interface DeviceProfile {
  manufacturer: string;
  model: string;
  documentId: string;
  releaseDate: string;
}

/** Fictional devices; the last two share a device folder on purpose. */
export const PROFILES: DeviceProfile[] = [
  {
    manufacturer: "Northwind Medical",
    model: "NW-100 Infusion Pump",
    documentId: "NW-100-MDS2",
    releaseDate: "2024-02-01",
  },
  {
    manufacturer: "Northwind Medical",
    model: "NW-100 Infusion Pump",
    documentId: "NW-100-MDS2-R2",
    releaseDate: "2025-06-15",
  },
  {
    manufacturer: "Contoso Imaging",
    model: "CI-7 Ultrasound",
    documentId: "CI7-2023",
    releaseDate: "2023-09-30",
  },
  {
    manufacturer: "Fabrikam Health",
    model: "FH Monitor/II",
    documentId: "../../etc",
    releaseDate: "2022-01-10",
  },
  {
    manufacturer: "Tailspin <b>Devices</b>",
    model: "=TS(1)",
    documentId: "TS-1",
    releaseDate: "2021-05-05",
  },
  {
    manufacturer: "Tailspin <b>Devices</b>",
    model: "=TS(1)",
    documentId: "TS-1",
    releaseDate: "2021-05-06",
  },
];

/** Returns the real vendor text form with its identifying lines replaced by `profile`. */
export async function textForm(profile: DeviceProfile): Promise<string> {
  const original = await readFile(MEDICAPTURE_TEXT, "utf8");
  return original
    .split("\n")
    .map((line) => {
      if (line.startsWith("MediCapture Inc., Models:")) {
        return `${profile.manufacturer}, Models: ${profile.model}.`;
      }
      if (line.startsWith("DOC-1:"))
        return `DOC-1:Manufacturer Name:${profile.manufacturer}`;
      if (line.startsWith("DOC-3:"))
        return `DOC-3:Device Model:${profile.model}`;
      if (line.startsWith("DOC-4:"))
        return `DOC-4:Document ID:${profile.documentId}`;
      if (line.startsWith("DOC-7:"))
        return `DOC-7:Document Release Date:${profile.releaseDate}`;
      return line;
    })
    .join("\n");
}

/** Builds a workbook with a sheet of numbers and no MDS2 question table. */
export async function plainWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Budget");
  sheet.addRow(["Item", "Cost"]);
  sheet.addRow(["Monitors", 1200]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface BatchFolder {
  root: string;
  /** Files the batch should parse, relative to `root`. */
  good: string[];
  /** Relative path to expected skip code. */
  skipped: Record<string, string>;
  /** Relative path to expected failure code. */
  failed: Record<string, string>;
  /** Files that must never be read. */
  hidden: string[];
}

/** Writes the mixed input folder under `root`. */
export async function writeBatchFolder(root: string): Promise<BatchFolder> {
  const files: Record<string, string | Uint8Array> = {};
  const good: string[] = [];
  for (const [index, profile] of PROFILES.entries()) {
    const name = `forms/vendor-${index + 1}.txt`;
    files[name] = await textForm(profile);
    good.push(name);
  }
  const nema = new Uint8Array(await readFile(NEMA_2019_XLSX));
  files["forms/workbooks/nema-example.xlsx"] = nema;
  good.push("forms/workbooks/nema-example.xlsx");

  files["spare/vendor-1 copy.txt"] = files["forms/vendor-1.txt"] as string;
  files["misc/meeting-notes.txt"] =
    "Notes from the biomed meeting.\nOrder two spare pumps.\n";
  files["misc/budget.xlsx"] = await plainWorkbook();
  files["misc/random.bin"] = randomBytes(4096);
  files["broken/truncated.xlsx"] = nema.subarray(
    0,
    Math.floor(nema.length / 2),
  );
  files["broken/stuck.hang"] = "a file the stand-in task never finishes\n";
  files[".hidden/vendor-hidden.txt"] = await textForm({
    ...PROFILES[2]!,
    documentId: "HIDDEN",
  });
  files["forms/.DS_Store"] = randomBytes(64);

  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }

  return {
    root,
    good,
    skipped: {
      "spare/vendor-1 copy.txt": "duplicate",
      "misc/meeting-notes.txt": "input.not-mds2",
      "misc/budget.xlsx": "input.not-mds2",
      "misc/random.bin": "input.unsupported-format",
    },
    failed: {
      "broken/truncated.xlsx": "input.truncated",
      "broken/stuck.hang": "timeout",
    },
    hidden: [".hidden/vendor-hidden.txt", "forms/.DS_Store"],
  };
}

/** Writes `count` distinct good text forms under `root`. */
export async function writeGoodForms(
  root: string,
  count: number,
): Promise<void> {
  await mkdir(root, { recursive: true });
  for (let index = 0; index < count; index += 1) {
    const text = await textForm({
      manufacturer: `Vendor ${index % 5}`,
      model: `Model ${index}`,
      documentId: `DOC-${index}`,
      releaseDate: "2024-01-01",
    });
    await writeFile(path.join(root, `form-${index}.txt`), text);
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Starts `mds2 ARGS` with the stand-in task; `env` adds variables. */
export function startCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, MDS2_BATCH_TASK_MODULE: STAND_IN_TASK, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Waits for `child` to exit and returns its code, signal and output. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) =>
      resolve({ code, signal, stdout, stderr }),
    );
  });
}

export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return finished(startCli(args, cwd, env));
}

/** Opens a catalog read-only. */
export function openCatalog(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/** Polls the catalog until it records `count` disclosures. */
export async function waitForDisclosures(
  file: string,
  count: number,
  child: ChildProcess,
): Promise<void> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error("the batch ended before the test could stop it");
    try {
      const db = openCatalog(file);
      try {
        const recorded = db
          .prepare("SELECT COUNT(*) FROM disclosures")
          .pluck()
          .get() as number;
        if (recorded >= count) return;
      } finally {
        db.close();
      }
    } catch {
      // The catalog is not created yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
