/**
 * What changed between two disclosures of a device: device fields, answers
 * added, removed or changed, notes, and, when both assessments are given,
 * findings that appeared or were resolved and capabilities whose status moved.
 * Forms of different editions are compared on 2019 question IDs, through the
 * older answers' `equivalents`.
 */

import type {
  CapabilityAssessment,
  CapabilityStatus,
  Finding,
} from "../model/assessment.js";
import type {
  Answer,
  AnswerValue,
  Device,
  Disclosure,
} from "../model/disclosure.js";
import { printableLines } from "../terminal-text.js";

export const DIFF_SCHEMA = "mds2.diff/1";

export interface DiffSide {
  file: string;
  sha256: string;
  edition: string;
}

export interface AnswerState {
  value: AnswerValue;
  raw: string;
  comment?: string;
  notes: number[];
  location: string;
  /** Question IDs of the form the state was read from, when they differ from the compared ID. */
  from?: string[];
}

export interface AnswerChange {
  id: string;
  question: string;
  before: AnswerState;
  after: AnswerState;
}

export interface AnswerPresence {
  id: string;
  question: string;
  state: AnswerState;
}

export interface FieldChange {
  field: keyof Device;
  before?: string;
  after?: string;
}

export interface NoteChange {
  number: number;
  before?: string;
  after?: string;
}

export interface CapabilityChange {
  code: string;
  name: string;
  before: CapabilityStatus;
  after: CapabilityStatus;
}

export interface DisclosureDiff {
  schema: typeof DIFF_SCHEMA;
  before: DiffSide;
  after: DiffSide;
  device: FieldChange[];
  answers: {
    added: AnswerPresence[];
    removed: AnswerPresence[];
    changed: AnswerChange[];
  };
  notes: NoteChange[];
  /** Present when both assessments were given. */
  findings?: { appeared: Finding[]; resolved: Finding[] };
  capabilities?: CapabilityChange[];
}

/** The part of an assessment that a diff reads: findings and capability statuses. */
export interface AssessedState {
  findings: readonly Finding[];
  capabilities: readonly Pick<
    CapabilityAssessment,
    "code" | "name" | "status"
  >[];
}

export interface DiffAssessments {
  before: AssessedState;
  after: AssessedState;
}

const DEVICE_FIELDS: (keyof Device)[] = [
  "manufacturer",
  "description",
  "model",
  "documentId",
  "contact",
  "intendedUse",
  "releaseDate",
  "softwareRevision",
  "softwareReleaseDate",
  "category",
];

/** Compares two disclosures (and, optionally, their assessments). */
export function diffDisclosures(
  before: Disclosure,
  after: Disclosure,
  assessments?: DiffAssessments,
): DisclosureDiff {
  const diff: DisclosureDiff = {
    schema: DIFF_SCHEMA,
    before: side(before),
    after: side(after),
    device: diffDevice(before.device, after.device),
    answers: diffAnswers(before, after),
    notes: diffNotes(before, after),
  };
  if (assessments) {
    diff.findings = diffFindings(
      assessments.before.findings,
      assessments.after.findings,
    );
    diff.capabilities = diffCapabilities(assessments.before, assessments.after);
  }
  return diff;
}

/** True when nothing at all changed. */
export function isEmptyDiff(diff: DisclosureDiff): boolean {
  return (
    diff.device.length === 0 &&
    diff.answers.added.length === 0 &&
    diff.answers.removed.length === 0 &&
    diff.answers.changed.length === 0 &&
    diff.notes.length === 0 &&
    (diff.findings?.appeared.length ?? 0) === 0 &&
    (diff.findings?.resolved.length ?? 0) === 0 &&
    (diff.capabilities?.length ?? 0) === 0
  );
}

function side(disclosure: Disclosure): DiffSide {
  return {
    file: disclosure.source.file,
    sha256: disclosure.source.sha256,
    edition: disclosure.edition,
  };
}

function diffDevice(before: Device, after: Device): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of DEVICE_FIELDS) {
    const old = before[field]?.trim() || undefined;
    const current = after[field]?.trim() || undefined;
    if (old === current) continue;
    changes.push({
      field,
      ...(old !== undefined ? { before: old } : {}),
      ...(current !== undefined ? { after: current } : {}),
    });
  }
  return changes;
}

interface Keyed {
  question: string;
  state: AnswerState;
}

/**
 * Keys answers by the ID they are compared on. That is their own ID when both
 * forms are of one edition. Otherwise it is the 2019 ID, which older answers
 * reach through `equivalents`, and answers without equivalents keep their own
 * ID. Several older answers on one 2019 ID are joined.
 */
function keyAnswers(
  disclosure: Disclosure,
  onEditionOf: Disclosure,
): Map<string, Keyed> {
  const sameEdition = disclosure.edition === onEditionOf.edition;
  const keyed = new Map<string, Keyed>();
  for (const answer of disclosure.answers) {
    const keys =
      sameEdition ||
      disclosure.edition === "HN 1-2019" ||
      !answer.equivalents?.length
        ? [answer.id]
        : answer.equivalents;
    for (const key of keys) {
      const existing = keyed.get(key);
      keyed.set(
        key,
        existing ? joinStates(existing, answer) : fromAnswer(answer, key),
      );
    }
  }
  return keyed;
}

function fromAnswer(answer: Answer, key: string): Keyed {
  return {
    question: answer.question,
    state: {
      value: answer.value,
      raw: answer.raw,
      ...(answer.comment !== undefined ? { comment: answer.comment } : {}),
      notes: [...answer.notes],
      location: answer.location,
      ...(answer.id !== key ? { from: [answer.id] } : {}),
    },
  };
}

function joinStates(existing: Keyed, answer: Answer): Keyed {
  const { state } = existing;
  return {
    question: existing.question,
    state: {
      value: state.value === answer.value ? state.value : "unrecognized",
      raw: `${state.raw}; ${answer.raw}`,
      notes: [...new Set([...state.notes, ...answer.notes])],
      location: `${state.location}; ${answer.location}`,
      from: [...(state.from ?? []), answer.id],
    },
  };
}

function diffAnswers(
  before: Disclosure,
  after: Disclosure,
): DisclosureDiff["answers"] {
  const old = keyAnswers(before, after);
  const current = keyAnswers(after, before);
  const added: AnswerPresence[] = [];
  const removed: AnswerPresence[] = [];
  const changed: AnswerChange[] = [];

  for (const [id, entry] of old) {
    const next = current.get(id);
    if (!next)
      removed.push({ id, question: entry.question, state: entry.state });
    else if (!sameState(entry.state, next.state)) {
      changed.push({
        id,
        question: next.question,
        before: entry.state,
        after: next.state,
      });
    }
  }
  for (const [id, entry] of current) {
    if (!old.has(id))
      added.push({ id, question: entry.question, state: entry.state });
  }
  return { added, removed, changed };
}

/** Equal value, text, comment and note references; where the cell sits is not compared. */
function sameState(a: AnswerState, b: AnswerState): boolean {
  return (
    a.value === b.value &&
    a.raw.trim() === b.raw.trim() &&
    (a.comment ?? "").trim() === (b.comment ?? "").trim() &&
    [...a.notes].sort().join(",") === [...b.notes].sort().join(",")
  );
}

function diffNotes(before: Disclosure, after: Disclosure): NoteChange[] {
  const key = (section: string | undefined, number: number) =>
    `${section ?? ""}#${number}`;
  const old = new Map(
    before.notes.map((note) => [key(note.section, note.number), note]),
  );
  const current = new Map(
    after.notes.map((note) => [key(note.section, note.number), note]),
  );
  const changes: NoteChange[] = [];
  for (const id of new Set([...old.keys(), ...current.keys()])) {
    const a = old.get(id);
    const b = current.get(id);
    const textA = a?.text.replace(/\s+/g, " ").trim();
    const textB = b?.text.replace(/\s+/g, " ").trim();
    if (textA === textB) continue;
    changes.push({
      number: (a ?? b)!.number,
      ...(textA !== undefined ? { before: a!.text } : {}),
      ...(textB !== undefined ? { after: b!.text } : {}),
    });
  }
  return changes.sort((x, y) => x.number - y.number);
}

/**
 * Findings are the same finding when kind, capability and questions match;
 * the message may differ, since it quotes the answers.
 */
function findingKey(finding: Finding): string {
  return [
    finding.kind,
    finding.capability ?? "",
    [...finding.questions].sort().join(","),
  ].join("|");
}

function diffFindings(
  before: readonly Finding[],
  after: readonly Finding[],
): NonNullable<DisclosureDiff["findings"]> {
  const oldKeys = new Set(before.map(findingKey));
  const newKeys = new Set(after.map(findingKey));
  return {
    appeared: after.filter((finding) => !oldKeys.has(findingKey(finding))),
    resolved: before.filter((finding) => !newKeys.has(findingKey(finding))),
  };
}

function diffCapabilities(
  before: AssessedState,
  after: AssessedState,
): CapabilityChange[] {
  const old = new Map(
    before.capabilities.map((capability) => [capability.code, capability]),
  );
  const changes: CapabilityChange[] = [];
  for (const capability of after.capabilities) {
    const previous = old.get(capability.code);
    if (!previous || previous.status === capability.status) continue;
    changes.push({
      code: capability.code,
      name: capability.name,
      before: previous.status,
      after: capability.status,
    });
  }
  return changes;
}

/** Formats the diff as lines for people. */
export function formatDiff(diff: DisclosureDiff): string {
  const lines = [
    `Comparing ${diff.before.file} (${diff.before.edition}) with ${diff.after.file} (${diff.after.edition})`,
  ];
  if (isEmptyDiff(diff)) {
    lines.push("No changes.");
    return `${lines.join("\n")}\n`;
  }

  if (diff.device.length > 0) {
    lines.push("", "Device:");
    for (const change of diff.device) {
      lines.push(
        `  ${change.field}: ${quote(change.before)} -> ${quote(change.after)}`,
      );
    }
  }
  const { added, removed, changed } = diff.answers;
  if (changed.length > 0) {
    lines.push("", `Answers changed (${changed.length}):`);
    for (const change of changed) {
      lines.push(
        `  ${change.id}: ${describeState(change.before)} -> ${describeState(change.after)}`,
      );
    }
  }
  if (added.length > 0) {
    lines.push("", `Answers added (${added.length}):`);
    for (const entry of added)
      lines.push(`  ${entry.id}: ${describeState(entry.state)}`);
  }
  if (removed.length > 0) {
    lines.push("", `Answers removed (${removed.length}):`);
    for (const entry of removed)
      lines.push(`  ${entry.id}: ${describeState(entry.state)}`);
  }
  if (diff.notes.length > 0) {
    lines.push("", `Notes changed (${diff.notes.length}):`);
    for (const note of diff.notes) {
      lines.push(
        `  Note ${note.number}: ${quote(note.before)} -> ${quote(note.after)}`,
      );
    }
  }
  if (diff.capabilities && diff.capabilities.length > 0) {
    lines.push("", "Capability status:");
    for (const change of diff.capabilities) {
      lines.push(
        `  ${change.code} ${change.name}: ${change.before} -> ${change.after}`,
      );
    }
  }
  if (diff.findings) {
    if (diff.findings.appeared.length > 0) {
      lines.push("", `Findings appeared (${diff.findings.appeared.length}):`);
      for (const finding of diff.findings.appeared)
        lines.push(`  ${describeFinding(finding)}`);
    }
    if (diff.findings.resolved.length > 0) {
      lines.push("", `Findings resolved (${diff.findings.resolved.length}):`);
      for (const finding of diff.findings.resolved)
        lines.push(`  ${describeFinding(finding)}`);
    }
  }
  return `${printableLines(lines.join("\n"))}\n`;
}

function quote(text: string | undefined): string {
  return text === undefined ? "(none)" : JSON.stringify(text);
}

function describeState(state: AnswerState): string {
  const text =
    state.raw.trim() === "" ? "(blank)" : JSON.stringify(state.raw.trim());
  const notes =
    state.notes.length > 0 ? `, notes ${state.notes.join(", ")}` : "";
  const from = state.from ? ` from ${state.from.join(", ")}` : "";
  return `${state.value} ${text}${notes}${from}`;
}

function describeFinding(finding: Finding): string {
  const questions =
    finding.questions.length > 0 ? ` [${finding.questions.join(", ")}]` : "";
  return `${finding.severity} ${finding.kind}${questions}: ${finding.message}`;
}
