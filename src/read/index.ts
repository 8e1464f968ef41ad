/** The read stage: file bytes to located cells, fields or lines, by sniffed format. */

import { Mds2Error } from "../errors.js";
import { enforceLimit, readLimits, type ReadLimits } from "./limits.js";
import { readOle } from "./ole.js";
import { readPdf } from "./pdf/index.js";
import type { SourceContent } from "./source-content.js";
import { sniffContainer, type Container } from "./sniff.js";
import { readText } from "./text.js";
import { readWorkbookZip } from "./workbook.js";

export type { ReadLimits } from "./limits.js";

type Reader = (
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
) => Promise<SourceContent>;

// Readers keyed by container; each one decides the exact format inside it.
const readers: Partial<Record<Container, Reader>> = {
  zip: readWorkbookZip,
  ole: readOle,
  pdf: readPdf,
  text: readText,
};

export interface ReadOptions {
  /** Size limits; by default read from the environment (see `readLimits`). */
  limits?: ReadLimits;
}

/** Reads `bytes` (named `file` in messages) into located content. */
export async function readSource(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<SourceContent> {
  if (bytes.length === 0) {
    throw new Mds2Error("input.empty", "the file is empty", {
      file,
      hint: "Check that the download or copy finished.",
    });
  }
  const limits = options.limits ?? readLimits();
  enforceLimit("maxInputBytes", bytes.length, limits, file);

  const container = sniffContainer(bytes);
  const reader = readers[container];
  if (!reader) {
    throw new Mds2Error(
      "input.unsupported-format",
      "not a workbook, PDF or text file",
      {
        file,
        hint: "mds2 reads .xlsx, .xls, PDF and plain-text MDS2 forms.",
      },
    );
  }
  return reader(bytes, file, limits);
}
