/** The cross-reference: a disclosure against a mapping and optional evidence. */

import { Mds2Error } from "../errors.js";
import type { EditionData } from "../forms/edition-data.js";
import type { Mapping } from "../mapping/control.js";
import type { EvidenceSet } from "../mapping/evidence/types.js";
import {
  ASSESSMENT_SCHEMA,
  CAPABILITY_STATUSES,
  SEVERITIES,
  type Assessment,
  type CapabilityStatus,
  type PlatformDetection,
  type Severity,
} from "../model/assessment.js";
import { CAPABILITIES } from "../model/capabilities.js";
import type { Disclosure } from "../model/disclosure.js";
import { addAnswerFindings } from "./answer-findings.js";
import { assessCapability } from "./capability-status.js";
import { claimFor, indexEdition } from "./claims.js";
import { addConsistencyFindings } from "./consistency.js";
import { FindingList } from "./finding-list.js";
import { matchEvidence } from "./match-evidence.js";
import { detectPlatform, PLATFORMS, platformFromOption } from "./platform.js";

export interface AssessOptions {
  mapping: Mapping;
  evidence?: EvidenceSet;
  /** Platform ID that overrides detection, e.g. `win7`. */
  platform?: string;
  /** ISO date the end-of-support check is made against; defaults to the current date. */
  today?: string;
}

/**
 * Cross-references a disclosure with the edition's question data. `assess`
 * in `index.ts` supplies the built-in edition data; this takes it as an
 * argument so the cross-reference stays free of any loading.
 */
export function assessWithEdition(
  disclosure: Disclosure,
  edition: EditionData,
  options: AssessOptions,
): Assessment {
  const index = indexEdition(edition);
  const findings = new FindingList();
  const platform = resolvePlatform(disclosure, options.platform);
  const evidence = matchEvidence(options.evidence, options.mapping);

  addPlatformFindings(
    disclosure,
    platform,
    options.today ?? currentDate(),
    findings,
  );

  const capabilities = CAPABILITIES.map((capability) =>
    assessCapability(capability, claimFor(disclosure, index, capability.code), {
      disclosure,
      mapping: options.mapping,
      platformId: platform.id,
      platformName: platform.name,
      evidence,
      findings,
    }),
  );

  addAnswerFindings(disclosure, index, findings);
  addConsistencyFindings(disclosure, index, findings);

  // Question-level findings about a capability are listed on it too.
  for (const capability of capabilities) {
    const ids = findings.findings
      .filter((finding) => finding.capability === capability.code)
      .map((finding) => finding.id);
    capability.findings = [...new Set([...capability.findings, ...ids])];
  }

  const sorted = findings.sorted();
  return {
    schema: ASSESSMENT_SCHEMA,
    source: disclosure.source,
    edition: disclosure.edition,
    device: disclosure.device,
    platform,
    mapping: {
      name: options.mapping.name,
      controls: options.mapping.controls.length,
    },
    evidence: {
      files: options.evidence?.files ?? [],
      unmatched: evidence.unmatched.map((item) => ({
        source: item.location
          ? `${item.source}: ${item.location}`
          : item.source,
        id: item.id,
        result: item.result,
        ...(item.title ? { title: item.title } : {}),
      })),
    },
    capabilities,
    findings: sorted,
    summary: {
      byStatus: countBy(
        CAPABILITY_STATUSES,
        capabilities.map((capability) => capability.status),
      ),
      bySeverity: countBy(
        SEVERITIES,
        sorted.map((finding) => finding.severity),
      ),
    },
  };
}

function resolvePlatform(
  disclosure: Disclosure,
  option: string | undefined,
): PlatformDetection {
  if (option === undefined) return detectPlatform(disclosure);
  const platform = platformFromOption(option);
  if (platform) return platform;
  throw new Mds2Error("usage", `unknown platform "${option}"`, {
    hint: `Use one of: ${PLATFORMS.map((known) => known.id).join(", ")}.`,
  });
}

function addPlatformFindings(
  disclosure: Disclosure,
  platform: PlatformDetection,
  today: string,
  findings: FindingList,
): void {
  const location = platform.evidence[0]?.location;
  const rdmp = disclosure.answers
    .filter((answer) => answer.section === "RDMP" || answer.id === "CSUP-2")
    .map((answer) => answer.id);

  if (platform.endOfSupport && platform.endOfSupport <= today) {
    const servicing = platform.longTermServicing
      ? " The text suggests a long-term servicing edition, whose support may run longer: confirm the edition."
      : "";
    findings.add("", {
      kind: "platform-end-of-support",
      severity: platform.longTermServicing ? "medium" : "high",
      capability: "RDMP",
      questions: rdmp,
      message:
        `${platform.name} has been out of vendor support since ${platform.endOfSupport}: ` +
        `no configuration setting makes it patched again, so plan isolation and replacement.` +
        servicing,
      ...(location ? { location } : {}),
    });
  }

  if (platform.id === "unknown") {
    findings.add("", {
      kind: "platform-unknown",
      severity: "info",
      questions: [],
      message:
        "The disclosure does not name the operating system, so every mapped control is counted; give --platform to narrow them.",
    });
  }
}

function countBy<T extends string>(
  keys: readonly T[],
  values: T[],
): Record<T, number> {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<
    T,
    number
  >;
  for (const value of values) counts[value] += 1;
  return counts;
}

function currentDate(): string {
  return new Date().toISOString().slice(0, 10);
}

export type { CapabilityStatus, Severity };
