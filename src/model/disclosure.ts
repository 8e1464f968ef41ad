/** The normalized record of one vendor MDS2 form: `mds2.disclosure/1`. */

export const DISCLOSURE_SCHEMA = "mds2.disclosure/1";

export type Edition = "HN 1-2019" | "HN 1-2013" | "HN 1-2008";

export const EDITIONS: readonly Edition[] = [
  "HN 1-2019",
  "HN 1-2013",
  "HN 1-2008",
];

/** Format of the source file, sniffed from its content and never from its name. */
export type SourceFormat = "xlsx" | "xls" | "pdf-form" | "pdf-text" | "text";

export type AnswerValue =
  "yes" | "no" | "na" | "see-note" | "unanswered" | "text" | "unrecognized";

export type ProblemSeverity = "error" | "warning" | "info";

export interface Source {
  /** File name as given (base name for batch outputs). */
  file: string;
  sha256: string;
  format: SourceFormat;
  /** Size in bytes. */
  size: number;
}

export interface Device {
  manufacturer?: string;
  description?: string;
  model?: string;
  documentId?: string;
  contact?: string;
  intendedUse?: string;
  /** ISO date `YYYY-MM-DD`. */
  releaseDate?: string;
  softwareRevision?: string;
  softwareReleaseDate?: string;
  category?: string;
}

/** The printed reference columns of a 2019 question row. */
export interface References {
  iec80001?: string;
  nist80053?: string;
  iso27002?: string;
}

export interface Answer {
  /** Canonical question ID: upper case, ASCII hyphen, `SHAD-15` read as `SAHD-15`. */
  id: string;
  /** Section code, e.g. `ALOF`, `MPII`, `DOC`; for 2013 the capability code of the section. */
  section: string;
  question: string;
  value: AnswerValue;
  /** The answer cell's text exactly as read (dates as ISO text). */
  raw: string;
  /** Text after the value, e.g. `LDAP` for `Yes,LDAP`. */
  comment?: string;
  /** Note numbers referenced by this answer. */
  notes: number[];
  /** Where the answer was read: `mds2-form!C50`, `page 2, field ALOF-1`, `line 41`. */
  location: string;
  /** The ID exactly as printed, when it differs from `id`. */
  printedId?: string;
  references?: References;
  /** True when the vendor hid the value (`Hidden`, `Redacted`). */
  redacted?: boolean;
  /** 2019 question IDs this answer corresponds to (2013 and 2008 editions). */
  equivalents?: string[];
}

export interface Note {
  number: number;
  text: string;
  location?: string;
  /** Section whose notes box contains the note (2013 forms number notes per section). */
  section?: string;
}

export interface Problem {
  /** Stable code, e.g. `answer.unrecognized`, `note.missing`. */
  code: string;
  severity: ProblemSeverity;
  message: string;
  location?: string;
  questionId?: string;
}

export interface Disclosure {
  schema: typeof DISCLOSURE_SCHEMA;
  source: Source;
  edition: Edition;
  device: Device;
  answers: Answer[];
  notes: Note[];
  /** Free text of the form's "other security considerations" part, if any. */
  otherConsiderations?: string;
  problems: Problem[];
}
