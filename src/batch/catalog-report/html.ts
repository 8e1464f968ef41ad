/** The catalog report page, `index.html`: one self-contained file from a Handlebars template. */

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
import {
  CAPABILITY_COLUMNS,
  zeroCounts,
  type CatalogView,
  type DisclosureRow,
} from "./view.js";

const TEMPLATE = path.join("catalog", "index.hbs");

let compiled: Handlebars.TemplateDelegate | undefined;

/** Renders the catalog page; vendor text reaches the template as data and is escaped. */
export function renderCatalogHtml(
  view: CatalogView,
  catalogName: string,
): string {
  compiled ??= Handlebars.create().compile(
    readFileSync(path.join(TEMPLATES_DIR, TEMPLATE), "utf8"),
    { preventIndent: true },
  );
  // A JSON round trip leaves plain own properties, the only ones Handlebars reads.
  const model = JSON.parse(
    JSON.stringify(buildHtmlModel(view, catalogName)),
  ) as unknown;
  return compiled(model);
}

function buildHtmlModel(
  view: CatalogView,
  catalogName: string,
): Record<string, unknown> {
  const totals = zeroCounts();
  for (const { latest } of view.devices) {
    for (const severity of SEVERITIES)
      totals[severity] += latest.findings[severity];
  }

  return {
    title: "MDS2 catalog",
    generatedAt: new Date().toISOString(),
    catalogName,
    run: view.run,
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
    totals: {
      disclosures: view.disclosures.length,
      findings: SEVERITIES.map((key) => ({
        label: SEVERITY_SWATCHES[key].label,
        count: totals[key],
      })),
    },
    devices: view.devices.map(({ latest, earlier }) => ({
      manufacturer: latest.manufacturer || "(manufacturer not given)",
      model: latest.model || "(model not given)",
      ...disclosureLink(latest),
      edition: latest.edition,
      releaseDate: latest.releaseDate,
      platform: latest.platform,
      cells: CAPABILITY_COLUMNS.map(({ code }) => statusCell(code, latest)),
      findings: SEVERITIES.map((key) => ({ key, count: latest.findings[key] })),
      earlier: earlier.map(disclosureLink),
    })),
    hasEarlier: view.devices.some((device) => device.earlier.length > 0),
    failures: view.issues.filter((issue) => issue.state === "failed"),
    skips: view.issues.filter((issue) => issue.state === "skipped"),
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
