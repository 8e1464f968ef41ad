/**
 * Lazy access to pdfjs-dist. Importing the library took about 0.1 s in one
 * measurement, so it is loaded on the first PDF only and never for a batch
 * without PDFs.
 */

import { Mds2Error } from "../../errors.js";

type Pdfjs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
export type PdfjsDocument = Awaited<
  ReturnType<Pdfjs["getDocument"]>["promise"]
>;
export type PdfjsPage = Awaited<ReturnType<PdfjsDocument["getPage"]>>;

let pdfjsPromise: Promise<Pdfjs> | undefined;

/** Imports the Node build of pdfjs once. In Node it runs without a worker thread. */
export function loadPdfjs(): Promise<Pdfjs> {
  pdfjsPromise ??= importPdfjs();
  return pdfjsPromise;
}

/**
 * Imports both halves of the pdfjs legacy build, registers the worker half
 * where pdfjs looks for it first, and puts back the built-in
 * `Array.prototype.push`. The build's core-js replaces it with a slower
 * polyfill for every array in the thread. The polyfill differs only for
 * arrays whose length is read-only and array-likes longer than 2^32 - 1,
 * which neither pdfjs nor mds2 uses.
 */
async function importPdfjs(): Promise<Pdfjs> {
  const nativePush = Array.prototype.push;
  try {
    const [pdfjs, worker] = await Promise.all([
      import("pdfjs-dist/legacy/build/pdf.mjs"),
      import("pdfjs-dist/legacy/build/pdf.worker.mjs"),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
    return pdfjs;
  } finally {
    Array.prototype.push = nativePush;
  }
}

/**
 * Opens `bytes` with pdfjs and the empty user password, so files protected
 * by an owner password only open. A file that needs a user password, or that
 * pdfjs cannot parse, throws an `Mds2Error` naming `file`.
 */
export async function openPdfjsDocument(
  bytes: Uint8Array,
  file: string,
): Promise<PdfjsDocument> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs transfers the buffer it is given and rejects a Node Buffer; a
    // plain Uint8Array copy keeps the caller's bytes intact.
    data: new Uint8Array(bytes),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw describeOpenError(error, file);
  }
}

function describeOpenError(error: unknown, file: string): Mds2Error {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new Mds2Error(
      "input.encrypted",
      "encrypted PDF: a password is required to open it",
      {
        file,
        hint: "Ask the vendor for a copy without an open password.",
        cause: error,
      },
    );
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new Mds2Error("input.invalid", `not a readable PDF (${reason})`, {
    file,
    hint: "Check that the file is complete; re-export it from the program that made it.",
    cause: error,
  });
}
