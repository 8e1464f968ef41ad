/**
 * HIMSS/NEMA HN 1-2013: the device description fields, the management of
 * private data items (A to D.8), the 19 security capability sections in
 * IEC TR 80001-2-2 order (section 4 is CNFS, which the 2019 form dropped)
 * and section 20 (other security considerations), kept as data in
 * `questions.json`.
 *
 * NOTE: no real 2013 form was available to check against. The item list
 * follows partial public copies of the standard, and every 2013 to 2019
 * correspondence is marked `unconfirmed`.
 */

import type { EditionData, QuestionDef, SectionDef } from "../edition-data.js";
import data from "./questions.json" with { type: "json" };

export interface Hn12013Section extends SectionDef {
  /** Section number printed on the form: 0 for private data, 1 to 19, 20 for OTHR. */
  number: number;
}

export interface Hn12013Question extends QuestionDef {
  /** 2019 sections that took over the topic (15-3 → CONN, 20-x → RMOT). */
  relatedSections?: string[];
}

export interface DeviceFieldDef {
  /** The label printed on the form. */
  label: string;
  /** The `Device` field it fills. */
  field: string;
}

interface Hn12013Data extends EditionData {
  sections: Hn12013Section[];
  questions: Hn12013Question[];
  deviceFields: DeviceFieldDef[];
}

const typed = data as Hn12013Data;

export const HN1_2013: EditionData = typed;
export const HN1_2013_SECTIONS: readonly Hn12013Section[] = typed.sections;
export const HN1_2013_DEVICE_FIELDS: readonly DeviceFieldDef[] =
  typed.deviceFields;

const byId = new Map(
  typed.questions.map((question) => [question.id, question]),
);
const sectionByNumber = new Map(
  typed.sections.map((section) => [section.number, section]),
);
const sectionByCode = new Map(
  typed.sections.map((section) => [section.code, section]),
);

export function findHn12013Question(id: string): Hn12013Question | undefined {
  return byId.get(id);
}

export function hn12013SectionByNumber(
  number: number,
): Hn12013Section | undefined {
  return sectionByNumber.get(number);
}

export function hn12013SectionByCode(code: string): Hn12013Section | undefined {
  return sectionByCode.get(code.toUpperCase());
}
