import { it } from "vitest";
import { PDFDocument } from "@cantoo/pdf-lib";
import { buildHn12013FormPdf, encryptPdf } from "../helpers/pdf-2013-form.js";
import { parseDisclosure } from "../../src/parse.js";
import { openPdfjsDocument } from "../../src/read/pdf/pdfjs.js";
import { readPdf } from "../../src/read/pdf/index.js";
it("t", async () => {
  const f = await buildHn12013FormPdf();
  let t = performance.now();
  const enc = await encryptPdf(f.bytes, "");
  console.log("encrypt", performance.now() - t, enc.length, f.bytes.length);
  for (const [name, b] of [
    ["plain", f.bytes],
    ["enc", enc],
  ] as const) {
    for (let i = 0; i < 2; i++) {
      t = performance.now();
      const d = await openPdfjsDocument(b, "x");
      console.log(name, "pdfjs open", performance.now() - t);
      t = performance.now();
      for (let p = 1; p <= d.numPages; p++) {
        const pg = await d.getPage(p);
        await pg.getTextContent();
        await pg.getAnnotations();
      }
      console.log(name, "pdfjs pages", performance.now() - t);
      await d.destroy();
      t = performance.now();
      await PDFDocument.load(b, { password: "" });
      console.log(name, "pdf-lib load", performance.now() - t);
      t = performance.now();
      await readPdf(b, "x");
      console.log(name, "readPdf", performance.now() - t);
      t = performance.now();
      await parseDisclosure(b, "x");
      console.log(name, "parse", performance.now() - t);
    }
  }
});
