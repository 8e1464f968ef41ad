/**
 * Writes the catalog report: `index.html`, `catalog.csv` and `catalog.xlsx`.
 * Each file is streamed from the catalog, so memory keeps a page of rows at
 * a time, not the whole catalog.
 */

import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import { Mds2Error } from "../../errors.js";
import type { Catalog } from "../catalog/index.js";
import { renderCatalogHtml } from "./html.js";
import { iterateDisclosures, readIssues } from "./rows.js";
import { disclosureTable, issueTable, type Cell, type Table } from "./table.js";
import { writeFileStreamed } from "./write-streamed.js";
import { writeXlsx } from "./xlsx.js";

export { readCatalogView, type CatalogView } from "./view.js";
export { reportHref } from "./html.js";

export const REPORT_FILES = {
  html: "index.html",
  csv: "catalog.csv",
  xlsx: "catalog.xlsx",
} as const;

export interface ReportOptions {
  /**
   * Rewrites `catalog.xlsx` too. Building it took about 1 s of the 2.8 s of
   * CPU of a re-run over 1,000 recorded forms (`--cpu-prof`, 2 cores), so a
   * run that recorded nothing new can leave the old one.
   */
  workbook?: boolean;
}

/** Writes the report files into `folder`, each atomically, and returns their paths. */
export async function writeCatalogReport(
  catalog: Catalog,
  folder: string,
  options: ReportOptions = {},
): Promise<string[]> {
  const catalogName =
    path.relative(folder, catalog.file) || path.basename(catalog.file);

  const files: [string, (output: NodeJS.WritableStream) => Promise<void>][] = [
    [
      REPORT_FILES.html,
      (output) =>
        pipeline(
          Readable.from(renderCatalogHtml(catalog, catalogName)),
          output,
        ),
    ],
    [
      REPORT_FILES.csv,
      (output) =>
        writeCsv(disclosureTable(iterateDisclosures(catalog)), output),
    ],
  ];
  if (options.workbook ?? true) {
    files.push([
      REPORT_FILES.xlsx,
      (output) =>
        writeXlsx(
          disclosureTable(iterateDisclosures(catalog)),
          issueTable(readIssues(catalog)),
          output,
        ),
    ]);
  }

  const written: string[] = [];
  for (const [name, write] of files) {
    const target = path.join(folder, name);
    try {
      await writeFileStreamed(target, write);
    } catch (error) {
      throw reportError(error, target);
    }
    written.push(target);
  }
  return written;
}

/** Wraps a file system error in an `Mds2Error`; other errors are returned as they are. */
function reportError(error: unknown, target: string): unknown {
  if (!(error instanceof Error) || !("syscall" in error)) return error;
  const { code } = error as NodeJS.ErrnoException;
  return new Mds2Error(
    "output.failed",
    `cannot write the catalog report (${code ?? error.message})`,
    {
      file: target,
      hint: "Choose a writable folder with -o.",
      cause: error,
    },
  );
}

/** CSV with cells that start like a formula prefixed by `'`, so spreadsheets show them as text. */
export async function writeCsv(
  table: Table,
  output: NodeJS.WritableStream,
): Promise<void> {
  await pipeline(
    Readable.from(withHeader(table)),
    stringify({ escape_formulas: true }),
    output,
  );
}

function* withHeader(table: Table): Generator<Cell[], void, undefined> {
  yield table.header;
  yield* table.rows;
}
