/**
 * Answer values from the text vendors type into the answer cell: `Yes`,
 * `Yes,LDAP`, `N/A: No default accounts`, `See Note #3`, `✓`, `Hidden`.
 */

import type { AnswerKind } from "../forms/edition-data.js";
import type { AnswerValue } from "../model/disclosure.js";
import { findNoteReferences, parseNoteReference } from "./note-reference.js";
import { cleanText } from "../forms/clean-text.js";

export interface AnswerSpelling {
  /** Lower-case spelling after text clean-up. */
  text: string;
  value: AnswerValue;
  /** True when the spelling may be followed by a comment (`Yes, optional`); false when it must fill the cell (`X`, `On`). */
  leading: boolean;
}

/** Every spelling read as a yes/no answer value; tests iterate this table. */
export const ANSWER_SPELLINGS: readonly AnswerSpelling[] = [
  { text: "yes", value: "yes", leading: true },
  { text: "y", value: "yes", leading: true },
  { text: "true", value: "yes", leading: false },
  { text: "on", value: "yes", leading: false },
  { text: "x", value: "yes", leading: false },
  { text: "✓", value: "yes", leading: false },
  { text: "✔", value: "yes", leading: false },
  { text: "☑", value: "yes", leading: false },
  { text: "☒", value: "yes", leading: false },
  { text: "no", value: "no", leading: true },
  { text: "n", value: "no", leading: true },
  { text: "false", value: "no", leading: false },
  { text: "off", value: "no", leading: false },
  { text: "n/a", value: "na", leading: true },
  { text: "n / a", value: "na", leading: true },
  { text: "na", value: "na", leading: true },
  { text: "n.a.", value: "na", leading: true },
  { text: "n.a", value: "na", leading: true },
  { text: "not applicable", value: "na", leading: true },
  { text: "☐", value: "unanswered", leading: false },
];

/** Whole-cell words meaning the vendor withheld the value. */
export const REDACTED_SPELLINGS: readonly string[] = [
  "hidden",
  "redacted",
  "withheld",
];

export interface ParsedAnswer {
  value: AnswerValue;
  /** Text written after the value, e.g. `LDAP` for `Yes,LDAP`. */
  comment?: string;
  /** Note numbers named inside the answer cell. */
  notes: number[];
  /** True when the cell names a note without its number (`See Notes`). */
  unnumberedNote: boolean;
  redacted?: boolean;
}

const wholeSpellings = new Map(
  ANSWER_SPELLINGS.map((spelling) => [spelling.text, spelling]),
);

// Longest spelling first, so `n/a` wins over `n` and `no` over `n`.
const leadingSpellings = ANSWER_SPELLINGS.filter((spelling) => spelling.leading)
  .map((spelling) => spelling.text)
  .sort((left, right) => right.length - left.length);
const LEADING_VALUE = new RegExp(
  `^(${leadingSpellings.map(escapeRegExp).join("|")})[*†‡]*(?=$|[\\s,:;.\\-(\\[]|\\d)`,
  "i",
);

// Footnote marks vendors append to a value: `Yes*`, `No†`.
const TRAILING_MARKS = /[*†‡.]+$/;
const SEE_NOTE_START = /^(?:see\s+)?notes?\b/i;
const PLACEHOLDER = /^_+$/;
// Punctuation between the value and its comment: `Yes, LDAP`, `No: none`,
// `Yes - see note 1`. A hyphen counts only before a space, so the comment
// of `Yes, -40 °C` keeps its sign.
const COMMENT_SEPARATORS = /^(?:\s*(?:[,:;.]|-(?=\s|$)))*\s*/;

/** Parses an answer cell of a question of `kind`. */
export function parseAnswer(raw: string, kind: AnswerKind): ParsedAnswer {
  const text = cleanText(raw);
  if (text === "" || PLACEHOLDER.test(text)) return answer("unanswered");

  const lower = text.toLowerCase();
  if (REDACTED_SPELLINGS.includes(lower.replace(TRAILING_MARKS, ""))) {
    return {
      ...answer(kind === "yes-no" ? "unanswered" : "text"),
      redacted: true,
    };
  }
  if (kind !== "yes-no") return parseTextAnswer(lower);

  const whole =
    wholeSpellings.get(lower) ??
    wholeSpellings.get(lower.replace(TRAILING_MARKS, ""));
  if (whole) return answer(whole.value);
  if (SEE_NOTE_START.test(text)) return parseSeeNote(text);

  const leading = LEADING_VALUE.exec(text);
  const spelling =
    leading && wholeSpellings.get((leading[1] ?? "").toLowerCase());
  if (!leading || !spelling) return answer("unrecognized");
  return withComment(spelling.value, text.slice(leading[0].length));
}

/** Text questions (names, dates) keep their text; only N/A spellings and blanks are values. */
function parseTextAnswer(lower: string): ParsedAnswer {
  const whole =
    wholeSpellings.get(lower.replace(TRAILING_MARKS, "")) ??
    wholeSpellings.get(lower);
  if (whole?.value === "na") return answer("na");
  return answer("text");
}

/** `See Note 3`, `See Note #3`, `Note 3`, `See Notes`, `See note 2 for details`. */
function parseSeeNote(text: string): ParsedAnswer {
  const references = findNoteReferences(text);
  const whole = parseNoteReference(text);
  const rest = whole.unrecognized ? stripNoteReferences(text) : "";
  return {
    value: "see-note",
    ...(rest ? { comment: rest } : {}),
    notes: references.numbers,
    unnumberedNote: references.numbers.length === 0 && references.unnumbered,
  };
}

/** Splits what follows the value into a comment and note references. */
function withComment(value: AnswerValue, rest: string): ParsedAnswer {
  const comment = unwrapComment(rest.replace(COMMENT_SEPARATORS, "").trim());
  if (comment === "") return answer(value);

  // A comment that is only a note reference: `Yes - see note 1`, `Y 1`.
  const reference = parseNoteReference(comment);
  if (
    !reference.unrecognized &&
    (reference.numbers.length > 0 || reference.unnumbered)
  ) {
    return {
      value,
      notes: reference.numbers,
      unnumberedNote: reference.unnumbered,
    };
  }
  const embedded = findNoteReferences(comment);
  // `Yes, Windows 10 LTSC, see note 2`: the reference keeps its note number
  // but leaves the comment, as it would had it been in the note column.
  const trailing = TRAILING_NOTE_REFERENCE.exec(comment);
  return {
    value,
    comment: trailing ? comment.slice(0, trailing.index) : comment,
    notes: embedded.numbers,
    unnumberedNote: embedded.numbers.length === 0 && embedded.unnumbered,
  };
}

const TRAILING_NOTE_REFERENCE =
  /[\s,;:(-]*\bsee\s+notes?\s*#?\d+(?:\s*(?:,|&|and)\s*#?\d+)*\)?\s*$/i;

/** Removes CSV-style double quotes (`"PACS, NAS"`) or enclosing brackets. */
function unwrapComment(comment: string): string {
  const quoted = /^"(.*)"$/s.exec(comment);
  if (quoted) return (quoted[1] ?? "").replace(/""/g, '"').trim();
  const bracketed = /^\((.*)\)$/s.exec(comment);
  if (bracketed) return (bracketed[1] ?? "").trim();
  return comment;
}

function stripNoteReferences(text: string): string {
  return text
    .replace(/\b(?:see\s+)?notes?\s*#?\d*(?:\s*(?:,|&|and)\s*#?\d+)*/gi, "")
    .replace(COMMENT_SEPARATORS, "")
    .trim();
}

function answer(value: AnswerValue): ParsedAnswer {
  return { value, notes: [], unnumberedNote: false };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
