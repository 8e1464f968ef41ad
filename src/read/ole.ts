/**
 * OLE compound files: legacy .xls workbooks, and .xlsx files saved with
 * "encrypt with password", which Office wraps in a compound file.
 */

import CFB from "cfb";
import { Mds2Error } from "../errors.js";
import type { ReadLimits } from "./limits.js";
import { encryptedWorkbookError, readWithSheetJS } from "./sheetjs.js";
import type { SourceContent } from "./source-content.js";

/** Reads an OLE compound file: a .xls workbook, or an error saying what it holds. */
export async function readOle(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
): Promise<SourceContent> {
  const streams = listStreams(bytes, file);

  if (streams.has("encryptioninfo") && streams.has("encryptedpackage")) {
    throw encryptedWorkbookError(file);
  }
  // BIFF8 (Excel 97 and later) names the stream `Workbook`; BIFF5 and older `Book`.
  if (streams.has("workbook") || streams.has("book")) {
    return readWithSheetJS(bytes, file, "xls", limits);
  }

  const kind = streams.has("worddocument") ? " (a Word document)" : "";
  throw new Mds2Error(
    "input.unsupported-format",
    `OLE compound file but not a workbook${kind}: it has no Workbook stream`,
    {
      file,
      hint: "Save the MDS2 form as .xlsx or .xls from the spreadsheet application.",
    },
  );
}

/** Lower-case names of the streams in the compound file's root storage. */
function listStreams(bytes: Uint8Array, file: string): Set<string> {
  try {
    const container = CFB.read(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
      {
        type: "buffer",
      },
    );
    const names = new Set<string>();
    for (const entry of container.FileIndex) {
      // Type 2 is a stream; storages and the root entry are skipped.
      if (entry.type === 2) names.add(entry.name.toLowerCase());
    }
    return names;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Mds2Error(
      "input.truncated",
      `the OLE compound file is truncated or damaged (${reason})`,
      { file, hint: "Download or copy the file again.", cause: error },
    );
  }
}
