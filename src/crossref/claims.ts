/** What a disclosure claims about each capability, from the answers and their polarity. */

import type { EditionData, QuestionDef } from "../forms/edition-data.js";
import type { Claim } from "../model/assessment.js";
import { isCapabilityCode } from "../model/capabilities.js";
import type { Answer, Disclosure } from "../model/disclosure.js";

export interface CapabilityClaim {
  claim: Claim;
  /** IDs of every answer bearing on the capability, own section first. */
  questions: string[];
  /** The answers the claim was decided by. */
  basis: Answer[];
  /** Capability answers of No beside a claim: facets the device does not have. */
  deniedFacets: Answer[];
}

/** Lookups over one edition's data, built once per assessment. */
export interface EditionIndex {
  data: EditionData;
  questions: Map<string, QuestionDef>;
  /** Capability code of each section code that is one. */
  sectionCapability: Map<string, string>;
}

export function indexEdition(data: EditionData): EditionIndex {
  const sectionCapability = new Map<string, string>();
  for (const section of data.sections) {
    const capability =
      section.capability ??
      (isCapabilityCode(section.code) ? section.code : undefined);
    if (capability)
      sectionCapability.set(
        section.code.toUpperCase(),
        capability.toUpperCase(),
      );
  }
  return {
    data,
    questions: new Map(
      data.questions.map((question) => [question.id, question]),
    ),
    sectionCapability,
  };
}

/** Polarity of an answer's question; a question missing from the edition data counts as a capability question. */
export function polarityOf(
  index: EditionIndex,
  answer: Answer,
): QuestionDef["polarity"] {
  return index.questions.get(answer.id)?.polarity ?? "capability";
}

/** Derives the claim and the bearing questions of `code`. */
export function claimFor(
  disclosure: Disclosure,
  index: EditionIndex,
  code: string,
): CapabilityClaim {
  const own = disclosure.answers.filter(
    (answer) => ownCapability(index, answer) === code,
  );
  const listed = disclosure.answers.filter(
    (answer) =>
      ownCapability(index, answer) !== code &&
      (index.questions.get(answer.id)?.capabilities ?? []).includes(code),
  );
  const questions = [...own, ...listed].map((answer) => answer.id);

  // A capability the edition has no section for is not asked, even when
  // questions of other sections mention it (CNFS on the 2019 form).
  const asked = [...index.sectionCapability.values()].includes(code);
  if (!asked)
    return { claim: "not-asked", questions, basis: [], deniedFacets: [] };

  const fromOwn = decide(index, own);
  const decided =
    fromOwn.claim === "undisclosed"
      ? decideListed(index, listed, fromOwn)
      : fromOwn;
  return { ...decided, questions };
}

/** Capability of the answer's own section; older editions also via their 2019 equivalents. */
function ownCapability(
  index: EditionIndex,
  answer: Answer,
): string | undefined {
  const fromSection = index.sectionCapability.get(answer.section.toUpperCase());
  if (fromSection) return fromSection;
  const equivalent = answer.equivalents?.[0];
  const prefix = equivalent?.split("-")[0];
  return prefix && isCapabilityCode(prefix) ? prefix.toUpperCase() : undefined;
}

function decideListed(
  index: EditionIndex,
  listed: Answer[],
  fromOwn: Omit<CapabilityClaim, "questions">,
): Omit<CapabilityClaim, "questions"> {
  const fromListed = decide(index, listed);
  return fromListed.claim === "claimed" || fromListed.claim === "denied"
    ? fromListed
    : fromOwn;
}

/**
 * Turns a section's answers into one claim.
 *
 * Only capability questions count (info questions when the section has none;
 * exposure and text questions never do). The top-level questions decide: any
 * Yes is a claim, because each top-level question asks about a separate facet
 * and a device with one facet has the capability in part; otherwise any No
 * denies it; N/A on every one of them is not-applicable. A child answer only
 * decides when its parents answered nothing usable (N/A, See note, blank), and
 * a child that contradicts its parent is a consistency finding, not a claim.
 * See-note answers are neither Yes nor No: a section of only See-note or blank
 * answers is undisclosed.
 */
function decide(
  index: EditionIndex,
  answers: Answer[],
): Omit<CapabilityClaim, "questions"> {
  const capabilityAnswers = answers.filter(
    (answer) => polarityOf(index, answer) === "capability",
  );
  const candidates =
    capabilityAnswers.length > 0
      ? capabilityAnswers
      : answers.filter((answer) => polarityOf(index, answer) === "info");
  const ids = new Set(candidates.map((answer) => answer.id));
  const topLevel = candidates.filter((answer) => {
    const parent = index.questions.get(answer.id)?.parent;
    return parent === undefined || !ids.has(parent);
  });
  const children = candidates.filter((answer) => !topLevel.includes(answer));

  const deniedFacets = candidates.filter((answer) => answer.value === "no");
  for (const level of [topLevel, children]) {
    const yes = level.filter((answer) => answer.value === "yes");
    if (yes.length > 0) return { claim: "claimed", basis: yes, deniedFacets };
    const no = level.filter((answer) => answer.value === "no");
    if (no.length > 0) return { claim: "denied", basis: no, deniedFacets: [] };
  }

  const answered = candidates.filter((answer) => answer.value !== "unanswered");
  if (
    answered.length > 0 &&
    answered.every((answer) => answer.value === "na")
  ) {
    return { claim: "not-applicable", basis: answered, deniedFacets: [] };
  }
  return { claim: "undisclosed", basis: answered, deniedFacets: [] };
}
