/**
 * The content of one filled-in HN 1-2019 form, independent of the file type
 * it is written as, built from the fictional sample profiles.
 */

import { HN1_2019 } from "../forms/hn1-2019/index.js";
import {
  SAMPLE_2019_PROFILES,
  sampleCells,
  sampleVariant,
  type Sample2019Profile,
} from "./hn1-2019-profiles.js";

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

/**
 * Builds the form of fictional device number `index`: a variant of one of the
 * sample profiles, with its own model, document ID and about a tenth of the
 * answers changed. The same index always gives the same form, so a benchmark
 * can generate thousands quickly and a test can rebuild any one of them.
 */
export function fictionalHn12019Form(index: number): Hn12019SampleForm {
  const profile = SAMPLE_2019_PROFILES[index % SAMPLE_2019_PROFILES.length]!;
  return sampleFormFromProfile(sampleVariant(profile, index));
}

/** Converts a sample profile into the answers and notes of its form. */
export function sampleFormFromProfile(profile: Sample2019Profile): Hn12019SampleForm {
  const answers: Record<string, SampleAnswer> = {};
  for (const [id, cells] of sampleCells(profile)) {
    const note = cells.note.trim();
    answers[id] = note === "" || note === "__" ? { answer: cells.answer } : { answer: cells.answer, note };
  }
  return { answers, notes: profile.notes.map((note) => ({ ...note })) };
}

/** Returns the question text of `id`: the form's own, else the edition's label. */
export function questionText(form: Hn12019SampleForm, id: string): string {
  const own = form.questions?.[id];
  if (own) return own;
  const question = HN1_2019.questions.find((candidate) => candidate.id === id);
  return question ? `${question.label}?` : id;
}
