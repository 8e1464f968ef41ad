/** Output of the `convert` and `diff` commands: standard output or a file written atomically. */

import writeFileAtomic from "write-file-atomic";
import { Mds2Error } from "../../errors.js";
import { rejectInputAsOutput } from "../../render/write-outputs.js";

/**
 * Writes `content` to `path` through a temporary file renamed into place, or
 * to standard output when no path (or `-`) is given. Rejects a `path` that is
 * one of `inputs`.
 */
export async function writeCommandOutput(
  content: string | Uint8Array,
  path: string | undefined,
  inputs: readonly string[] = [],
): Promise<void> {
  if (path === undefined || path === "-") {
    process.stdout.write(content);
    return;
  }
  await rejectInputAsOutput(path, inputs);
  try {
    await writeFileAtomic(
      path,
      typeof content === "string" ? content : Buffer.from(content),
    );
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Mds2Error(
      "output.failed",
      `cannot write the output (${reason})`,
      {
        file: path,
        hint: "Check that the folder exists and is writable.",
        cause: error,
      },
    );
  }
}
