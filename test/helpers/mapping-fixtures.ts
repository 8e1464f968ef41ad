/** Mapping files built by code: CSV text, exceljs workbooks and JSON, in long and wide form. */

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

export type Grid = (string | number)[][];

export const LONG_HEADER = [
  "Control ID",
  "Title",
  "Capability",
  "Role",
  "Platforms",
  "CIS",
  "Questions",
];

/** Two controls in long form: one with a primary and a secondary capability, one with CIS references. */
export const LONG_ROWS: Grid = [
  LONG_HEADER,
  [
    "site.screen-lock",
    "Screen saver timeout",
    "ALOF",
    "primary",
    "win7, win10",
    "19.1.3.4",
    "ALOF-1",
  ],
  [
    "site.screen-lock",
    "Screen saver timeout",
    "PAUT",
    "S",
    "win7, win10",
    "",
    "",
  ],
  [
    "site.password-length",
    "Minimum password length",
    "PAUT",
    "",
    "",
    "CIS Microsoft Windows 7 v3.2.0 1.1.4 (L1); 1.2.x",
    "PAUT-6 paut-7",
  ],
];

/** A CIS/MDISS-style matrix: recommendation number and title, one column per capability code. */
export const WIDE_ROWS: Grid = [
  ["Recommendation #", "Title", "ALOF", "AUDT", "AUTH", "PAUT"],
  ["1", "Account Policies", "", "", "", ""],
  ["1.1.1", "Enforce password history", "", "", "", "x"],
  ["1.1.4", "Minimum password length", "", "", "S", "P"],
  ["19.1.3.4", "Screen saver timeout", "✓", "", "", "1"],
];

export function csvText(rows: Grid): string {
  return stringify(rows);
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Builds an .xlsx workbook with the given sheets through exceljs. */
export async function workbookBytes(
  sheets: { name: string; rows: Grid }[],
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

const mappingFolders: string[] = [];

/** Writes each file into a new temporary folder and returns the paths by name. */
export async function writeMappingFiles(
  files: Record<string, string | Uint8Array>,
): Promise<Record<string, string>> {
  const folder = await mkdtemp(join(tmpdir(), "mds2-mapping-"));
  mappingFolders.push(folder);
  const paths: Record<string, string> = {};
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    await writeFile(path, content);
    paths[name] = path;
  }
  return paths;
}

/** Removes every folder that `writeMappingFiles` created. */
export async function removeMappingFiles(): Promise<void> {
  const folders = mappingFolders.splice(0);
  for (const folder of folders)
    await rm(folder, { recursive: true, force: true });
}
