/**
 * Item IDs of the HN 1-2013 form as they appear in field names, cells and
 * text lines, and the per-section notes boxes.
 */

import {
  findHn12013Question,
  hn12013SectionByCode,
  HN1_2013_DEVICE_FIELDS,
  HN1_2013_SECTIONS,
} from "./index.js";

/** `1-1`, `10-1.3`, `2-2.5.1`: section number, hyphen, item number with dotted sub-items. */
const CAPABILITY_ITEM =
  /(?<![\d-])(\d{1,2})\s*-\s*(\d{1,2}(?:\.\d{1,2}){0,2})(?![\d])/;
/** A private data item as a whole field name, optionally after a section prefix: `B_1`, `MPD.B.1`. */
const PRIVATE_DATA_NAME =
  /^(?:(?:mpd|mpii|pd|private[\s_-]*data)[\s._-]*)?([A-D])(?:[._\s]?(\d))?(?:[\s_-]+(?:yes|no|n\/?a|see[\s_-]*notes?|note\s*#?))?$/i;

/** Finds the known item ID at the start of `text` (`1-1 Can the…`, `B.3 Diagnostic…`), if any. */
export function leadingItemId(
  text: string,
): { id: string; rest: string } | undefined {
  const trimmed = text.trim();
  const capability =
    /^(\d{1,2}\s*-\s*\d{1,2}(?:\.\d{1,2}){0,2})(?![\d])\.?(?:\s+|\t|$)(.*)$/s.exec(
      trimmed,
    );
  if (capability) {
    const id = (capability[1] ?? "").replace(/\s+/g, "");
    if (findHn12013Question(id)) return { id, rest: capability[2] ?? "" };
  }
  const privateData = /^([A-D](?:\.\d)?)[.)]?(?:\s+|\t)(.*)$/s.exec(trimmed);
  if (privateData && findHn12013Question(privateData[1] ?? "")) {
    return { id: privateData[1] ?? "", rest: privateData[2] ?? "" };
  }
  return undefined;
}

/**
 * Finds the known item ID a field name carries. Dots in a PDF field name
 * separate levels of the field hierarchy, so forms often write `1-1_1` for
 * item `1-1.1`. Underscores between digits therefore count as dots. A private data item
 * must be the whole name, after an optional section prefix and before an
 * optional answer or note suffix (`B_1`, `MPD.B_1`, `B_1 Yes`, `B_1 note`).
 */
export function itemIdInName(name: string): string | undefined {
  const dotted = name.replace(/(\d)_(?=\d)/g, "$1.");
  const capability = CAPABILITY_ITEM.exec(dotted);
  if (capability) {
    const id = `${capability[1]}-${capability[2]}`;
    if (findHn12013Question(id)) return id;
  }
  const privateData = PRIVATE_DATA_NAME.exec(name.trim());
  if (privateData) {
    const letter = (privateData[1] ?? "").toUpperCase();
    const id =
      privateData[2] === undefined ? letter : `${letter}.${privateData[2]}`;
    if (findHn12013Question(id)) return id;
  }
  return undefined;
}

/** Returns the section code of an item ID: `10-1.3` → `MLDP`, `B.2` → `MPII`. */
export function sectionOfItem(id: string): string | undefined {
  return findHn12013Question(id)?.section;
}

/**
 * Finds the section whose notes box `text` labels: `ALOF notes`, `MLDP notes:`,
 * `Management of Private Data notes`, `Other Security Considerations`.
 */
export function notesBoxSection(text: string): string | undefined {
  const cleaned = text.replace(/[_.]+/g, " ").trim();
  if (
    /private\s+data\s+notes?/i.test(cleaned) ||
    /^(MPD|MPII)\s+notes?\b/i.test(cleaned)
  ) {
    return "MPII";
  }
  if (/other\s+security\s+considerations|^OTHR\b/i.test(cleaned)) return "OTHR";
  const coded = /^([A-Z]{4})\s+notes?\b/i.exec(cleaned);
  if (coded && hn12013SectionByCode(coded[1] ?? ""))
    return (coded[1] ?? "").toUpperCase();
  const numbered = /^(?:section\s*)?(\d{1,2})\s+notes?\b/i.exec(cleaned);
  if (numbered)
    return HN1_2013_SECTIONS.find(
      (section) => section.number === Number(numbered[1]),
    )?.code;
  return undefined;
}

/**
 * Splits a notes box into numbered notes: `1. text 2. text` or one per line
 * (`1)`, `Note 1:`). Text before the first number, or a box without numbers,
 * becomes note 1.
 */
export function splitNotesBox(
  text: string,
): { number: number; text: string }[] {
  const pattern = /(?:^|\s)(?:note\s*#?\s*)?(\d{1,2})\s*[.):]\s+/gi;
  const marks = [...text.matchAll(pattern)];
  if (marks.length === 0)
    return text.trim() === "" ? [] : [{ number: 1, text: text.trim() }];

  const notes: { number: number; text: string }[] = [];
  const lead = text.slice(0, marks[0]?.index ?? 0).trim();
  if (lead !== "") notes.push({ number: 1, text: lead });
  marks.forEach((mark, index) => {
    const start = (mark.index ?? 0) + mark[0].length;
    const end = marks[index + 1]?.index ?? text.length;
    const body = text.slice(start, end).trim();
    if (body !== "") notes.push({ number: Number(mark[1]), text: body });
  });
  return notes;
}

/** Finds the device description label `text` names, compared without case and punctuation. */
export function deviceLabel(text: string): string | undefined {
  const key = compact(text);
  if (key === "") return undefined;
  // The longest matching label wins: `Manufacturer or Representative…` over `Manufacturer`.
  const matches = HN1_2013_DEVICE_FIELDS.filter((definition) => {
    const label = compact(definition.label);
    return (
      key === label ||
      (key.length >= 6 && label.startsWith(key)) ||
      key.startsWith(label)
    );
  });
  const exact = matches.find((definition) => compact(definition.label) === key);
  if (exact) return exact.label;
  return matches.sort((a, b) => b.label.length - a.label.length)[0]?.label;
}

function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}

/** `Yes`, `No`, `N/A`, `See Note(s)` at the start of an answer. */
export const ANSWER_START = /^(yes|no|n\/?a|see\s+notes?)\b/i;
