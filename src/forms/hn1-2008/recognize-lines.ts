/**
 * HN 1-2008 forms as text lines (a flattened PDF or a text rendering).
 *
 * Headings name the part: management of ePHI, administrative, physical and
 * technical safeguards. An item line starts with its number (`12.`), a
 * sub-item line with its letter (`b.`) under the last number, or with both
 * (`12.b`). In PDF lines the answer and note number follow in their own
 * columns (separated by tabs); in plain text the answer is the trailing Yes,
 * No or N/A, optionally followed by a note number.
 *
 * Items of the ePHI part keep the management section; safeguard items are
 * put under the capability their printed text names (see `capabilityByTopic`),
 * sub-items under their item's, and the items no topic matches are listed in
 * one `info` problem.
 *
 * NOTE: forms that tick an X in separate Yes, No and N/A columns are not
 * read: text lines do not keep the column each mark sits in.
 */

import type { Problem } from "../../model/disclosure.js";
import type { SourceContent, TextLine } from "../../read/source-content.js";
import type { RawForm, RawRow } from "../raw-form.js";
import { capabilityByTopic } from "./index.js";

const EDITION = "HN 1-2008";
const MIN_ITEM_LINES = 5;
const MIN_HEADINGS = 2;

const HEADINGS: [RegExp, string][] = [
  [
    /management of (electronic )?protected health information|\(ephi\)\s*$/i,
    "MPII",
  ],
  [/administrative safeguards/i, "ADMN"],
  [/physical safeguards/i, "PHYS"],
  [/technical safeguards/i, "TECH"],
];
const ITEM = /^(\d{1,2})\s*\.\s*(?:([a-h])\s*[.)]\s*)?(.*)$/i;
const SUB_ITEM = /^([a-h])\s*[.)]\s+(.*)$/i;
const TRAILING_ANSWER = /^(.*?)\s+(yes|no|n\/?a|y|n)(?:\s+(\d{1,2}))?\s*$/i;

/** Recognizes HN 1-2008 item lines; `undefined` when the lines are not such a form. */
export function recognizeHn12008Lines(
  content: SourceContent,
): RawForm | undefined {
  if (content.kind !== "lines") return undefined;

  const rows: RawRow[] = [];
  const headings = new Set<string>();
  let part: string | undefined;
  let item: string | undefined;

  for (const line of content.lines) {
    const heading = HEADINGS.find(([pattern]) => pattern.test(line.text));
    if (heading) {
      part = heading[1];
      headings.add(part);
      item = undefined;
      continue;
    }
    if (!part) continue;
    const parsed = parseItemLine(line, item);
    if (!parsed) continue;
    item = parsed.item;
    rows.push({ ...parsed.row, section: part });
  }
  if (headings.size < MIN_HEADINGS || rows.length < MIN_ITEM_LINES)
    return undefined;

  const problems: Problem[] = [...content.problems];
  const unmapped: string[] = [];
  const mapped = new Map<string, string>();
  for (const row of rows) {
    if (row.section === "MPII") continue;
    // A sub-item (`12.a Login and logout`) belongs to its item's topic.
    const parent = row.printedId.includes(".")
      ? mapped.get(row.printedId.split(".")[0] ?? "")
      : undefined;
    const capability = parent ?? capabilityByTopic(row.question);
    if (capability) {
      row.section = capability;
      mapped.set(row.printedId, capability);
    } else {
      unmapped.push(row.printedId);
    }
  }
  if (unmapped.length > 0) {
    problems.push({
      code: "question.unmapped",
      severity: "info",
      message: `${unmapped.length} HN 1-2008 item(s) name no security capability and are not cross-referenced: ${unmapped.join(", ")}`,
    });
  }
  return { edition: EDITION, rows, notes: [], problems };
}

function parseItemLine(
  line: TextLine,
  currentItem: string | undefined,
): { item: string; row: Omit<RawRow, "section"> } | undefined {
  const text = line.text.trim();
  let item: string;
  let id: string;
  let rest: string;
  const numbered = ITEM.exec(text);
  const lettered = SUB_ITEM.exec(text);
  if (numbered) {
    item = numbered[1] ?? "";
    id = numbered[2] ? `${item}.${numbered[2].toLowerCase()}` : item;
    rest = numbered[3] ?? "";
  } else if (lettered && currentItem) {
    item = currentItem;
    id = `${currentItem}.${(lettered[1] ?? "").toLowerCase()}`;
    rest = lettered[2] ?? "";
  } else {
    return undefined;
  }

  const chunks = rest.split("\t").map((chunk) => chunk.trim());
  let question = chunks[0] ?? "";
  let answer = chunks[1] ?? "";
  let noteRef = chunks.slice(2).join(" ");
  if (chunks.length === 1) {
    const trailing = TRAILING_ANSWER.exec(rest);
    if (trailing) {
      question = trailing[1] ?? "";
      answer = trailing[2] ?? "";
      noteRef = trailing[3] ?? "";
    }
  }
  return {
    item,
    row: {
      printedId: id,
      question,
      answer,
      answerLocation: line.location,
      noteRef,
    },
  };
}
