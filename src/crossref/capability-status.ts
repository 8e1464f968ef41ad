/** The status of each capability and the finding that states it. */

import type {
  CapabilityAssessment,
  CapabilityStatus,
  ControlAssessment,
  Severity,
} from "../model/assessment.js";
import type { Capability } from "../model/capabilities.js";
import type { Answer, Disclosure } from "../model/disclosure.js";
import type { Control, Mapping } from "../mapping/control.js";
import type { CapabilityClaim } from "./claims.js";
import type { FindingList } from "./finding-list.js";
import rules from "./finding-rules.json" with { type: "json" };
import { combineEvidence, type EvidenceMatch } from "./match-evidence.js";
import { controlApplies } from "./platform.js";

const GAP_SEVERITY = rules.gapSeverity as Record<string, Severity>;
const STATUS_SEVERITY = rules.status as Record<string, Severity>;

export interface CapabilityContext {
  disclosure: Disclosure;
  mapping: Mapping;
  platformId: string;
  platformName: string;
  evidence: EvidenceMatch;
  findings: FindingList;
}

/** Assesses one capability and records its status finding. */
export function assessCapability(
  capability: Capability,
  claim: CapabilityClaim,
  context: CapabilityContext,
): CapabilityAssessment {
  const controls = context.mapping.controls
    .filter((control) =>
      control.capabilities.some((entry) => entry.code === capability.code),
    )
    .map((control) => controlAssessment(control, capability.code, context));

  // Only applicable primary controls decide a status; secondary and
  // inapplicable ones are listed as reference.
  const deciding = controls.filter(
    (control) => control.applicable && control.role === "primary",
  );
  const status = statusOf(claim, deciding);
  const assessment: CapabilityAssessment = {
    code: capability.code,
    name: capability.name,
    status,
    claim: claim.claim,
    questions: claim.questions,
    controls,
    findings: [],
  };

  const finding = statusFinding(capability, claim, status, deciding, context);
  if (finding) assessment.findings.push(finding);
  return assessment;
}

function controlAssessment(
  control: Control,
  code: string,
  context: CapabilityContext,
): ControlAssessment {
  const role = control.capabilities.find((entry) => entry.code === code)!.role;
  const assessment: ControlAssessment = {
    id: control.id,
    title: control.title,
    role,
    applicable: controlApplies(control.platforms, context.platformId),
    expected: control.expected,
    key: control.key,
    cis: control.cis,
  };
  const evidence = combineEvidence(context.evidence.byControl.get(control.id));
  if (evidence) assessment.evidence = evidence;
  if (control.tension) assessment.tension = control.tension;
  return assessment;
}

function statusOf(
  claim: CapabilityClaim,
  deciding: ControlAssessment[],
): CapabilityStatus {
  switch (claim.claim) {
    case "not-asked":
      return "not-assessed";
    case "not-applicable":
      return "not-applicable";
    // A denied or undisclosed capability is a gap even when the mapping lists
    // no control for it: the device still lacks it, there is just nothing to
    // compensate with.
    case "denied":
    case "undisclosed":
      return "gap";
    case "claimed":
      break;
  }
  if (deciding.length === 0) return "unsupported";
  const results = deciding.map((control) => control.evidence?.result);
  if (results.includes("fail")) return "contradicted";
  // A result of not-applicable means the benchmark found no such setting on
  // the target, so it neither backs nor blocks the claim.
  const counted = results.filter((result) => result !== "not-applicable");
  if (counted.length > 0 && counted.every((result) => result === "pass"))
    return "verified";
  return "unverified";
}

function statusFinding(
  capability: Capability,
  claim: CapabilityClaim,
  status: CapabilityStatus,
  deciding: ControlAssessment[],
  context: CapabilityContext,
): string | undefined {
  const code = capability.code;
  const basis = claim.basis;
  const answersText = listAnswers(basis);
  const facets =
    claim.deniedFacets.length > 0
      ? ` Answered No: ${listAnswers(claim.deniedFacets).replace(/ No/g, "")}.`
      : "";
  const common = {
    kind: status,
    capability: code,
    questions: basis.map((answer) => answer.id),
    ...(basis[0] ? { location: basis[0].location } : {}),
  };
  const name = capability.name.toLowerCase();
  const onPlatform =
    context.platformId === "unknown" ? "" : ` on ${context.platformName}`;

  switch (status) {
    case "not-assessed":
      return context.findings.add(code, {
        ...common,
        severity: STATUS_SEVERITY["not-assessed"]!,
        message: `${capability.name} is not assessed: the ${context.disclosure.edition} form has no section for it.`,
      }).id;

    case "not-applicable":
      return context.findings.add(code, {
        ...common,
        severity: STATUS_SEVERITY["not-applicable"]!,
        message: `${capability.name} is answered N/A (${answersText}).`,
      }).id;

    case "unsupported": {
      const documented = basis.some(
        (answer) =>
          answer.comment ||
          answer.notes.some((number) => noteText(context.disclosure, number)),
      );
      const noteClause = documented
        ? "the answer gives a note or comment; check that it names the mechanism."
        : "the answer gives no note, so ask the vendor for documentation of the mechanism.";
      return context.findings.add(code, {
        ...common,
        severity:
          STATUS_SEVERITY[
            documented ? "unsupportedWithNote" : "unsupportedWithoutNote"
          ]!,
        message: `${capability.name} is claimed (${answersText}) but no control in the mapping can back it${onPlatform}; ${noteClause}${facets}`,
      }).id;
    }

    case "gap": {
      const controls = deciding.map((control) => control.id);
      const lacks =
        claim.claim === "denied"
          ? `The device lacks ${name} (${answersText})`
          : `The disclosure does not say whether the device has ${name}${answersText ? ` (${answersText})` : ""}`;
      const compensating =
        controls.length > 0
          ? `; ${controls.length} mapped control${controls.length === 1 ? "" : "s"}${onPlatform} ${controls.length === 1 ? "is a" : "are"} candidate compensating measure${controls.length === 1 ? "" : "s"}.`
          : "; the mapping lists no compensating control, so plan network or procedural measures.";
      const tensions = tensionsOf(deciding);
      const underClaimed = deciding.filter(
        (control) => control.evidence?.result === "pass",
      );
      if (underClaimed.length > 0 && claim.claim === "denied") {
        context.findings.add(code, {
          kind: "under-claimed",
          severity: "info",
          capability: code,
          questions: common.questions,
          controls: underClaimed.map((control) => control.id),
          message: `${capability.name} is denied but evidence shows ${underClaimed.length} of its controls passing; the disclosure may under-state the device.`,
          ...(common.location ? { location: common.location } : {}),
        });
      }
      return context.findings.add(code, {
        ...common,
        severity: GAP_SEVERITY[code] ?? GAP_SEVERITY["default"]!,
        controls,
        message: `${lacks}${compensating}${tensions}`,
      }).id;
    }

    case "contradicted": {
      const failing = deciding.filter(
        (control) => control.evidence?.result === "fail",
      );
      const list = failing
        .map(
          (control) =>
            `${control.id} (expected ${control.expected}; ${control.evidence!.source})`,
        )
        .join(", ");
      return context.findings.add(code, {
        ...common,
        severity: STATUS_SEVERITY["contradicted"]!,
        controls: failing.map((control) => control.id),
        message: `${capability.name} is claimed (${answersText}) but evidence shows ${failing.length} mapped control${failing.length === 1 ? "" : "s"} failing: ${list}.${facets}`,
      }).id;
    }

    case "unverified": {
      const missing = deciding.filter(
        (control) =>
          control.evidence?.result !== "pass" &&
          control.evidence?.result !== "not-applicable",
      );
      const passing = deciding.length - missing.length;
      const anyEvidence = deciding.some((control) => control.evidence);
      const evidenceClause =
        passing > 0
          ? `${passing} of ${deciding.length} mapped controls pass or do not apply, and the others have no passing result`
          : anyEvidence
            ? `none of its ${deciding.length} mapped controls${onPlatform} has a passing result`
            : deciding.length === 1
              ? `its one mapped control${onPlatform} has no evidence`
              : `none of its ${deciding.length} mapped controls${onPlatform} has evidence`;
      return context.findings.add(code, {
        ...common,
        severity: STATUS_SEVERITY["unverified"]!,
        controls: missing.map((control) => control.id),
        message: `${capability.name} is claimed (${answersText}) but ${evidenceClause}; run CIS-CAT or attest the controls.${facets}`,
      }).id;
    }

    case "verified": {
      return context.findings.add(code, {
        ...common,
        severity: STATUS_SEVERITY["verified"]!,
        controls: deciding.map((control) => control.id),
        message: `${capability.name} is claimed (${answersText}) and every mapped control with a result passes (${deciding.length} on the platform).${facets}`,
      }).id;
    }
  }
}

function tensionsOf(controls: ControlAssessment[]): string {
  const tensions = [
    ...new Set(
      controls.flatMap((control) => (control.tension ? [control.tension] : [])),
    ),
  ];
  if (tensions.length === 0) return "";
  const sentences = tensions.map((tension) =>
    /[.!?]$/.test(tension) ? tension : `${tension}.`,
  );
  return ` Clinical tension: ${sentences.join(" ")}`;
}

/** `ALOF-1 No, ALOF-2 No`, shortened after six answers. */
function listAnswers(answers: Answer[]): string {
  const shown = answers
    .slice(0, 6)
    .map((answer) => `${answer.id} ${label(answer.value)}`);
  const more = answers.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function noteText(disclosure: Disclosure, number: number): string | undefined {
  const text = disclosure.notes
    .find((note) => note.number === number)
    ?.text.trim();
  return text || undefined;
}

function label(value: string): string {
  const labels: Record<string, string> = {
    yes: "Yes",
    no: "No",
    na: "N/A",
    "see-note": "See note",
    unanswered: "blank",
  };
  return labels[value] ?? value;
}
