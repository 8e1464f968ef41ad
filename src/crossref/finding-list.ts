/** Collects findings and gives each a stable, unique ID. */

import type { Finding, Severity } from "../model/assessment.js";
import { SEVERITIES } from "../model/assessment.js";

export type NewFinding = Omit<Finding, "id" | "questions" | "controls"> & {
  questions?: string[];
  controls?: string[];
};

export class FindingList {
  readonly findings: Finding[] = [];
  private readonly used = new Set<string>();

  /**
   * Adds a finding under `F-<subject>-<kind>`, or `F-<kind>` without a
   * subject. A repeated ID gets `-2`, `-3` in the order findings are added,
   * which is form order.
   */
  add(subject: string, finding: NewFinding): Finding {
    const base = subject ? `F-${subject}-${finding.kind}` : `F-${finding.kind}`;
    let id = base;
    for (let suffix = 2; this.used.has(id); suffix++) id = `${base}-${suffix}`;
    this.used.add(id);

    const complete: Finding = {
      id,
      kind: finding.kind,
      severity: finding.severity,
      ...(finding.capability ? { capability: finding.capability } : {}),
      questions: finding.questions ?? [],
      controls: finding.controls ?? [],
      message: finding.message,
      ...(finding.location ? { location: finding.location } : {}),
    };
    this.findings.push(complete);
    return complete;
  }

  /** Findings most severe first, keeping the order they were added within one severity. */
  sorted(): Finding[] {
    const rank = (severity: Severity) => SEVERITIES.indexOf(severity);
    return [...this.findings].sort(
      (a, b) => rank(a.severity) - rank(b.severity),
    );
  }
}
