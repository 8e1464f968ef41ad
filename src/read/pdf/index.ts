/**
 * The PDF reader: fillable forms become form fields plus the page text
 * (labels), flattened forms become a rebuilt grid when the page shows the
 * 2019 column captions, and text lines otherwise.
 */

import { Mds2Error } from "../../errors.js";
import type { Problem } from "../../model/disclosure.js";
import type { FormField, SourceContent, TextLine } from "../source-content.js";
import {
  groupLines,
  joinItems,
  readPageText,
  undecodableShare,
  type PageLine,
} from "./page-text.js";
import { openPdfjsDocument, type PdfjsDocument } from "./pdfjs.js";
import { rebuildGrid } from "./text-grid.js";

/** A line whose characters are more than this share undecodable is left out. */
const UNDECODABLE_LINE_SHARE = 0.3;

interface PdfjsAnnotation {
  subtype?: string;
  fieldName?: string;
  fieldType?: string;
  fieldValue?: unknown;
  checkBox?: boolean;
  radioButton?: boolean;
  pushButton?: boolean;
  rect?: number[];
}

interface PageContent {
  lines: PageLine[];
  height: number;
}

/** Reads a PDF named `file` into form fields, a rebuilt grid, or text lines. */
export async function readPdf(
  bytes: Uint8Array,
  file: string,
): Promise<SourceContent> {
  const document = await openPdfjsDocument(bytes, file);
  try {
    return await readOpenDocument(document, bytes, file);
  } finally {
    await document.destroy();
  }
}

async function readOpenDocument(
  document: PdfjsDocument,
  bytes: Uint8Array,
  file: string,
): Promise<SourceContent> {
  const { info } = await document.getMetadata();
  const flags = info as { IsAcroFormPresent?: boolean; IsXFAPresent?: boolean };
  const pages: PageContent[] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    pages.push(await readPage(document, pageNumber));
  }

  const problems: Problem[] = [];
  const lines = decodableLines(pages, problems);
  const fields = await formFields(
    document,
    bytes,
    Boolean(flags.IsAcroFormPresent),
    problems,
  );
  if (fields.length > 0) {
    return {
      kind: "form",
      format: "pdf-form",
      fields,
      lines: toTextLines(lines),
      problems,
    };
  }

  if (flags.IsXFAPresent) {
    throw new Mds2Error(
      "input.xfa",
      "XFA form: not supported; export the form to a regular PDF or workbook",
      { file },
    );
  }
  return textContent(pages, lines, problems, file);
}

async function readPage(
  document: PdfjsDocument,
  pageNumber: number,
): Promise<PageContent> {
  const page = await document.getPage(pageNumber);
  const [, , , top = 792] = page.view;
  const items = await readPageText(page);
  page.cleanup();
  return { lines: groupLines(items, pageNumber), height: top };
}

/**
 * Form fields from pdf-lib's walk over the widget dictionaries. When the
 * file has no AcroForm, or pdf-lib cannot load it, the widgets pdfjs finds on
 * the pages are used instead (pdf-lib is skipped when there is no AcroForm
 * because loading it costs more than asking pdfjs for the annotations).
 */
async function formFields(
  document: PdfjsDocument,
  bytes: Uint8Array,
  hasAcroForm: boolean,
  problems: Problem[],
): Promise<FormField[]> {
  // pdf-lib is imported only for a file with an AcroForm.
  const result = hasAcroForm
    ? await (await import("./form-fields.js")).readFormFields(bytes)
    : undefined;
  if (result) {
    problems.push(...result.problems);
    return result.fields;
  }
  const widgets: FormField[] = [];
  for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
    const page = await document.getPage(pageNumber);
    const annotations = (await page.getAnnotations()) as PdfjsAnnotation[];
    widgets.push(
      ...annotations.flatMap((annotation) =>
        widgetField(annotation, pageNumber),
      ),
    );
  }
  const byName = new Map<string, FormField>();
  for (const field of widgets) {
    const known = byName.get(field.name);
    if (!known) byName.set(field.name, field);
    else if (known.value === "" || known.value === "Off")
      known.value = field.value;
  }
  return [...byName.values()];
}

/**
 * Converts a widget as pdfjs 5.4 reports it. pdfjs takes a checkbox's state from its
 * appearance and reports a radio group's raw state name, which is an index
 * when the labels sit in `/Opt`.
 */
function widgetField(
  annotation: PdfjsAnnotation,
  pageNumber: number,
): FormField[] {
  if (
    annotation.subtype !== "Widget" ||
    !annotation.fieldName ||
    annotation.pushButton
  )
    return [];
  const raw = annotation.fieldValue;
  const text = Array.isArray(raw)
    ? raw.map(String).join(", ")
    : raw == null
      ? ""
      : String(raw);
  let kind: FormField["kind"] = "other";
  let value = text;
  if (annotation.checkBox) {
    kind = "checkbox";
    value = text === "" || text === "Off" ? "Off" : "Yes";
  } else if (annotation.radioButton) {
    kind = "radio";
    value = text === "Off" ? "" : text;
  } else if (annotation.fieldType === "Ch") {
    kind = "dropdown";
  } else if (annotation.fieldType === "Tx") {
    kind = "text";
  }
  const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = annotation.rect ?? [];
  return [
    {
      name: annotation.fieldName,
      kind,
      value,
      page: pageNumber,
      location: `page ${pageNumber}, field ${annotation.fieldName}`,
      rect: [x1, y1, x2, y2],
    },
  ];
}

/**
 * Leaves out lines set in fonts without a Unicode map (pdfjs turns their
 * glyphs into control or private-use characters) and reports them.
 */
function decodableLines(pages: PageContent[], problems: Problem[]): PageLine[] {
  const kept: PageLine[] = [];
  const droppedPerPage = new Map<number, number>();
  for (const line of pages.flatMap((page) => page.lines)) {
    if (undecodableShare(joinItems(line.items)) > UNDECODABLE_LINE_SHARE) {
      droppedPerPage.set(line.page, (droppedPerPage.get(line.page) ?? 0) + 1);
    } else {
      kept.push(line);
    }
  }
  for (const [page, count] of droppedPerPage) {
    problems.push({
      code: "pdf.text-undecodable",
      severity: "warning",
      message: `${count} line(s) use a font without a Unicode map and cannot be read; they are left out`,
      location: `page ${page}`,
    });
  }
  return kept;
}

function textContent(
  pages: PageContent[],
  lines: PageLine[],
  problems: Problem[],
  file: string,
): SourceContent {
  const hadText = pages.some((page) => page.lines.length > 0);
  if (!hadText) {
    throw new Mds2Error(
      "input.image-only",
      "image-only PDF (no text layer); OCR is not supported",
      {
        file,
        hint: "Ask the vendor for the workbook or a PDF with selectable text.",
      },
    );
  }
  if (lines.length === 0) {
    throw new Mds2Error(
      "input.invalid",
      "PDF text cannot be decoded: its fonts have no Unicode map",
      {
        file,
        hint: "Ask the vendor for the workbook or a PDF exported with Unicode fonts.",
      },
    );
  }

  const heights = new Map(pages.map((page, index) => [index + 1, page.height]));
  const sheet = rebuildGrid(lines, heights);
  if (sheet)
    return { kind: "grid", format: "pdf-text", sheets: [sheet], problems };
  return {
    kind: "lines",
    format: "pdf-text",
    lines: toTextLines(lines),
    problems,
  };
}

function toTextLines(lines: PageLine[]): TextLine[] {
  const counters = new Map<number, number>();
  return lines.map((line) => {
    const number = (counters.get(line.page) ?? 0) + 1;
    counters.set(line.page, number);
    const first = line.items[0];
    const x1 = first?.x ?? 0;
    const x2 = Math.max(...line.items.map((item) => item.endX));
    return {
      text: joinItems(line.items),
      location: `page ${line.page}, line ${number}`,
      page: line.page,
      box: [x1, line.y, x2, line.y + line.size],
    };
  });
}
