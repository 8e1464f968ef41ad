/** The read stage: file bytes to located cells, fields or lines, by sniffed format. */

import { Mds2Error } from "../errors.js";
import { enforceLimit, readLimits, type ReadLimits } from "./limits.js";
import type { SourceContent } from "./source-content.js";
import { sniffContainer, type Container } from "./sniff.js";

export type { ReadLimits } from "./limits.js";

type Reader = (
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits,
) => Promise<SourceContent>;

// Readers keyed by container; each one decides the exact format inside it.
// Each is imported on first use, so reading a text form never loads the
// workbook or PDF libraries (together about 100 MB and a second of start-up).
const readers: Partial<Record<Container, () => Promise<Reader>>> = {
  zip: async () => (await import("./workbook.js")).readWorkbookZip,
  ole: async () => (await import("./ole.js")).readOle,
  pdf: async () => (await import("./pdf/index.js")).readPdf,
  text: async () => (await import("./text.js")).readText,
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
  const loadReader = readers[container];
  if (!loadReader) {
    throw new Mds2Error(
      "input.unsupported-format",
      "not a workbook, PDF or text file",
      {
        file,
        hint: "mds2 reads .xlsx, .xls, PDF and plain-text MDS2 forms.",
      },
    );
  }
  const reader = await loadReader();
  return reader(bytes, file, limits);
}
