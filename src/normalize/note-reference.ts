/** Note references as vendors write them: `See Note 1 `, `Note #3`, `3, 5`, `__`. */

import { cleanText } from "../forms/clean-text.js";

export interface NoteReference {
  /** Referenced note numbers in the order written, without repeats. */
  numbers: number[];
  /** True when the text names notes without a number (`See Notes`). */
  unnumbered: boolean;
  /** True when the text is neither empty, a placeholder nor a note reference. */
  unrecognized: boolean;
}

// Cell contents that mean "no note": empty, underscores, dashes, none.
const NO_NOTE = /^(?:_+|-+|none|n\/?a|no notes?)?$/i;

// One or more numbers joined by commas, `&`, `and`, `/`, `;`, or ranges `1-3`.
const NUMBER_LIST = String.raw`#?\d+(?:\s*(?:,|&|and|/|;|-|to)\s*#?\d+)*`;
const WHOLE_REFERENCE = new RegExp(
  String.raw`^(?:see\s+)?(?:notes?\s*(?:no\.?|nr\.?|number)?\s*)?(${NUMBER_LIST})?\.?$`,
  "i",
);
const EMBEDDED_REFERENCE = new RegExp(
  String.raw`\b(?:see\s+)?notes?\s*(?:no\.?\s*|nr\.?\s*|number\s*)?(${NUMBER_LIST})?`,
  "gi",
);

/** Parses the text of a note column cell. */
export function parseNoteReference(text: string): NoteReference {
  const cleaned = cleanText(text);
  if (NO_NOTE.test(cleaned))
    return { numbers: [], unnumbered: false, unrecognized: false };

  const match = WHOLE_REFERENCE.exec(cleaned);
  if (!match) return { numbers: [], unnumbered: false, unrecognized: true };
  const list = match[1];
  if (list === undefined) {
    // `See Note` alone names no number; a bare `see` is not a reference at all.
    const namesNotes = /notes?/i.test(cleaned);
    return { numbers: [], unnumbered: namesNotes, unrecognized: !namesNotes };
  }
  return {
    numbers: expandNumberList(list),
    unnumbered: false,
    unrecognized: false,
  };
}

/**
 * Finds note references inside free text such as `Yes - see note 2` or
 * `See Notes 3 and 5`. Returns the numbers and whether a note was named
 * without a number.
 */
export function findNoteReferences(text: string): {
  numbers: number[];
  unnumbered: boolean;
} {
  const numbers: number[] = [];
  let unnumbered = false;
  for (const match of cleanText(text).matchAll(EMBEDDED_REFERENCE)) {
    const list = match[1];
    if (list === undefined) unnumbered = true;
    else numbers.push(...expandNumberList(list));
  }
  return { numbers: unique(numbers), unnumbered };
}

/** Expands `3, 5`, `1-3`, `#2 and #4` to note numbers. */
export function expandNumberList(list: string): number[] {
  const numbers: number[] = [];
  const pattern = /#?(\d+)(?:\s*(?:-|to)\s*#?(\d+))?/gi;
  for (const match of list.matchAll(pattern)) {
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    // A reversed or huge range is more likely two numbers than a range.
    if (last < first || last - first > 50) numbers.push(first, last);
    else
      for (let number = first; number <= last; number += 1)
        numbers.push(number);
  }
  return unique(numbers);
}

function unique(numbers: number[]): number[] {
  return [...new Set(numbers)];
}
