/** Writes the catalog report: `index.html`, `catalog.csv` and `catalog.xlsx`. */

import path from "node:path";
import { PassThrough } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type ExcelJS from "exceljs";
import writeFileAtomic from "write-file-atomic";
import { Mds2Error } from "../../errors.js";
import type { Catalog } from "../catalog/index.js";
import { renderCatalogHtml } from "./html.js";
import { disclosureTable, issueTable, type Table } from "./table.js";
import { readCatalogView } from "./view.js";

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
  const view = readCatalogView(catalog);
  const disclosures = disclosureTable(view);
  const catalogName =
    path.relative(folder, catalog.file) || path.basename(catalog.file);

  const files: [string, string | Buffer][] = [
    [REPORT_FILES.html, renderCatalogHtml(view, catalogName)],
    [REPORT_FILES.csv, renderCsv(disclosures)],
  ];
  if (options.workbook ?? true) {
    const issues = issueTable(view.issues);
    files.push([REPORT_FILES.xlsx, await renderXlsx(disclosures, issues)]);
  }

  const written: string[] = [];
  for (const [name, content] of files) {
    const target = path.join(folder, name);
    try {
      await writeFileAtomic(target, content);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new Mds2Error(
        "output.failed",
        `cannot write the catalog report (${reason})`,
        {
          file: target,
          hint: "Choose a writable folder with -o.",
          cause: error,
        },
      );
    }
    written.push(target);
  }
  return written;
}

/** CSV with cells that start like a formula prefixed by `'`, so spreadsheets show them as text. */
export function renderCsv(table: Table): string {
  return stringify([table.header, ...table.rows], { escape_formulas: true });
}

/** Workbook with a sheet of disclosures and a sheet of skipped and failed inputs. */
export async function renderXlsx(
  disclosures: Table,
  issues: Table,
): Promise<Buffer> {
  // exceljs loads when the report is written, after the workers have
  // stopped, so it does not add to the batch's peak memory.
  const { default: Excel } = await import("exceljs");
  // The streaming writer keeps only the zipped bytes, not a cell model of
  // every row: for 10,000 disclosures the in-memory workbook took about
  // 400 MB. Deflate level 1 compresses faster than the default, for a
  // slightly larger file.
  const zipped = new PassThrough();
  const chunks: Buffer[] = [];
  zipped.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: zipped,
    useSharedStrings: true,
    useStyles: true,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = "mds2";
  addSheet(workbook, "Disclosures", disclosures);
  addSheet(workbook, "Skipped and failed", issues);
  await workbook.commit();
  return Buffer.concat(chunks);
}

// exceljs stores strings as shared strings, never as formulas, so vendor
// text cannot turn into a formula here.
function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  table: Table,
): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: table.header.length },
  };
  const header = sheet.addRow(table.header);
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) sheet.addRow(row).commit();
  sheet.commit();
}
