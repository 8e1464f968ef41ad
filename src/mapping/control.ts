/** A control: one row of a mapping, a configuration setting tied to capabilities. */

import type { CisReference } from "../model/assessment.js";

export type Mechanism =
  | "secedit"
  | "registry"
  | "userright"
  | "auditpol"
  | "firewall"
  | "service"
  | "other";

/** A CIS recommendation number for one benchmark release. */
export interface ControlCisReference extends CisReference {
  /** True when the number names a benchmark section rather than one recommendation. */
  section?: boolean;
}

export interface ControlCapability {
  code: string;
  role: "primary" | "secondary";
}

export interface Control {
  /** Stable slug, e.g. `win.screensaver.timeout`; evidence and findings refer to it. */
  id: string;
  /** Microsoft policy display name or the user's title. */
  title: string;
  mechanism: Mechanism;
  /** `secedit:MinimumPasswordLength`, `HKLM\...!Value`, `auditpol:Logon`. */
  key: string;
  /** Expected value in words, e.g. `<= 900, not 0`. */
  expected: string;
  capabilities: ControlCapability[];
  /** Platform IDs where the setting exists (`winxp`, `win7`, `win8.1`, `win10`, ...). */
  platforms: string[];
  cis: ControlCisReference[];
  /** Related 2019 question IDs. */
  questions: string[];
  /** MDS2 2019 sections with no IEC TR 80001-2-2 capability that the control bears on (`RMOT`, `MPII`, `OTHR`). */
  sections?: string[];
  confidence: {
    fact: "verified" | "known" | "uncertain";
    mapping: "high" | "medium" | "low" | "judgment";
  };
  /** Why applying the control may pull against patient care or availability. */
  tension?: string;
  notes?: string;
  provenance: "derived" | "user";
}

export interface Mapping {
  /** `built-in` or the file it was loaded from. */
  name: string;
  controls: Control[];
}
