/** Findings about answers that contradict each other or the form's instructions. */

import type { Answer, Disclosure } from "../model/disclosure.js";
import type { EditionIndex } from "./claims.js";
import type { FindingList } from "./finding-list.js";

const VALUE_LABELS: Record<string, string> = {
  yes: "Yes",
  no: "No",
  na: "N/A",
  "see-note": "See note",
  unanswered: "blank",
  text: "text",
  unrecognized: "unrecognized",
};

/** Problem codes reported here from the answers themselves, so the problem is not repeated. */
const COVERED_PROBLEMS = new Set(["answer.unrecognized"]);

export function addConsistencyFindings(
  disclosure: Disclosure,
  index: EditionIndex,
  findings: FindingList,
): void {
  const byId = new Map(disclosure.answers.map((answer) => [answer.id, answer]));
  const gated = addGateFindings(disclosure, index, byId, findings);
  addParentChildFindings(disclosure, index, byId, gated, findings);
  addNoteFindings(disclosure, findings);
  addBlankFindings(disclosure, index, byId, gated, findings);
  addUnrecognizedFindings(disclosure, findings);
  addProblemFindings(disclosure, findings);
}

/** Reports gates not followed; returns the IDs that triggered gates expect to be N/A. */
function addGateFindings(
  disclosure: Disclosure,
  index: EditionIndex,
  byId: Map<string, Answer>,
  findings: FindingList,
): Set<string> {
  const gated = new Set<string>();
  for (const gate of index.data.gates) {
    const trigger = byId.get(gate.question);
    if (!trigger || trigger.value !== gate.when) continue;
    for (const id of gate.then) gated.add(id);

    const offending = gate.then
      .map((id) => byId.get(id))
      .filter(
        (answer): answer is Answer =>
          answer !== undefined &&
          answer.value !== "na" &&
          answer.value !== "unanswered",
      );
    if (offending.length === 0) continue;
    const list = offending
      .map((answer) => `${answer.id} ${VALUE_LABELS[answer.value]}`)
      .join(", ");
    findings.add(gate.question, {
      kind: "gate-not-followed",
      severity: "low",
      capability: capabilityOf(index, trigger),
      questions: [gate.question, ...offending.map((answer) => answer.id)],
      message: `${gate.question} is ${VALUE_LABELS[gate.when]}, which asks for N/A on the rest, but ${list}.`,
      location: offending[0]!.location,
    });
  }
  return gated;
}

/**
 * Reports a child answer of Yes or No under a parent of No or N/A. A child
 * Yes under a No parent is the more severe case. Children that a triggered
 * gate covers are left to the gate finding, so each is reported once.
 */
function addParentChildFindings(
  disclosure: Disclosure,
  index: EditionIndex,
  byId: Map<string, Answer>,
  gated: Set<string>,
  findings: FindingList,
): void {
  for (const child of disclosure.answers) {
    const parentId = index.questions.get(child.id)?.parent;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (!parent || gated.has(child.id)) continue;
    if (parent.value !== "no" && parent.value !== "na") continue;
    if (
      child.value !== "yes" &&
      !(parent.value === "na" && child.value === "no")
    )
      continue;

    const severity =
      child.value === "yes" && parent.value === "no" ? "medium" : "low";
    findings.add(child.id, {
      kind: "parent-child",
      severity,
      capability: capabilityOf(index, child),
      questions: [parent.id, child.id],
      message: `${parent.id} is ${VALUE_LABELS[parent.value]} but ${child.id} is ${VALUE_LABELS[child.value]}.`,
      location: child.location,
    });
  }
}

function addNoteFindings(disclosure: Disclosure, findings: FindingList): void {
  const known = new Set(
    disclosure.notes
      .filter((note) => note.text.trim() !== "")
      .map((note) => note.number),
  );
  for (const answer of disclosure.answers) {
    const missing = answer.notes.filter((number) => !known.has(number));
    const seeNoteWithout =
      answer.value === "see-note" &&
      answer.notes.length === 0 &&
      !answer.comment;
    if (!seeNoteWithout && missing.length === 0) continue;

    const message = seeNoteWithout
      ? `${answer.id} is See note but names no note.`
      : `${answer.id} refers to ${missing.map((number) => `Note ${number}`).join(", ")}, which the form does not contain.`;
    findings.add(answer.id, {
      kind: "note-missing",
      severity: answer.value === "see-note" ? "medium" : "low",
      capability: undefined,
      questions: [answer.id],
      message,
      location: answer.location,
    });
  }
}

/** Reports a Yes/No question left blank unless its parent or a gate excuses it. */
function addBlankFindings(
  disclosure: Disclosure,
  index: EditionIndex,
  byId: Map<string, Answer>,
  gated: Set<string>,
  findings: FindingList,
): void {
  for (const answer of disclosure.answers) {
    if (answer.value !== "unanswered" || answer.redacted) continue;
    const question = index.questions.get(answer.id);
    if (question && question.kind !== "yes-no") continue;
    if (gated.has(answer.id)) continue;
    const parent = question?.parent ? byId.get(question.parent) : undefined;
    if (parent && (parent.value === "no" || parent.value === "na")) continue;

    const noted = answer.notes.length > 0;
    findings.add(answer.id, {
      kind: "blank",
      severity: noted ? "info" : "low",
      capability: capabilityOf(index, answer),
      questions: [answer.id],
      message: noted
        ? `${answer.id} is blank but refers to ${answer.notes.map((number) => `Note ${number}`).join(", ")}.`
        : `${answer.id} is blank; the form expects Yes, No, N/A or See note.`,
      location: answer.location,
    });
  }
}

function addUnrecognizedFindings(
  disclosure: Disclosure,
  findings: FindingList,
): void {
  for (const answer of disclosure.answers) {
    if (answer.value !== "unrecognized") continue;
    findings.add(answer.id, {
      kind: "unrecognized",
      severity: "low",
      questions: [answer.id],
      message: `${answer.id} has the answer "${answer.raw}", which is not Yes, No, N/A or See note.`,
      location: answer.location,
    });
  }
}

/** Other problems found while reading the form, so nothing the reader saw is lost. */
function addProblemFindings(
  disclosure: Disclosure,
  findings: FindingList,
): void {
  const severities = { error: "medium", warning: "low", info: "info" } as const;
  for (const problem of disclosure.problems) {
    if (COVERED_PROBLEMS.has(problem.code)) continue;
    findings.add(problem.questionId ?? "form", {
      kind: "problem",
      severity: severities[problem.severity],
      questions: problem.questionId ? [problem.questionId] : [],
      message: `${problem.message} (${problem.code})`,
      ...(problem.location ? { location: problem.location } : {}),
    });
  }
}

function capabilityOf(index: EditionIndex, answer: Answer): string | undefined {
  return index.sectionCapability.get(answer.section.toUpperCase());
}
