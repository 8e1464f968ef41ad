/** What the recognize stage produces: the rows of one MDS2 edition, not yet normalized. */

import type { Edition, Problem, References } from "../model/disclosure.js";

export interface RawRow {
  /** The question ID exactly as printed (`SHAD-15`, ` ALOF-1`, `10-1.3`). */
  printedId: string;
  /** Question text as printed, if the source has it. */
  question: string;
  /** The answer text as read: cell text, field value or the text after the question. */
  answer: string;
  answerLocation: string;
  /** Note reference text (`See Note 1 `, `__`, `3`), if the source has a separate note column. */
  noteRef: string;
  noteLocation?: string;
  references?: References;
  /** Section the row was found under, when the source shows it (2013 notes are per section). */
  section?: string;
}

export interface RawNote {
  number: number;
  text: string;
  location: string;
  section?: string;
}

export interface RawForm {
  edition: Edition;
  rows: RawRow[];
  notes: RawNote[];
  /** Free text of "other security considerations". */
  otherConsiderations?: { text: string; location: string };
  /** Device description fields the edition keeps outside question rows (2013, 2008). */
  deviceFields?: { label: string; value: string; location: string }[];
  problems: Problem[];
}
