/** Findings about single answers: exposures and denials that matter on their own. */

import type { Severity } from "../model/assessment.js";
import type { Answer, Disclosure } from "../model/disclosure.js";
import { polarityOf, type EditionIndex } from "./claims.js";
import type { FindingList } from "./finding-list.js";
import rules from "./finding-rules.json" with { type: "json" };

interface AnswerRule {
  question: string;
  value: string;
  severity: Severity;
  capability?: string;
  message: string;
  escalate?: {
    question: string;
    value: string;
    severity: Severity;
    message: string;
  };
}

const ANSWER_RULES = rules.answerRules as AnswerRule[];
const EXPOSURE_DEFAULT = rules.exposureDefault as Severity;

/**
 * Adds a finding for each answer a rule names, and an informational finding
 * for every other Yes to an exposure question: such a Yes is a risk to
 * manage, not a capability.
 */
export function addAnswerFindings(
  disclosure: Disclosure,
  index: EditionIndex,
  findings: FindingList,
): void {
  for (const answer of disclosure.answers) {
    const rule = ANSWER_RULES.find(
      (candidate) =>
        matches(answer, candidate.question) && answer.value === candidate.value,
    );
    if (rule) {
      addRuleFinding(disclosure, answer, rule, findings);
      continue;
    }
    if (answer.value === "yes" && polarityOf(index, answer) === "exposure") {
      const question = index.questions.get(answer.id);
      const capability =
        question?.capabilities?.[0] ??
        index.sectionCapability.get(answer.section.toUpperCase());
      findings.add(answer.id, {
        kind: "exposure",
        severity: EXPOSURE_DEFAULT,
        ...(capability ? { capability } : {}),
        questions: [answer.id],
        message:
          `${answer.id} is Yes: ${question?.label ?? answer.question}`.replace(
            /[\s:]+$/,
            "",
          ) + ".",
        location: answer.location,
      });
    }
  }
}

function addRuleFinding(
  disclosure: Disclosure,
  answer: Answer,
  rule: AnswerRule,
  findings: FindingList,
): void {
  const escalation = rule.escalate;
  const related = escalation
    ? disclosure.answers.find((other) => matches(other, escalation.question))
    : undefined;
  const escalated =
    escalation && related?.value === escalation.value ? escalation : undefined;

  const value = answer.value === "yes" ? "Yes" : "No";
  const message = escalated
    ? `${answer.id} is ${value} and ${related!.id} is ${related!.value === "yes" ? "Yes" : "No"}: ${escalated.message}.`
    : `${answer.id} is ${value}: ${rule.message}.`;
  findings.add(answer.id, {
    kind: answer.value === "yes" ? "exposure" : "denial",
    severity: escalated?.severity ?? rule.severity,
    ...(rule.capability ? { capability: rule.capability } : {}),
    questions: escalated ? [answer.id, related!.id] : [answer.id],
    message,
    location: answer.location,
  });
}

/** True when the answer is the 2019 question `id` or, on older editions, corresponds to it. */
function matches(answer: Answer, id: string): boolean {
  return answer.id === id || (answer.equivalents ?? []).includes(id);
}
