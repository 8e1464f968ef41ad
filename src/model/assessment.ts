/** The cross-reference of one disclosure: `mds2.assessment/1`. */

import type { Device, Edition, Source } from "./disclosure.js";

export const ASSESSMENT_SCHEMA = "mds2.assessment/1";

export type CapabilityStatus =
  | "verified"
  | "contradicted"
  | "unverified"
  | "unsupported"
  | "gap"
  | "not-applicable"
  | "not-assessed";

export const CAPABILITY_STATUSES: readonly CapabilityStatus[] = [
  "contradicted",
  "gap",
  "unsupported",
  "unverified",
  "verified",
  "not-applicable",
  "not-assessed",
];

export type Severity = "critical" | "high" | "medium" | "low" | "info";

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = [
  "critical",
  "high",
  "medium",
  "low",
  "info",
];

/** What the disclosure says about a capability, before any evidence. */
export type Claim =
  "claimed" | "denied" | "not-applicable" | "undisclosed" | "not-asked";

export type EvidenceResult =
  "pass" | "fail" | "not-checked" | "error" | "not-applicable";

export interface CisReference {
  benchmark: string;
  version: string;
  recommendation: string;
  level?: string;
}

/** One mapped control as seen for this disclosure's platform and evidence. */
export interface ControlAssessment {
  id: string;
  title: string;
  role: "primary" | "secondary";
  /** False when the control does not exist on the detected platform; shown as reference only. */
  applicable: boolean;
  expected: string;
  key: string;
  cis: CisReference[];
  evidence?: {
    result: EvidenceResult;
    source: string;
    observed?: string;
    comment?: string;
  };
  tension?: string;
}

export interface Finding {
  /** Stable within one assessment, e.g. `F-ALOF-gap`, so links and diffs can point at it. */
  id: string;
  kind: string;
  severity: Severity;
  capability?: string;
  questions: string[];
  controls: string[];
  message: string;
  location?: string;
}

export interface CapabilityAssessment {
  code: string;
  name: string;
  status: CapabilityStatus;
  claim: Claim;
  /** Question IDs of the disclosure that bear on this capability. */
  questions: string[];
  controls: ControlAssessment[];
  /** IDs of the findings about this capability. */
  findings: string[];
}

export interface PlatformDetection {
  /** e.g. `win7`, `winxp`, `win10`, `linux`, `rtos`, `none`, `unknown`. */
  id: string;
  name: string;
  from: "option" | "disclosure" | "default";
  /** Text that led to the detection, with its location. */
  evidence: { text: string; location?: string }[];
  /** ISO date when the vendor's support ended, if it has. */
  endOfSupport?: string;
  /** Edition nuances of the support dates (long-term servicing, embedded, paid updates). */
  note?: string;
  /** True when the text suggests a long-term servicing edition, whose support runs longer. */
  longTermServicing?: boolean;
}

export interface Assessment {
  schema: typeof ASSESSMENT_SCHEMA;
  source: Source;
  edition: Edition;
  device: Device;
  platform: PlatformDetection;
  mapping: { name: string; controls: number };
  evidence: {
    files: string[];
    /** Results that matched no control in the mapping. */
    unmatched: {
      source: string;
      id: string;
      result: EvidenceResult;
      title?: string;
    }[];
  };
  capabilities: CapabilityAssessment[];
  findings: Finding[];
  summary: {
    byStatus: Record<CapabilityStatus, number>;
    bySeverity: Record<Severity, number>;
  };
}
