/**
 * HIMSS/NEMA HN 1-2008: a safeguard-oriented layout kept from the 2004
 * HIMSS original, with integer items and letter sub-items (`4.d`, `12.b`)
 * under four headings: management of ePHI, administrative, physical and
 * technical safeguards. It predates the IEC TR 80001-2-2 capability codes.
 *
 * NOTE: no real 2008 form was available. Only the ePHI management items are
 * listed in `questions.json` (from a public copy of the 2004 layout, so
 * unconfirmed for 2008); the safeguard items are read from the form itself
 * and mapped to a capability by the topic words of their printed text.
 */

import type { EditionData } from "../edition-data.js";
import data from "./questions.json" with { type: "json" };

interface Topic {
  capability: string;
  pattern: string;
}

const typed = data as EditionData & { topics: Topic[] };

export const HN1_2008: EditionData = typed;

const topics = typed.topics.map((topic) => ({
  capability: topic.capability,
  pattern: new RegExp(topic.pattern, "i"),
}));

/**
 * The capability whose topic words the question text contains, first match
 * in the table's order (specific topics come before broad ones such as
 * "authenticat…"); `undefined` when none does.
 */
export function capabilityByTopic(question: string): string | undefined {
  return topics.find((topic) => topic.pattern.test(question))?.capability;
}
