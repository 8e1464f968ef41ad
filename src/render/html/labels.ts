/** Display labels, symbols and colors for statuses, severities and answer values. */

import type {
  CapabilityStatus,
  Claim,
  EvidenceResult,
} from "../../model/assessment.js";
import type { AnswerValue } from "../../model/disclosure.js";

export { SEVERITY_SWATCHES, STATUS_SWATCHES, type Swatch } from "../palette.js";

export const STATUS_MEANINGS: Record<CapabilityStatus, string> = {
  contradicted: "claimed, but evidence shows a mapped control failing",
  gap: "denied or undisclosed although mapped controls exist",
  unsupported: "claimed, but no mapped control backs it",
  unverified: "claimed, controls exist, no evidence given",
  verified: "claimed, and evidence shows its mapped controls pass",
  "not-applicable": "answered N/A consistently",
  "not-assessed": "the edition has no questions for it",
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
