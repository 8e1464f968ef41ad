/**
 * Colors of statuses and severities, shared by every renderer so the HTML
 * report, the evidence pack and the annotated workbook agree.
 */

import type { CapabilityStatus, Severity } from "../model/assessment.js";

/**
 * Drawing style of a status or severity. The symbol and label carry the meaning,
 * so the report reads the same in grayscale; the colors only reinforce it.
 */
export interface Swatch {
  label: string;
  symbol: string;
  /** Strong color for bars and borders. */
  color: string;
  /** Light tint for chip backgrounds, readable with dark text. */
  tint: string;
}

export const STATUS_SWATCHES: Record<CapabilityStatus, Swatch> = {
  contradicted: {
    label: "Contradicted",
    symbol: "✗",
    color: "#b42318",
    tint: "#fde4e2",
  },
  gap: { label: "Gap", symbol: "!", color: "#c4320a", tint: "#feecdc" },
  unsupported: {
    label: "Unsupported",
    symbol: "?",
    color: "#7a5af8",
    tint: "#efeafe",
  },
  unverified: {
    label: "Unverified",
    symbol: "~",
    color: "#a15c07",
    tint: "#fef7c3",
  },
  verified: {
    label: "Verified",
    symbol: "✓",
    color: "#067647",
    tint: "#dcfae6",
  },
  "not-applicable": {
    label: "Not applicable",
    symbol: "–",
    color: "#667085",
    tint: "#f2f4f7",
  },
  "not-assessed": {
    label: "Not assessed",
    symbol: "○",
    color: "#98a2b3",
    tint: "#f9fafb",
  },
};

export const SEVERITY_SWATCHES: Record<Severity, Swatch> = {
  critical: {
    label: "Critical",
    symbol: "!!!",
    color: "#7a271a",
    tint: "#fde4e2",
  },
  high: { label: "High", symbol: "!!", color: "#b42318", tint: "#feecdc" },
  medium: { label: "Medium", symbol: "!", color: "#a15c07", tint: "#fef7c3" },
  low: { label: "Low", symbol: "·", color: "#175cd3", tint: "#e0eaff" },
  info: { label: "Info", symbol: "i", color: "#475467", tint: "#f2f4f7" },
};

/** Excel ARGB form of a `#rrggbb` color. */
export function toArgb(color: string): string {
  return `FF${color.slice(1).toUpperCase()}`;
}
