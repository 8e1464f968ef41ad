/**
 * PDFs that are not readable forms: an XFA-only form, a scan without a text
 * layer, and text set in a font without a Unicode map.
 */

import { PDFDocument, rgb } from "@cantoo/pdf-lib";

/**
 * Assembles a PDF from object bodies numbered 1…n (object 1 is the catalog),
 * computing the cross-reference table.
 */
export function assemblePdf(objects: string[]): Uint8Array {
  let out = "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets
    .map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`)
    .join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function stream(content: string, dictionary = ""): string {
  return `<< ${dictionary} /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
}

/**
 * Builds a dynamic XFA form: an empty `/Fields` array, the form in an `/XFA`
 * stream, and a page with the text viewers show when they cannot run XFA.
 */
export function buildXfaOnlyPdf(): Uint8Array {
  const xfa =
    '<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/">' +
    '<xfa:data><form><item id="1-1">Yes</item></form></xfa:data></xfa:datasets></xdp:xdp>';
  const content =
    "BT /F1 12 Tf 72 700 Td (Please wait... this form needs a viewer that runs XFA.) Tj ET";
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA 5 0 R >> /NeedsRendering true >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 6 0 R >> >> /Contents 4 0 R >>",
    stream(content),
    stream(xfa),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

/** Builds a scanned page: a drawn rectangle and an embedded image, no text and no fields. */
export async function buildImageOnlyPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const page = document.addPage([612, 792]);
  page.drawRectangle({
    x: 50,
    y: 400,
    width: 500,
    height: 300,
    color: rgb(0.9, 0.9, 0.9),
  });
  // A 1×1 grey PNG takes the place of the scanned image.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABc3UBGAAAAABJRU5ErkJggg==",
    "base64",
  );
  const image = await document.embedPng(png);
  page.drawImage(image, { x: 60, y: 410, width: 480, height: 280 });
  return document.save();
}

/**
 * Text in a simple font whose `/Encoding /Differences` maps its codes to
 * made-up glyph names and that has no `/ToUnicode` map, as "printed to PDF"
 * forms often have. With `readableLines`, some lines use Helvetica as well.
 */
export function buildNoToUnicodePdf(readableLines: string[] = []): Uint8Array {
  const undecodable = [1, 2, 3, 4, 5, 6]
    .map(
      (line) =>
        `BT /F1 10 Tf 72 ${700 - line * 14} Td <0102030405060708090a> Tj ET`,
    )
    .join("\n");
  const readable = readableLines
    .map(
      (text, index) => `BT /F2 10 Tf 72 ${740 - index * 14} Td (${text}) Tj ET`,
    )
    .join("\n");
  const widths = Array.from({ length: 10 }, () => 500).join(" ");
  const names = Array.from({ length: 10 }, (_, index) => `/g${index + 1}`).join(
    " ",
  );
  return assemblePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>",
    `<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+FormFont /FirstChar 1 /LastChar 10 /Widths [${widths}] /Encoding << /Type /Encoding /Differences [1 ${names}] >> >>`,
    stream(`${readable}\n${undecodable}`),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}
