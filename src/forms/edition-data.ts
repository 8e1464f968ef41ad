/** Types of the per-edition question data kept as JSON beside each edition module. */

import type { Edition } from "../model/disclosure.js";

/**
 * What a Yes means: `capability` (the device has a security capability),
 * `exposure` (more attack surface or data at risk), `info` (descriptive) or
 * `text` (the form asks for free text, a date or a name).
 */
export type Polarity = "capability" | "exposure" | "info" | "text";

export type AnswerKind = "yes-no" | "text" | "date";

export interface QuestionDef {
  id: string;
  section: string;
  /** The question this one refines (`AUDT-2` for `AUDT-2.1`). */
  parent?: string;
  kind: AnswerKind;
  polarity: Polarity;
  /** Short label in this project's own words. */
  label: string;
  /** Capability codes the answer bears on, besides the section's own. */
  capabilities?: string[];
  /** Device metadata field filled from this question (DOC-1 → manufacturer). */
  deviceField?: string;
  /** 2019 question IDs this question corresponds to (older editions). */
  equivalents?: string[];
  /** Confidence of `equivalents`: as the reference marks the correspondence row. */
  equivalenceConfidence?: "verified" | "secondary" | "unconfirmed" | "inferred";
}

/**
 * A printed instruction such as CSUP-1 "if no, answer N/A to the rest of the
 * section": when `question` has `when`, every ID in `then` should be `expect`.
 */
export interface GateRule {
  question: string;
  when: "yes" | "no";
  then: string[];
  expect: "na";
}

export interface SectionDef {
  code: string;
  title: string;
  /** IEC TR 80001-2-2 capability code, when the section is one. */
  capability?: string;
}

export interface EditionData {
  edition: Edition;
  sections: SectionDef[];
  questions: QuestionDef[];
  gates: GateRule[];
}
