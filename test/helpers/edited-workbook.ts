/** Copies of a real workbook with some cells changed, written to temporary folders. */

import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";

/**
 * Writes a copy of the workbook at `source` with `edits` (cell address →
 * new text) applied to the first sheet, and returns the copy's path.
 */
export async function writeEditedCopy(
  source: string,
  edits: Record<string, string>,
  name = "edited.xlsx",
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(source)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  for (const [address, value] of Object.entries(edits))
    sheet.getCell(address).value = value;

  const folder = await mkdtemp(join(tmpdir(), "mds2-diff-"));
  const target = join(folder, name);
  await writeFile(target, Buffer.from(await workbook.xlsx.writeBuffer()));
  return target;
}
