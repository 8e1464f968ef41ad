/**
 * Records for the evidence pack, workbook and OSCAL tests: the shared sample
 * report records plus vendor text in scripts the embedded font may lack.
 */

import type { Assessment } from "../../src/model/assessment.js";
import type { Disclosure } from "../../src/model/disclosure.js";
import { sampleAssessment, sampleDisclosure } from "./sample-report.js";

/** Text with ≥, ✓, accents and CJK ideographs, as vendors write it. */
export const MIXED_SCRIPT_TEXT =
  "Passwords ≥ 8 characters ✓, Gerät für Müller, 医疗设备";

export function packDisclosure(): Disclosure {
  const disclosure = sampleDisclosure();
  disclosure.answers.push({
    id: "PAUT-1",
    section: "PAUT",
    question:
      "Does the device support and enforce unique IDs and passwords for all users and roles?",
    value: "yes",
    raw: `Yes, ${MIXED_SCRIPT_TEXT}`,
    comment: MIXED_SCRIPT_TEXT,
    notes: [],
    location: "MDS2!C150",
  });
  return disclosure;
}

export function packAssessment(): Assessment {
  return sampleAssessment();
}
