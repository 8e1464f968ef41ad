/** The error for a mapping or evidence file that cannot be read. */

import { Mds2Error } from "../errors.js";

/** Turns a failed `readFile` of a mapping or evidence file into a one-line error. */
export function readError(
  error: unknown,
  path: string,
  kind: "mapping" | "evidence",
): Mds2Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return new Mds2Error("input.not-found", `${kind} file not found`, {
      file: path,
      hint: "Check the path.",
      cause: error,
    });
  }
  if (code === "EISDIR") {
    return new Mds2Error("input.invalid", `is a folder, not a ${kind} file`, {
      file: path,
      hint: `Name the ${kind} file itself.`,
      cause: error,
    });
  }
  return new Mds2Error(
    "input.invalid",
    `cannot read the ${kind} file (${code ?? String(error)})`,
    {
      file: path,
      hint: "Check that the file exists and is readable.",
      cause: error,
    },
  );
}
