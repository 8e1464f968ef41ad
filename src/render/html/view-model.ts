/**
 * Builds the plain JSON object the report templates render. Every decision
 * (sorting, grouping, labels, safe links) is made here, so templates only
 * place values and Handlebars escapes each one.
 */

import type {
  Assessment,
  CapabilityAssessment,
  ControlAssessment,
  Finding,
} from "../../model/assessment.js";
import { CAPABILITY_STATUSES, SEVERITIES } from "../../model/assessment.js";
import type { Answer, Disclosure, Note } from "../../model/disclosure.js";
import { buildChart, type ChartView } from "./chart.js";
import {
  ANSWER_LABELS,
  CLAIM_LABELS,
  EVIDENCE_LABELS,
  PLATFORM_SOURCES,
  SEVERITY_SWATCHES,
  STATUS_MEANINGS,
  STATUS_SWATCHES,
  type Swatch,
} from "./labels.js";
import { linkify, type TextSegment } from "./safe-url.js";
import { titleText } from "../vendor-text.js";

interface Chip extends Swatch {
  key: string;
}

interface AnswerView {
  id: string;
  anchor: string;
  href: string;
  section: string;
  question: string;
  value: string;
  valueLabel: string;
  /** True for free-text answers, shown as written in place of a value label. */
  freeText: boolean;
  raw: string;
  /** True when the raw text contains more than the value label, e.g. `Yes,LDAP`. */
  showRaw: boolean;
  comment: TextSegment[];
  redacted: boolean;
  notes: {
    number: number;
    href: string;
    text: TextSegment[];
    missing: boolean;
  }[];
  location: string;
  missing: boolean;
}

interface ControlView {
  id: string;
  title: string;
  role: string;
  key: string;
  expected: string;
  cis: string[];
  tension: string;
  evidence: {
    result: string;
    label: string;
    source: string;
    observed: string;
    comment: string;
  } | null;
}

interface FindingView {
  id: string;
  anchor: string;
  kind: string;
  severity: Chip;
  capability: { code: string; href: string } | null;
  questions: { id: string; href: string }[];
  /** The first few control IDs; the capability part lists them all. */
  controls: string[];
  moreControls: number;
  message: TextSegment[];
  location: string;
}

interface CapabilityView {
  code: string;
  name: string;
  anchor: string;
  status: Chip;
  claim: string;
  answers: AnswerView[];
  applicableControls: ControlView[];
  referenceControls: ControlView[];
  findings: {
    id: string;
    href: string;
    severity: Chip;
    message: TextSegment[];
  }[];
}

export interface ReportView {
  /** Text of the page's `<title>`, with every direction control escaped. */
  title: string;
  /** Device names of the page heading, each isolated in its own `<bdi>`. */
  heading: string[];
  device: { label: string; value: string }[];
  /** Count of answers whose value the vendor hid, e.g. `Hidden`. The device record leaves them out. */
  redactedCount: number;
  source: {
    file: string;
    sha256: string;
    format: string;
    size: number;
    edition: string;
  };
  platform: {
    name: string;
    id: string;
    detection: string;
    evidence: { text: string; location: string }[];
    endOfSupport: string;
  };
  mapping: { name: string; controls: number };
  evidence: {
    files: string[];
    unmatched: { source: string; id: string; result: string; title: string }[];
  };
  statusLegend: (Chip & { meaning: string; count: number })[];
  severityLegend: (Chip & { count: number })[];
  chart: ChartView;
  capabilities: CapabilityView[];
  findings: FindingView[];
  problems: {
    severity: string;
    code: string;
    message: string;
    location: string;
    question: { id: string; href: string } | null;
  }[];
  notes: {
    number: number;
    anchor: string;
    text: TextSegment[];
    location: string;
  }[];
  otherConsiderations: TextSegment[];
  answers: AnswerView[];
}

/** Control IDs shown per row of the findings table. */
const FINDING_CONTROLS_SHOWN = 5;

export function anchorFor(kind: string, id: string): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_.-]/g, "_")}`;
}

const capabilityAnchor = (code: string) => anchorFor("cap", code);
const answerAnchor = (id: string) => anchorFor("answer", id);
const noteAnchor = (number: number) => anchorFor("note", String(number));
const findingAnchor = (id: string) => anchorFor("finding", id);

/** Returns the template context for one disclosure and its assessment. */
export function buildReportView(
  disclosure: Disclosure,
  assessment: Assessment,
): ReportView {
  const notesByNumber = new Map(
    disclosure.notes.map((note) => [note.number, note]),
  );
  const answersById = new Map(
    disclosure.answers.map((answer) => [answer.id, answer]),
  );
  const toAnswerView = (answer: Answer) =>
    buildAnswerView(answer, notesByNumber);
  const findings = sortFindings(assessment.findings).map(buildFindingView);

  return {
    title: titleText(`MDS2 report: ${deviceNames(disclosure).join(" ")}`),
    heading: deviceNames(disclosure),
    device: deviceRows(disclosure),
    redactedCount: disclosure.answers.filter(
      (answer) => answer.redacted === true,
    ).length,
    source: { ...disclosure.source, edition: disclosure.edition },
    platform: {
      name: assessment.platform.name,
      id: assessment.platform.id,
      detection: PLATFORM_SOURCES[assessment.platform.from],
      evidence: assessment.platform.evidence.map((item) => ({
        text: item.text,
        location: item.location ?? "",
      })),
      endOfSupport: assessment.platform.endOfSupport ?? "",
    },
    mapping: assessment.mapping,
    evidence: {
      files: assessment.evidence.files,
      unmatched: assessment.evidence.unmatched.map((item) => ({
        source: item.source,
        id: item.id,
        result: EVIDENCE_LABELS[item.result],
        title: item.title ?? "",
      })),
    },
    statusLegend: CAPABILITY_STATUSES.map((status) => ({
      ...statusChip(status),
      meaning: STATUS_MEANINGS[status],
      count: assessment.capabilities.filter(
        (capability) => capability.status === status,
      ).length,
    })),
    severityLegend: SEVERITIES.map((severity) => ({
      ...severityChip(severity),
      count: assessment.findings.filter(
        (finding) => finding.severity === severity,
      ).length,
    })),
    chart: buildChart(assessment, (code) => `#${capabilityAnchor(code)}`),
    capabilities: assessment.capabilities.map((capability) =>
      buildCapabilityView(
        capability,
        assessment.findings,
        answersById,
        toAnswerView,
      ),
    ),
    findings,
    problems: disclosure.problems.map((problem) => ({
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
      location: problem.location ?? "",
      question: problem.questionId
        ? {
            id: problem.questionId,
            href: `#${answerAnchor(problem.questionId)}`,
          }
        : null,
    })),
    notes: disclosure.notes.map((note) => ({
      number: note.number,
      anchor: noteAnchor(note.number),
      text: linkify(note.text),
      location: note.location ?? "",
    })),
    otherConsiderations: linkify(disclosure.otherConsiderations ?? ""),
    answers: disclosure.answers.map(toAnswerView),
  };
}

/** Manufacturer and model, or the source file's name when neither is given. */
function deviceNames(disclosure: Disclosure): string[] {
  const { manufacturer, model } = disclosure.device;
  const names = [manufacturer, model].filter((name): name is string =>
    Boolean(name),
  );
  if (names.length > 0) return names;
  const fileName =
    disclosure.source.file.split(/[\\/]/).pop() ?? disclosure.source.file;
  return [fileName];
}

function deviceRows(
  disclosure: Disclosure,
): { label: string; value: string }[] {
  const device = disclosure.device;
  const rows: [string, string | undefined][] = [
    ["Manufacturer", device.manufacturer],
    ["Model", device.model],
    ["Description", device.description],
    ["Document ID", device.documentId],
    ["Release date", device.releaseDate],
    ["Software revision", device.softwareRevision],
    ["Software release date", device.softwareReleaseDate],
    ["Category", device.category],
    ["Intended use", device.intendedUse],
    ["Contact", device.contact],
    ["Edition", disclosure.edition],
  ];
  return rows.map(([label, value]) => ({ label, value: value ?? "not given" }));
}

function statusChip(status: CapabilityAssessment["status"]): Chip {
  return { key: status, ...STATUS_SWATCHES[status] };
}

function severityChip(severity: Finding["severity"]): Chip {
  return { key: severity, ...SEVERITY_SWATCHES[severity] };
}

/** Sorts most severe first, then by capability code (device-wide last), then by ID. */
function sortFindings(findings: Finding[]): Finding[] {
  const rank = (finding: Finding) => SEVERITIES.indexOf(finding.severity);
  return [...findings].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      compareCapability(a.capability, b.capability) ||
      a.id.localeCompare(b.id),
  );
}

function compareCapability(
  a: string | undefined,
  b: string | undefined,
): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a.localeCompare(b);
}

function buildFindingView(finding: Finding): FindingView {
  return {
    id: finding.id,
    anchor: findingAnchor(finding.id),
    kind: finding.kind,
    severity: severityChip(finding.severity),
    capability: finding.capability
      ? {
          code: finding.capability,
          href: `#${capabilityAnchor(finding.capability)}`,
        }
      : null,
    questions: finding.questions.map((id) => ({
      id,
      href: `#${answerAnchor(id)}`,
    })),
    controls: finding.controls.slice(0, FINDING_CONTROLS_SHOWN),
    moreControls: Math.max(0, finding.controls.length - FINDING_CONTROLS_SHOWN),
    message: linkify(finding.message),
    location: finding.location ?? "",
  };
}

function buildAnswerView(
  answer: Answer,
  notesByNumber: Map<number, Note>,
): AnswerView {
  return {
    id: answer.id,
    anchor: answerAnchor(answer.id),
    href: `#${answerAnchor(answer.id)}`,
    section: answer.section,
    question: answer.question,
    value: answer.value,
    valueLabel: ANSWER_LABELS[answer.value],
    freeText: answer.value === "text",
    raw: answer.raw,
    showRaw: showsMoreThanLabel(answer.raw, ANSWER_LABELS[answer.value]),
    comment: linkify(answer.comment ?? ""),
    redacted: answer.redacted === true,
    notes: answer.notes.map((number) => {
      const note = notesByNumber.get(number);
      return {
        number,
        href: `#${noteAnchor(number)}`,
        text: linkify(
          note?.text ?? `Note ${number} is referenced but not given.`,
        ),
        missing: note === undefined,
      };
    }),
    location: answer.location,
    missing: false,
  };
}

function showsMoreThanLabel(raw: string, label: string): boolean {
  const text = raw.trim();
  return text !== "" && text.toLowerCase() !== label.toLowerCase();
}

function missingAnswerView(id: string): AnswerView {
  return {
    id,
    anchor: "",
    href: `#${answerAnchor(id)}`,
    section: id.split("-")[0] ?? id,
    question: "",
    value: "missing",
    valueLabel: "Not in the disclosure",
    freeText: false,
    raw: "",
    showRaw: false,
    comment: [],
    redacted: false,
    notes: [],
    location: "",
    missing: true,
  };
}

function buildCapabilityView(
  capability: CapabilityAssessment,
  findings: Finding[],
  answersById: Map<string, Answer>,
  toAnswerView: (answer: Answer) => AnswerView,
): CapabilityView {
  const own = sortFindings(
    findings.filter((finding) => capability.findings.includes(finding.id)),
  );
  return {
    code: capability.code,
    name: capability.name,
    anchor: capabilityAnchor(capability.code),
    status: statusChip(capability.status),
    claim: CLAIM_LABELS[capability.claim],
    answers: capability.questions.map((id) => {
      const answer = answersById.get(id);
      return answer ? toAnswerView(answer) : missingAnswerView(id);
    }),
    applicableControls: capability.controls
      .filter((c) => c.applicable)
      .map(buildControlView),
    referenceControls: capability.controls
      .filter((c) => !c.applicable)
      .map(buildControlView),
    findings: own.map((finding) => ({
      id: finding.id,
      href: `#${findingAnchor(finding.id)}`,
      severity: severityChip(finding.severity),
      message: linkify(finding.message),
    })),
  };
}

function buildControlView(control: ControlAssessment): ControlView {
  const evidence = control.evidence;
  return {
    id: control.id,
    title: control.title,
    role: control.role,
    key: control.key,
    expected: control.expected,
    cis: control.cis.map((reference) => {
      const level = reference.level ? ` (${reference.level})` : "";
      return `${reference.benchmark} ${reference.version} § ${reference.recommendation}${level}`;
    }),
    tension: control.tension ?? "",
    evidence: evidence
      ? {
          result: evidence.result,
          label: EVIDENCE_LABELS[evidence.result],
          source: evidence.source,
          observed: evidence.observed ?? "",
          comment: evidence.comment ?? "",
        }
      : null,
  };
}
