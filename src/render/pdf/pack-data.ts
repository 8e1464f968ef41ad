/** Colors, orderings and file names shared by the evidence pack and the annotated workbook. */

import { basename } from "node:path";
import {
  SEVERITIES,
  type CapabilityStatus,
  type Finding,
  type Severity,
} from "../../model/assessment.js";

/** Text colors (hex) for capability statuses: red for bad news, green for verified. */
export const STATUS_COLORS: Record<CapabilityStatus, string> = {
  contradicted: "#b91c1c",
  gap: "#c2410c",
  unsupported: "#a16207",
  unverified: "#1d4ed8",
  verified: "#15803d",
  "not-applicable": "#6b7280",
  "not-assessed": "#6b7280",
};

export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "#7f1d1d",
  high: "#b91c1c",
  medium: "#c2410c",
  low: "#a16207",
  info: "#1d4ed8",
};

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
