/** The catalog workbook, `catalog.xlsx`, written row by row with exceljs's streaming writer. */

import { once } from "node:events";
import type { Stream, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import type ExcelJS from "exceljs";
import type { Table } from "./table.js";

/** Rows added to a sheet before the writer waits for the zip stream to catch up. */
const PAGE_ROWS = 200;

/** Writes a workbook with a sheet of disclosures and a sheet of skipped and failed inputs. */
export async function writeXlsx(
  disclosures: Table,
  issues: Table,
  output: NodeJS.WritableStream,
): Promise<void> {
  // exceljs loads when the report is written, after the workers have
  // stopped, so it does not add to the batch's peak memory.
  const { default: Excel } = await import("exceljs");

  // The streaming writer keeps no cell model of the rows: for 10,000
  // disclosures the in-memory workbook took about 400 MB. Shared strings
  // would keep every distinct string until the end, so strings are written
  // in their cells. Deflate level 1 compresses faster than the default, for
  // a slightly larger file.
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: output as unknown as Stream,
    useSharedStrings: false,
    useStyles: true,
    zip: { zlib: { level: 1 } },
  });
  workbook.creator = "mds2";
  const outputDone = finished(output);
  // The output may fail while no sheet waits on it: that rejection is
  // handled where the output is written.
  outputDone.catch(() => undefined);

  await addSheet(workbook, "Disclosures", disclosures, outputDone);
  await addSheet(workbook, "Skipped and failed", issues, outputDone);
  await workbook.commit();
}

// Cells are written as strings (t="str") or numbers with no formula element,
// so vendor text cannot turn into a formula here.
async function addSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  table: Table,
  outputDone: Promise<void>,
): Promise<void> {
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

  let count = 0;
  for (const row of table.rows) {
    // An empty string would be written as an empty `str` cell; a blank cell
    // shows the same and is smaller.
    sheet.addRow(row.map((cell) => (cell === "" ? null : cell))).commit();
    count += 1;
    if (count % PAGE_ROWS === 0) await zipCaughtUp(sheet, outputDone);
  }
  sheet.commit();
}

/**
 * Waits until the zip stream has taken in what the sheet's rows wrote.
 * exceljs 4.4.0 ignores backpressure: a sheet's stream writes each 64 KiB
 * of rows into the stream piped from it (a PassThrough from archiver-utils,
 * on readable-stream 2), however much that one already contains. Rows are
 * made faster than they are compressed, so without waiting they piled up in
 * memory (about 50 MB for 30,000 disclosures). Rejects when the output
 * fails meanwhile.
 * NOTE: reads the sheet stream's internal `pipes` list; should a later
 * exceljs lack it, this waits one event loop turn only.
 */
async function zipCaughtUp(
  sheet: object,
  outputDone: Promise<void>,
): Promise<void> {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  if (!Array.isArray(pipes)) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  for (const pipe of pipes as PipedStream[]) {
    const needsDrain =
      pipe.writableNeedDrain ?? pipe._writableState?.needDrain ?? false;
    if (needsDrain) await Promise.race([once(pipe, "drain"), outputDone]);
  }
}

/** A writable stream of Node or of the readable-stream package, which has no `writableNeedDrain`. */
type PipedStream = Writable & {
  writableNeedDrain?: boolean;
  _writableState?: { needDrain?: boolean };
};
