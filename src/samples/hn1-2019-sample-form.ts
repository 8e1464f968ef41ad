/**
 * The content of one filled-in HN 1-2019 form, independent of the file type
 * it is written as, and a generator of fictional vendors' forms.
 */

import { HN1_2019 } from "../forms/hn1-2019/index.js";

export interface SampleAnswer {
  /** Answer cell text: `Yes`, `No`, `N/A`, `See Notes`, a date, a name, or empty. */
  answer: string;
  /** Text after the value, e.g. `LDAP` in `Yes,LDAP`. */
  comment?: string;
  /** Note reference, e.g. `See Note 2`, or empty. */
  note?: string;
}

export interface Hn12019SampleForm {
  /** Answer per canonical question ID, for every question of the edition. */
  answers: Record<string, SampleAnswer>;
  notes: { number: number; text: string }[];
  /** Question text per ID; the edition's label is used where none is given. */
  questions?: Record<string, string>;
}

const VENDORS = ["Northwind Medical", "Bluefield Devices", "Halcyon Imaging", "Okapi Diagnostics"];
const DEVICES = ["Infusion pump", "Patient monitor", "Ultrasound system", "Video recorder"];
// Answer by `pick` (0-19): below 9 Yes, 9-14 No, 15-17 N/A, 18 See Notes, 19 blank.
const ANSWER_BANDS: [below: number, answer: string][] = [
  [9, "Yes"],
  [15, "No"],
  [18, "N/A"],
  [19, "See Notes"],
];
const COMMENTS = ["LDAP", "Admin only", "Optional, disabled by default", "See IFU", "HTTPS, TLS 1.2"];

/**
 * Builds the form of fictional vendor number `index`. Answers vary with the
 * index but are deterministic, so a benchmark can generate thousands quickly
 * and a test can rebuild any one of them.
 */
export function fictionalHn12019Form(index: number): Hn12019SampleForm {
  const vendor = VENDORS[index % VENDORS.length]!;
  const device = DEVICES[Math.floor(index / VENDORS.length) % DEVICES.length]!;
  const model = `${vendor.slice(0, 2).toUpperCase()}-${100 + (index % 900)}`;
  const day = String(1 + (index % 28)).padStart(2, "0");
  const text: Record<string, string> = {
    "DOC-1": vendor,
    "DOC-2": device,
    "DOC-3": model,
    "DOC-4": `MDS2-${model}-${index}`,
    "DOC-5": `security@${vendor.split(" ")[0]!.toLowerCase()}.example`,
    "DOC-6": "Sends results to the hospital information system",
    "DOC-7": `2024-05-${day}`,
  };

  const answers: Record<string, SampleAnswer> = {};
  const notes: Hn12019SampleForm["notes"] = [];
  HN1_2019.questions.forEach((question, position) => {
    const fixed = text[question.id];
    if (fixed !== undefined) {
      answers[question.id] = { answer: fixed };
      return;
    }
    const pick = (position * 7 + index * 13) % 20;
    const answer = ANSWER_BANDS.find(([below]) => pick < below)?.[1] ?? "";
    const entry: SampleAnswer = { answer };
    if (answer === "Yes" && pick % 4 === 1) entry.comment = COMMENTS[(position + index) % COMMENTS.length]!;
    if (answer === "See Notes") {
      const number = notes.length + 1;
      notes.push({ number, text: `Details for ${question.id} are in the security guide, chapter ${number}.` });
      entry.note = `See Note ${number}`;
    }
    answers[question.id] = entry;
  });
  return { answers, notes };
}

/** Returns the question text of `id`: the form's own, else the edition's label. */
export function questionText(form: Hn12019SampleForm, id: string): string {
  const own = form.questions?.[id];
  if (own) return own;
  const question = HN1_2019.questions.find((candidate) => candidate.id === id);
  return question ? `${question.label}?` : id;
}
