/**
 * What the read stage produces: the content of one file with a location on
 * every piece, before anything MDS2-specific is recognized.
 */

import type { Problem, SourceFormat } from "../model/disclosure.js";

export interface CellText {
  text: string;
  /** `sheet!C14` for workbooks; `page 3, row 12, col C` for rebuilt PDF rows. */
  location: string;
}

export interface Sheet {
  name: string;
  /** `rows[r][c]`, both 0-based; missing entries are empty cells. */
  rows: (CellText | undefined)[][];
}

export interface FormField {
  /** Fully qualified field name. */
  name: string;
  kind: "text" | "checkbox" | "radio" | "dropdown" | "other";
  /** Text value, selected option label, or `Yes`/`Off` for checkboxes. */
  value: string;
  page?: number;
  /** `page 2, field ALOF-1` */
  location: string;
  /** Widget rectangle `[x1, y1, x2, y2]` in PDF points, when known. */
  rect?: [number, number, number, number];
}

export interface TextLine {
  text: string;
  /** `line 41` for text files, `page 3, line 12` for PDFs. */
  location: string;
  page?: number;
  /** Bounding box `[x1, y1, x2, y2]` in PDF points, for lines read from a PDF page. */
  box?: [number, number, number, number];
}

export type SourceContent =
  | { kind: "grid"; format: SourceFormat; sheets: Sheet[]; problems: Problem[] }
  | {
      kind: "form";
      format: "pdf-form";
      fields: FormField[];
      lines: TextLine[];
      problems: Problem[];
    }
  | {
      kind: "lines";
      format: SourceFormat;
      lines: TextLine[];
      problems: Problem[];
    };
