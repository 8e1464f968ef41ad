/** Renderers keyed by output format: each turns one assessed disclosure into files. */

import type { Assessment } from "../model/assessment.js";
import type { Disclosure } from "../model/disclosure.js";

// Each renderer imports its library (handlebars, pdfkit, exceljs) on first
// use, so a run that writes JSON only never loads them.

/** One output file, named by the report's base name plus `suffix`. */
export interface RenderedFile {
  /** Appended to the base name, e.g. `.html` or `.disclosure.json`. */
  suffix: string;
  content: string | Uint8Array;
}

/** What some renderers use besides the records: the original bytes, a fixed time. */
export interface RenderContext {
  /** The vendor's original file, attached to the PDF pack and annotated in the workbook. */
  sourceBytes?: Uint8Array;
  /** Time printed as "generated"; the current time when left out. */
  generatedAt?: Date;
}

export type Renderer = (
  disclosure: Disclosure,
  assessment: Assessment,
  context?: RenderContext,
) => RenderedFile[] | Promise<RenderedFile[]>;

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Every output format `mds2 report --format` accepts, in the order help lists them. */
export const renderers: Record<string, Renderer> = {
  html: async (disclosure, assessment) => {
    const { renderHtml } = await import("./html/index.js");
    return [{ suffix: ".html", content: renderHtml(disclosure, assessment) }];
  },
  json: (disclosure, assessment) => [
    { suffix: ".disclosure.json", content: toJson(disclosure) },
    { suffix: ".assessment.json", content: toJson(assessment) },
  ],
  csv: async (disclosure, assessment) => {
    const { renderAnswersCsv, renderFindingsCsv } = await import("./csv.js");
    return [
      { suffix: ".answers.csv", content: renderAnswersCsv(disclosure) },
      { suffix: ".findings.csv", content: renderFindingsCsv(assessment) },
    ];
  },
  pdf: async (disclosure, assessment, context = {}) => {
    const { renderPdf } = await import("./pdf/index.js");
    return [
      {
        suffix: ".pdf",
        content: await renderPdf(disclosure, assessment, context),
      },
    ];
  },
  xlsx: async (disclosure, assessment, context = {}) => {
    const { renderAnnotatedXlsx } = await import("./xlsx/index.js");
    return [
      {
        suffix: ".annotated.xlsx",
        content: await renderAnnotatedXlsx(disclosure, assessment, context),
      },
    ];
  },
};

export function outputFormats(): string[] {
  return Object.keys(renderers);
}

/** Runs the renderers of `formats` in order and returns all their files. */
export async function renderOutputs(
  disclosure: Disclosure,
  assessment: Assessment,
  formats: readonly string[],
  context: RenderContext = {},
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const format of formats) {
    const renderer = renderers[format];
    if (!renderer) throw new Error(`no renderer for output format "${format}"`);
    files.push(...(await renderer(disclosure, assessment, context)));
  }
  return files;
}
