/**
 * Stable error codes. The CLI prints `Mds2Error` as one line and exits 2;
 * any other error is a bug and keeps its stack.
 */
export type ErrorCode =
  | "usage"
  | "input.not-found"
  | "input.empty"
  | "input.too-large"
  | "input.truncated"
  | "input.unsupported-format"
  | "input.encrypted"
  | "input.xfa"
  | "input.image-only"
  | "input.not-mds2"
  | "input.invalid"
  | "mapping.invalid"
  | "evidence.invalid"
  | "output.failed"
  | "timeout";

export interface ErrorDetails {
  /** The file at fault, as the user named it. */
  file?: string;
  /** Place inside the file: `sheet!C14`, `page 3`, `field ALOF-1`, `row 12`. */
  location?: string;
  /** Advice for the user: the next step that fixes the problem. */
  hint?: string;
  cause?: unknown;
}

export class Mds2Error extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly location: string | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? {} : { cause: details.cause });
    this.name = "Mds2Error";
    this.code = code;
    this.file = details.file;
    this.location = details.location;
    this.hint = details.hint;
  }

  /** Copy of this error attributed to `file`, unless it already names one. */
  withFile(file: string): Mds2Error {
    if (this.file !== undefined) return this;
    return new Mds2Error(this.code, this.message, {
      file,
      location: this.location,
      hint: this.hint,
      cause: this.cause,
    });
  }

  /** Formats the error as one line: `file: location: message. hint`. */
  toLine(): string {
    return formatErrorLine(this.message, this);
  }
}

/** Formats `file: location: message. hint`, leaving out the parts not given. */
export function formatErrorLine(
  message: string,
  details: ErrorDetails,
): string {
  const place = [details.file, details.location].filter(Boolean).join(": ");
  const text = place ? `${place}: ${message}` : message;
  if (!details.hint) return text;
  const separator = /[.!?]$/.test(text) ? " " : ". ";
  return `${text}${separator}${details.hint}`;
}

export function isMds2Error(error: unknown): error is Mds2Error {
  return error instanceof Mds2Error;
}
