/** The recognize stage: located content to the raw rows of one MDS2 edition. */

import { Mds2Error } from "../errors.js";
import type { SourceContent } from "../read/source-content.js";
import { recognizeHn12008Lines } from "./hn1-2008/recognize-lines.js";
import { recognizeHn12013Form } from "./hn1-2013/recognize-form.js";
import { recognizeHn12013Grid } from "./hn1-2013/recognize-grid.js";
import { recognizeHn12013Lines } from "./hn1-2013/recognize-lines.js";
import { recognizeGrid } from "./hn1-2019/recognize-grid.js";
import { recognizeLines } from "./hn1-2019/recognize-lines.js";
import { recognizeHn12019Form } from "./pdf-form/recognize-2019-fields.js";
import type { RawForm } from "./raw-form.js";

export interface Recognizer {
  /** Description of the expected layout, named in the error when no recognizer matches. */
  looksFor: string;
  /** Returns the raw form, or `undefined` when the content is not this kind of form. */
  recognize(content: SourceContent, file: string): RawForm | undefined;
}

// Tried in order; the first recognizer that returns a form wins. Add each
// edition and layout here.
const recognizers: Recognizer[] = [
  {
    looksFor: "an HN 1-2019 question table (Question ID column)",
    recognize: recognizeGrid,
  },
  {
    looksFor: "HN 1-2019 question lines (ALOF-1, …)",
    recognize: recognizeLines,
  },
  {
    looksFor: "HN 1-2019 form fields (ALOF-1, …)",
    recognize: recognizeHn12019Form,
  },
  {
    looksFor: "HN 1-2013 form fields (1-1, 10-1.3, …)",
    recognize: recognizeHn12013Form,
  },
  {
    looksFor: "an HN 1-2013 item table (1-1, 10-1.3, …)",
    recognize: recognizeHn12013Grid,
  },
  { looksFor: "HN 1-2013 item lines", recognize: recognizeHn12013Lines },
  {
    looksFor: "HN 1-2008 safeguard items (4.d, 12.b)",
    recognize: recognizeHn12008Lines,
  },
];

/** Recognizes the MDS2 form in `content`; throws `input.not-mds2` when none matches. */
export function recognize(content: SourceContent, file: string): RawForm {
  for (const recognizer of recognizers) {
    const form = recognizer.recognize(content, file);
    if (form) return form;
  }
  throw new Mds2Error(
    "input.not-mds2",
    `no MDS2 form found in the ${describeContent(content)}; looked for ${recognizers
      .map((recognizer) => recognizer.looksFor)
      .join(", ")}`,
    {
      file,
      hint: "Check that the file is a Manufacturer Disclosure Statement (MDS2).",
    },
  );
}

function describeContent(content: SourceContent): string {
  if (content.kind === "grid") {
    const count = content.sheets.length;
    return `${content.format} workbook (${count} sheet${count === 1 ? "" : "s"})`;
  }
  if (content.kind === "form") return "PDF form";
  if (content.format === "pdf-text") return "PDF text";
  return content.format === "text" ? "plain text" : `${content.format} text`;
}
