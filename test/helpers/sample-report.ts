/**
 * A hand-built disclosure and assessment for renderer tests: capabilities in
 * every status, findings of every severity, notes, comments and problems.
 */

import type { Answer, Disclosure } from "../../src/model/disclosure.js";
import type {
  Assessment,
  CapabilityAssessment,
  CapabilityStatus,
  ControlAssessment,
  Finding,
  Severity,
} from "../../src/model/assessment.js";
import { CAPABILITY_STATUSES, SEVERITIES } from "../../src/model/assessment.js";

/** Vendor text an attacker controls: it must render as text, never as markup. */
export const HOSTILE_NOTE =
  'Patched by <script>alert("x")</script> and <img src=x onerror="alert(1)"> ' +
  "see javascript:alert(document.domain) or https://vendor.example/security?a=1&b=2";

const source = {
  file: "acme-infusor-x1.xlsx",
  sha256: "3f1c9a2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8",
  format: "xlsx" as const,
  size: 48213,
};

const device = {
  manufacturer: "Acme Medical <Devices> & Co.",
  model: "Infusor X1",
  documentId: "ACME-MDS2-0042",
  releaseDate: "2021-03-15",
  description: "Large-volume infusion pump",
};

function answer(
  id: string,
  row: number,
  value: Answer["value"],
  raw: string,
  extra: Partial<Answer> = {},
): Answer {
  return {
    id,
    section: id.split("-")[0] ?? id,
    question: `Question text of ${id}?`,
    value,
    raw,
    notes: [],
    location: `MDS2!C${row}`,
    ...extra,
  };
}

export function sampleDisclosure(): Disclosure {
  return {
    schema: "mds2.disclosure/1",
    source,
    edition: "HN 1-2019",
    device,
    answers: [
      answer("DOC-1", 6, "text", device.manufacturer),
      answer("DOC-3", 8, "text", device.model),
      answer("DOC-4", 9, "text", "Hidden", { redacted: true }),
      answer("ALOF-1", 50, "yes", "Yes", { notes: [1] }),
      answer("ALOF-2", 51, "yes", "Yes,15 minutes", { comment: "15 minutes" }),
      answer("AUDT-1", 55, "no", "No"),
      answer("AUDT-1.1", 56, "yes", "Yes", { notes: [2] }),
      answer("AUTH-1", 80, "yes", "Yes,LDAP", { comment: "LDAP" }),
      answer("MLDP-1", 120, "see-note", "See Note 3, 4", { notes: [3, 4] }),
      answer("MLDP-2", 121, "unanswered", ""),
      answer("EMRG-1", 100, "na", "N/A"),
      answer("PLOK-1", 140, "yes", "Yes"),
      answer("STCF-1", 160, "unrecognized", "Maybe?", {
        comment: HOSTILE_NOTE,
      }),
      answer("TXCF-1", 170, "yes", "Yes", { redacted: false }),
    ],
    notes: [
      {
        number: 1,
        text: "Logoff after 15 minutes of inactivity.",
        location: "MDS2!B200",
      },
      { number: 2, text: HOSTILE_NOTE, location: "MDS2!B201" },
      {
        number: 3,
        text: "Antivirus is managed by the hospital.",
        location: "MDS2!B202",
      },
    ],
    problems: [
      {
        code: "answer.unrecognized",
        severity: "warning",
        message: 'unrecognized answer "Maybe?"',
        location: "MDS2!C160",
        questionId: "STCF-1",
      },
      {
        code: "note.missing",
        severity: "error",
        message: "note 4 is referenced but not given",
        location: "MDS2!B203",
      },
      {
        code: "device.release-date",
        severity: "info",
        message: "release date read as text",
      },
    ],
  };
}

function control(
  id: string,
  applicable: boolean,
  extra: Partial<ControlAssessment> = {},
): ControlAssessment {
  return {
    id,
    title: `Title of ${id}`,
    role: "primary",
    applicable,
    expected: "<= 900, not 0",
    key: `HKLM\\Software\\Policies\\${id}!Value`,
    cis: [
      {
        benchmark: "CIS Microsoft Windows 7 Benchmark",
        version: "3.2.0",
        recommendation: "2.3.7.3",
      },
    ],
    ...extra,
  };
}

const capabilityRows: {
  code: string;
  name: string;
  status: CapabilityStatus;
  claim: CapabilityAssessment["claim"];
  questions: string[];
  controls: ControlAssessment[];
}[] = [
  {
    code: "ALOF",
    name: "Automatic logoff",
    status: "contradicted",
    claim: "claimed",
    questions: ["ALOF-1", "ALOF-2"],
    controls: [
      control("win.screensaver.timeout", true, {
        evidence: { result: "fail", source: "cis-cat.xml", observed: "0" },
        tension: "A short timeout may lock a clinician out during a procedure.",
      }),
      control("winxp.screensaver.secure", false, { role: "secondary" }),
    ],
  },
  {
    code: "AUDT",
    name: "Audit controls",
    status: "gap",
    claim: "denied",
    questions: ["AUDT-1", "AUDT-1.1"],
    controls: [control("win.audit.logon", true)],
  },
  {
    code: "AUTH",
    name: "Authorization",
    status: "verified",
    claim: "claimed",
    questions: ["AUTH-1"],
    controls: [
      control("win.rights.logon-locally", true, {
        evidence: {
          result: "pass",
          source: "cis-cat.xml",
          observed: "Administrators",
        },
      }),
    ],
  },
  {
    code: "MLDP",
    name: "Malware detection and protection",
    status: "unverified",
    claim: "undisclosed",
    questions: ["MLDP-1", "MLDP-2"],
    controls: [control("win.defender.enabled", true)],
  },
  {
    code: "PLOK",
    name: "Physical locks",
    status: "unsupported",
    claim: "claimed",
    questions: ["PLOK-1"],
    controls: [],
  },
  {
    code: "EMRG",
    name: "Emergency access",
    status: "not-applicable",
    claim: "not-applicable",
    questions: ["EMRG-1"],
    controls: [],
  },
  {
    code: "CNFS",
    name: "Configuration of security features",
    status: "not-assessed",
    claim: "not-asked",
    questions: [],
    controls: [],
  },
  {
    code: "STCF",
    name: "Health data storage confidentiality",
    status: "unverified",
    claim: "undisclosed",
    questions: ["STCF-1"],
    controls: [control("win.bitlocker.os-drive", true)],
  },
  {
    code: "TXCF",
    name: "Transmission confidentiality",
    status: "unverified",
    claim: "claimed",
    questions: ["TXCF-1"],
    controls: [control("win.smb.signing", true)],
  },
];

const findingRows: Omit<Finding, "id">[] = [
  {
    kind: "capability.gap",
    severity: "medium",
    capability: "AUDT",
    questions: ["AUDT-1"],
    controls: ["win.audit.logon"],
    message:
      "The device does not log audit events; consider the listed controls.",
    location: "MDS2!C55",
  },
  {
    kind: "capability.contradicted",
    severity: "critical",
    capability: "ALOF",
    questions: ["ALOF-1"],
    controls: ["win.screensaver.timeout"],
    message: "Automatic logoff is claimed but the screen saver timeout is 0.",
    location: "MDS2!C50",
  },
  {
    kind: "answer.inconsistent",
    severity: "high",
    capability: "AUDT",
    questions: ["AUDT-1", "AUDT-1.1"],
    controls: [],
    message: "AUDT-1 is No but AUDT-1.1 is Yes.",
    location: "MDS2!C56",
  },
  {
    kind: "answer.unrecognized",
    severity: "low",
    capability: "STCF",
    questions: ["STCF-1"],
    controls: [],
    message: `Unrecognized answer: ${HOSTILE_NOTE}`,
    location: "MDS2!C160",
  },
  {
    kind: "capability.unsupported",
    severity: "info",
    capability: "PLOK",
    questions: ["PLOK-1"],
    controls: [],
    message:
      "No mapped control backs physical locks; ask the vendor for documentation.",
  },
  {
    kind: "platform.end-of-support",
    severity: "high",
    questions: [],
    controls: [],
    message: "Windows 7 reached end of support on 2020-01-14.",
  },
];

export function sampleAssessment(): Assessment {
  const findings: Finding[] = findingRows.map((finding, index) => ({
    id: `F-${finding.capability ?? "DEVICE"}-${index + 1}`,
    ...finding,
  }));
  const capabilities: CapabilityAssessment[] = capabilityRows.map((row) => ({
    ...row,
    findings: findings
      .filter((f) => f.capability === row.code)
      .map((f) => f.id),
  }));

  const byStatus = Object.fromEntries(
    CAPABILITY_STATUSES.map((s) => [s, 0]),
  ) as Record<CapabilityStatus, number>;
  for (const capability of capabilities) byStatus[capability.status] += 1;
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((s) => [s, 0]),
  ) as Record<Severity, number>;
  for (const finding of findings) bySeverity[finding.severity] += 1;

  return {
    schema: "mds2.assessment/1",
    source,
    edition: "HN 1-2019",
    device,
    platform: {
      id: "win7",
      name: "Windows 7",
      from: "disclosure",
      evidence: [{ text: "Windows 7 Embedded", location: "MDS2!C300" }],
      endOfSupport: "2020-01-14",
    },
    mapping: { name: "built-in", controls: 120 },
    evidence: {
      files: ["cis-cat.xml"],
      unmatched: [
        { source: "cis-cat.xml", id: "xccdf_rule_unknown", result: "pass" },
      ],
    },
    capabilities,
    findings,
    summary: { byStatus, bySeverity },
  };
}
