/** Display labels, symbols and colors for statuses, severities and answer values. */

import type {
  CapabilityStatus,
  Claim,
  EvidenceResult,
  Severity,
} from "../../model/assessment.js";
import type { AnswerValue } from "../../model/disclosure.js";

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

export const STATUS_MEANINGS: Record<CapabilityStatus, string> = {
  contradicted: "claimed, but evidence shows a mapped control failing",
  gap: "denied or undisclosed although mapped controls exist",
  unsupported: "claimed, but no mapped control backs it",
  unverified: "claimed, controls exist, no evidence given",
  verified: "claimed, and evidence shows its mapped controls pass",
  "not-applicable": "answered N/A consistently",
  "not-assessed": "the edition has no questions for it",
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

export const ANSWER_LABELS: Record<AnswerValue, string> = {
  yes: "Yes",
  no: "No",
  na: "N/A",
  "see-note": "See note",
  unanswered: "Unanswered",
  text: "Text",
  unrecognized: "Unrecognized",
};

export const CLAIM_LABELS: Record<Claim, string> = {
  claimed: "Claimed",
  denied: "Denied",
  "not-applicable": "Not applicable",
  undisclosed: "Undisclosed",
  "not-asked": "Not asked",
};

export const EVIDENCE_LABELS: Record<EvidenceResult, string> = {
  pass: "Pass",
  fail: "Fail",
  "not-checked": "Not checked",
  error: "Error",
  "not-applicable": "Not applicable",
};

export const PLATFORM_SOURCES = {
  option: "given with --platform",
  disclosure: "detected from the disclosure text",
  default: "assumed, because the disclosure names no platform",
} as const;
