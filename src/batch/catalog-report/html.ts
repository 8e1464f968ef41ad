/**
 * The catalog report page, `index.html`: one self-contained file from
 * Handlebars templates, produced in chunks so that only one device's rows
 * are in memory at a time.
 */

import { readFileSync } from "node:fs";
import path from "node:path";
import Handlebars from "handlebars";
import { CAPABILITY_STATUSES, SEVERITIES } from "../../model/assessment.js";
import {
  SEVERITY_SWATCHES,
  STATUS_MEANINGS,
  STATUS_SWATCHES,
} from "../../render/html/labels.js";
import { TEMPLATES_DIR } from "../../render/html/index.js";
import { escapeVendorStrings } from "../../render/vendor-text.js";
import type { Catalog } from "../catalog/index.js";
import {
  CAPABILITY_COLUMNS,
  iterateDevices,
  readCatalogTotals,
  readIssues,
  readLatestRun,
  type DeviceEntry,
  type DisclosureRow,
} from "./rows.js";

const PAGE_TEMPLATE = path.join("catalog", "index.hbs");
const ROW_TEMPLATE = path.join("catalog", "device-row.hbs");

/** The line of the page template that the device rows replace. */
const ROWS_SLOT = "<!-- device rows -->";

/** Rows are joined into chunks of about this many characters before they are written. */
const CHUNK_CHARS = 64 * 1024;

let templates:
  | { page: Handlebars.TemplateDelegate; row: Handlebars.TemplateDelegate }
  | undefined;

/**
 * Yields the catalog page in chunks: the page up to the device table, the
 * device rows, then the rest. Vendor text reaches the templates as data,
 * with its control characters and direction overrides shown as escapes, and
 * the templates HTML-escape it.
 */
export function* renderCatalogHtml(
  catalog: Catalog,
  catalogName: string,
): Generator<string, void, undefined> {
  templates ??= compileTemplates();
  const page = templates.page(
    escapeVendorStrings(pageModel(catalog, catalogName)),
  );

  const slot = page.indexOf(ROWS_SLOT);
  if (slot === -1) {
    // The page has no device table when the catalog contains no disclosure.
    yield page;
    return;
  }
  yield page.slice(0, page.lastIndexOf("\n", slot) + 1);

  let chunk = "";
  for (const device of iterateDevices(catalog)) {
    chunk += templates.row(escapeVendorStrings(deviceModel(device)));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;

  yield page.slice(page.indexOf("\n", slot) + 1);
}

function compileTemplates(): NonNullable<typeof templates> {
  const handlebars = Handlebars.create();
  const compile = (file: string): Handlebars.TemplateDelegate =>
    handlebars.compile(readFileSync(path.join(TEMPLATES_DIR, file), "utf8"), {
      preventIndent: true,
    });
  return { page: compile(PAGE_TEMPLATE), row: compile(ROW_TEMPLATE) };
}

// Handlebars reads only own properties, so the models are plain object literals.
function pageModel(
  catalog: Catalog,
  catalogName: string,
): Record<string, unknown> {
  const totals = readCatalogTotals(catalog);
  const issues = readIssues(catalog);

  return {
    title: "MDS2 catalog",
    generatedAt: new Date().toISOString(),
    catalogName,
    run: readLatestRun(catalog),
    capabilities: CAPABILITY_COLUMNS,
    legend: CAPABILITY_STATUSES.map((key) => ({
      key,
      label: STATUS_SWATCHES[key].label,
      symbol: STATUS_SWATCHES[key].symbol,
      meaning: STATUS_MEANINGS[key],
    })),
    statusStyles: CAPABILITY_STATUSES.map((key) => ({
      key,
      ...STATUS_SWATCHES[key],
    })),
    severityStyles: SEVERITIES.map((key) => ({
      key,
      ...SEVERITY_SWATCHES[key],
    })),
    severities: SEVERITIES.map((key) => ({
      key,
      label: SEVERITY_SWATCHES[key].label,
    })),
    deviceCount: totals.devices,
    totals: {
      disclosures: totals.disclosures,
      findings: SEVERITIES.map((key) => ({
        label: SEVERITY_SWATCHES[key].label,
        count: totals.latestFindings[key],
      })),
    },
    hasEarlier: totals.disclosures > totals.devices,
    failures: issues.filter((issue) => issue.state === "failed"),
    skips: issues.filter((issue) => issue.state === "skipped"),
  };
}

function deviceModel({
  latest,
  earlier,
}: DeviceEntry): Record<string, unknown> {
  return {
    manufacturer: latest.manufacturer || "(manufacturer not given)",
    model: latest.model || "(model not given)",
    ...disclosureLink(latest),
    edition: latest.edition,
    releaseDate: latest.releaseDate,
    platform: latest.platform,
    cells: CAPABILITY_COLUMNS.map(({ code }) => statusCell(code, latest)),
    findings: SEVERITIES.map((key) => ({ key, count: latest.findings[key] })),
    earlier: earlier.map(disclosureLink),
  };
}

function statusCell(code: string, row: DisclosureRow): Record<string, string> {
  const status = row.statuses.get(code);
  if (status === undefined || !(status in STATUS_SWATCHES)) {
    return { code, key: "none", label: status ?? "not listed", symbol: "" };
  }
  const swatch = STATUS_SWATCHES[status as keyof typeof STATUS_SWATCHES];
  return { code, key: status, label: swatch.label, symbol: swatch.symbol };
}

function disclosureLink(row: DisclosureRow): {
  label: string;
  href: string | undefined;
} {
  const label =
    row.documentId || path.posix.basename(row.sourcePath.replaceAll("\\", "/"));
  return { label, href: reportHref(row.outputs) };
}

/** Picks the device's main report among its outputs: HTML, else the assessment JSON. */
export function mainReport(outputs: readonly string[]): string | undefined {
  return (
    outputs.find((output) => output.endsWith(".html")) ??
    outputs.find((output) => output.endsWith(".assessment.json")) ??
    outputs[0]
  );
}

/**
 * Returns a relative link to the main report, each path segment
 * percent-encoded, or undefined when the stored path is not a plain
 * relative path inside the output folder.
 */
export function reportHref(outputs: readonly string[]): string | undefined {
  const report = mainReport(outputs);
  if (report === undefined) return undefined;
  const segments = report.split("/");
  if (
    segments.some(
      (segment) => segment === "" || segment === "." || segment === "..",
    )
  ) {
    return undefined;
  }
  if (segments[0]?.includes(":")) return undefined;
  return segments.map((segment) => encodeURIComponent(segment)).join("/");
}
