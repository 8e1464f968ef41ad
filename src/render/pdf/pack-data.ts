/** Colors, orderings and file names shared by the evidence pack and the annotated workbook. */

import { basename } from "node:path";
import {
  SEVERITIES,
  type CapabilityStatus,
  type Finding,
  type Severity,
} from "../../model/assessment.js";
import { SEVERITY_SWATCHES, STATUS_SWATCHES } from "../palette.js";

/** Text colors (hex) for capability statuses, as in the HTML report. */
export const STATUS_COLORS = Object.fromEntries(
  Object.entries(STATUS_SWATCHES).map(([status, swatch]) => [
    status,
    swatch.color,
  ]),
) as Record<CapabilityStatus, string>;

export const SEVERITY_COLORS = Object.fromEntries(
  Object.entries(SEVERITY_SWATCHES).map(([severity, swatch]) => [
    severity,
    swatch.color,
  ]),
) as Record<Severity, string>;

/** Ranks a severity: 0 for critical, up to 4 for info. */
export function severityRank(severity: Severity): number {
  const rank = SEVERITIES.indexOf(severity);
  return rank < 0 ? SEVERITIES.length : rank;
}

export interface AttachmentNames {
  source: string;
  disclosure: string;
  assessment: string;
}

/**
 * Safe attachment names derived from the vendor's file name: the base name
 * only, with characters other than letters, digits, `.`, `-` and `_` replaced.
 */
export function attachmentNames(sourceFile: string): AttachmentNames {
  const base = basename(sourceFile.replaceAll("\\", "/")) || "source";
  const safe =
    base
      .replace(/[^A-Za-z0-9._-]+/g, "_")
      .replace(/^\.+/, "")
      .slice(0, 120) || "source";
  const stem = safe.replace(/\.[A-Za-z0-9]{1,5}$/, "");
  return {
    source: safe,
    disclosure: `${stem}.disclosure.json`,
    assessment: `${stem}.assessment.json`,
  };
}

/** Findings, most severe first, then by ID so the order is stable. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      a.id.localeCompare(b.id),
  );
}
