/** The annotated HTML report: one self-contained file from Handlebars templates. */

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { Assessment } from "../../model/assessment.js";
import type { Disclosure } from "../../model/disclosure.js";
import { escapeVendorStrings } from "../vendor-text.js";
import { safeHref } from "./safe-url.js";
import { buildReportView } from "./view-model.js";

export { safeHref, linkify } from "./safe-url.js";
export { buildReportView, type ReportView } from "./view-model.js";

/**
 * The package's `templates/` folder. This module sits three levels below the
 * package root both as `src/render/html/index.ts` and as
 * `dist/render/html/index.js`, so one relative URL serves both.
 */
export const TEMPLATES_DIR = fileURLToPath(
  new URL("../../../templates/", import.meta.url),
);

const MAIN_TEMPLATE = "report.hbs";
const PARTIALS_DIR = "partials";

let compiled: Handlebars.TemplateDelegate | undefined;

/**
 * Renders the analyst's report. Templates are read only from the package's
 * own folder; vendor text reaches them as data and is escaped by `{{ }}`,
 * and the templates isolate its direction with `<bdi>` or CSS.
 */
export function renderHtml(
  disclosure: Disclosure,
  assessment: Assessment,
): string {
  compiled ??= compileReport(TEMPLATES_DIR);
  // A JSON round trip leaves only own, plain properties, which is all that
  // Handlebars' default prototype protection lets templates read. Handlebars
  // escapes markup but passes control characters through, so those are made
  // visible here.
  const view = JSON.parse(
    JSON.stringify(buildReportView(disclosure, assessment)),
  ) as unknown;
  return compiled(escapeVendorStrings(view));
}

function compileReport(folder: string): Handlebars.TemplateDelegate {
  const handlebars = Handlebars.create();
  handlebars.registerHelper("safe-url", (value: unknown) => safeHref(value));
  handlebars.registerHelper("eq", (a: unknown, b: unknown) => a === b);

  const partialsFolder = path.join(folder, PARTIALS_DIR);
  for (const entry of readdirSync(partialsFolder)) {
    if (!entry.endsWith(".hbs")) continue;
    const name = entry.slice(0, -".hbs".length);
    // The file's final newline would otherwise land inside inline text.
    const partial = readFileSync(
      path.join(partialsFolder, entry),
      "utf8",
    ).replace(/\n$/, "");
    handlebars.registerPartial(name, partial);
  }

  const source = readFileSync(path.join(folder, MAIN_TEMPLATE), "utf8");
  return handlebars.compile(source, { preventIndent: true });
}
